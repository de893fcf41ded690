// Indonesian versus English, including short texts where the stop-word vote decides.
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean-article.js';
import { clearStopWordVote, detectLanguage, stopWordVote } from '../../src/nlp/detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['Pemerintah akan menaikkan tarif listrik untuk rumah tangga mulai bulan depan, kata menteri energi dalam keterangan tertulis yang diterima wartawan di Jakarta pada hari Senin. Kenaikan itu berlaku untuk pelanggan dengan daya besar.', 'id'],
    ['The government will raise electricity tariffs for households from next month, the energy minister said in a written statement received by reporters in Jakarta on Monday. The increase applies to large customers.', 'en'],
    ['Rapat itu digelar di kantor kementerian.', 'id'],
    ['The meeting was held at the ministry.', 'en'],
    ['Menteri bertemu dengan CEO Toyota dan Honda.', 'id'],
  ])('%s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('counts stop words of each language', () => {
    expect(stopWordVote('yang dan di the')).toEqual({ id: 3, en: 1 });
  });

  // The synthetic corpus's article 6571 (scripts/bench): every third plainly English, yet
  // tinyld's character statistics call it Indonesian.
  const PLAIN_ENGLISH =
    'Cooperation on IJEPA was discussed on April 12, 2019 in Osaka.\n\nThe government targets output of 265,000 units of battery recycling by 2030. ' +
    'According to Rudi Santoso, an investment of $68.3 billion will go to IJEPA.\n\nThe programme also covers training for 120 workers in Bandung and a feasibility study on IJEPA. ' +
    'The government targets output of 266,000 units of battery swapping by 2030.\n\n"We are committed to accelerating IJEPA with our Japanese partners," Agus Salim said. ' +
    'Car ownership stands at 54 cars per 1,000 people, up 10 percent from last year.\n\nDuring the dialogue, Pertamina presented a roadmap.';

  it('lets the stop words decide alone when every third of the text plainly uses one language', () => {
    expect(clearStopWordVote(PLAIN_ENGLISH.slice(0, 600))).toBe('en');
    expect(detectLanguage(PLAIN_ENGLISH)).toBe('en');
  });

  it('takes two stop words of one language and none of the other in each third as plain', () => {
    expect(clearStopWordVote('Toyota opened the plant in Karawang on Monday. Output rose and exports grew in March. Officials said the plant will hire workers.')).toBe('en');
    // One of the other language's in a third with only two is not plain.
    expect(clearStopWordVote('Toyota opened the plant di Karawang on Monday. Output rose and exports grew in March. Officials said the plant will hire workers.')).toBeNull();
  });

  it('leaves text with a paragraph in the other language to tinyld', () => {
    const mixed = `Pemerintah dan Jepang sepakat untuk memperkuat kerja sama di bidang industri otomotif yang ada di Jakarta.\n\n${PLAIN_ENGLISH}`;
    expect(clearStopWordVote(mixed.slice(0, 600))).toBeNull();
    expect(clearStopWordVote('The meeting was held at the ministry.')).toBeNull();
  });

  it('decides on the body, not the title', () => {
    const a = cleanArticle(
      {
        text: 'Japan and Indonesia Seek Closer Automotive Ties\nKedua negara sepakat memperkuat kerja sama industri otomotif dan kendaraan listrik. Pertemuan itu dihadiri para pejabat dari kedua kementerian.',
      },
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(a.title).toBe('Japan and Indonesia Seek Closer Automotive Ties');
    expect(a.language).toBe('id');
  });
});
