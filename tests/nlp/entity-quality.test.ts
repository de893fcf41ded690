// Class 3 (entities): shapes seen on unseen news, in texts written for the test.
import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions } from '../../src/nlp/acronyms.js';
import { findEntities } from '../../src/nlp/find-entities.js';
import { findPeople } from '../../src/nlp/find-people.js';
import type { CleanArticle } from '../../src/model/article.js';
import { summarizeArticle } from '../../src/summarize/summarize-article.js';

const names = (body: string, headline?: string) => findEntities(body, new Map(), headline ? { headline } : {}).map((e) => e.name);

describe('people', () => {
  it('finds a person named after a title and a comma, and one whose first name or surname speaks alone later', () => {
    const text = `Rapat dihadiri Direktur Jenderal Industri Kimia Kementerian Perindustrian (Kemenperin), Wirya Santoso.
Vice Minister of Tourism, Lena Marpaung, opened the fair. Lena stressed that hotels were full.
Sebelumnya Hendra Wijoyo hadir di pabrik. "Kami siap," ujar Hendra.
The plant chief Kenji Mori visited. "It is ready," Mori told reporters.`;
    expect(findPeople(text)).toEqual(expect.arrayContaining(['Wirya Santoso', 'Lena Marpaung', 'Hendra Wijoyo', 'Kenji Mori']));
  });

  it('never glues a portfolio or job word onto a name', () => {
    const text = `Menko Perekonomian Dimas Pratama membuka acara. Minister of Shipping Rudi Halim came too.
Sektor perekonomian tumbuh, and shipping costs fell.`;
    const people = findPeople(text);
    expect(people).toEqual(expect.arrayContaining(['Dimas Pratama', 'Rudi Halim']));
    expect(people.some((p) => /Perekonomian|Shipping/.test(p))).toBe(false);
  });

  it('takes no person from a Title Case headline or from Title Case common words', () => {
    const a: CleanArticle = {
      title: 'Menteri Kantongi Janji Penambahan Pabrik di Batang',
      titleDerived: false,
      body: '',
      paragraphs: ['Menteri Perindustrian Dimas Pratama mengatakan ada penambahan pabrik di Batang.', 'Kehadiran Dimas disambut baik oleh warga.'],
      language: 'id',
      source: null,
      eventDate: null,
      publishedDate: null,
      fingerprint: 'x',
    };
    const people = summarizeArticle(a, { acronyms: new Map() }).entities.filter((e) => e.kind === 'person').map((e) => e.name);
    expect(people).toEqual(['Dimas Pratama']);
  });

  it('does not take a brand that is urged or asked for a speaker', () => {
    const text = 'Minister Dimas Pratama urged Kawasaki to build more. The Kawasaki Ninja sold well.';
    expect(findPeople(text)).not.toContain('Kawasaki Ninja');
  });
});

describe('organisations and acronyms', () => {
  it('drops job titles, page words, time zones, currency codes and shouted datelines', () => {
    const body = `SEMARANG - Nusa Motors CEO Ari Wibowo said on Monday the plant in Semarang opened at 10.00 WIB.
POPULAR ARTICLE BOX. Shares of Nusa Motors LTD rose; the deal is worth 5 million USD.
The Asian Battery Alliance (ABA) welcomed it.`;
    const got = names(body);
    for (const junk of ['CEO', 'Motors CEO', 'WIB', 'POPULAR', 'ARTICLE', 'BOX', 'LTD', 'USD', 'SEMARANG']) expect(got).not.toContain(junk);
    expect(got).toContain('ABA');
    // Another spelling of the same acronym is not a shouted word.
    expect(names('Negara-negara Asean bertemu. ASEAN Secretariat hadir di Jakarta.')).toContain('ASEAN');
  });

  it('expands an acronym only to a long form that spells every one of its letters', () => {
    const defs = findAcronymDefinitions(
      'firms Kyushu Steel and Pacific Asia Marine Logistics and Shipping (PAMS) signed. Nusa Motor Manufacturing Indonesia (NMMIN) said.',
    );
    expect(defs.get('PAMS')).toBe('Pacific Asia Marine Logistics and Shipping');
    expect(defs.get('NMMIN')).toBe('Nusa Motor Manufacturing Indonesia');
    const wrong = findAcronymDefinitions('the firm Asia Marine Logistics and Shipping (AAMS) signed.');
    expect(wrong.has('AAMS')).toBe(false);
    expect(findAcronymDefinitions('said ANTARA (it has been a long time. Jakarta) today').has('ANTARA')).toBe(false);
  });

  it('reads no acronym out of a hyphenated one and no modifier the text writes in lower case', () => {
    const body = 'The J-CORE (Japan Council on Regional Energy) met. Peringatan 40 Tahun ASEAN di Tokyo. Tahun ASEAN berikutnya, tahun depan.';
    const got = names(body);
    expect(got).not.toContain('CORE');
    expect(got).not.toContain('Tahun ASEAN');
  });
});

describe('named bodies and places', () => {
  it('finds companies and facilities by their kind word, without possessives, places or plain words', () => {
    const body = `Japan’s Kyushu Steel Industry and Nusa Prospect Motor will build the Kisarazu Plant near Bekasi.
Students of Politeknik ATI Padang joined. The group wants to promote industri sepeda motor. CEO Kenji Mori of Kyushu Steel Industry said so.`;
    const got = findEntities(body, new Map());
    const byName = new Map(got.map((e) => [e.name, e.kind]));
    expect(byName.get('Kyushu Steel Industry')).toBe('organisation');
    expect(byName.get('Nusa Prospect Motor')).toBe('organisation');
    expect(byName.get('Kisarazu Plant')).toBe('place');
    expect(byName.get('Politeknik ATI Padang')).toBe('place');
    expect(byName.get('Bekasi')).toBe('place');
    expect([...byName.keys()].some((n) => /Japan’s|Sepeda/.test(n))).toBe(false);
  });

  it('finds a person after a defined body and a comma, or after a title and the body name', () => {
    const text = 'The deal was signed with the Ministry of Trade of Japan (MOTJ), Haruto Sato, in Osaka. President Nusa Motor Corp. Kenji Mori spoke.';
    expect(findPeople(text)).toEqual(expect.arrayContaining(['Haruto Sato', 'Kenji Mori']));
  });
});
