// Indonesian versus English, including short texts where the stop-word vote decides.
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean-article.js';
import { detectLanguage, stopWordVote } from '../../src/nlp/detect-language.js';

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
