// The whole pipeline on small hand-made inputs: title handling, date stamps,
// caller metadata, and stability when a clean article is cleaned again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean-article.js';

const now = new Date('2026-03-01T09:00:00Z');
const body = 'Pemerintah menaikkan target produksi mobil listrik menjadi 600.000 unit. Target itu dibahas dalam rapat yang digelar Senin (3/6/2024).';

describe('cleanArticle', () => {
  it('takes a date stamp under the title as the publication date and keeps it out of the body', () => {
    const a = cleanArticle({ text: `Target Mobil Listrik Naik\nSelasa, 4 Juni 2024 | 10:15 WIB\nReporter: Dewi | Editor: Andi\n${body}` }, now);
    expect(a).toMatchObject({ title: 'Target Mobil Listrik Naik', eventDate: '2024-06-03', publishedDate: '2024-06-04', paragraphs: [body] });
  });

  it('reads a press release: header, "Place, date" line, contact footer', () => {
    const text = `SIARAN PERS\nJakarta, 12 November 2025\nKemenperin Dorong Ekspor Komponen\n${body}\nInformasi lebih lanjut hubungi:\nBiro Hubungan Masyarakat\nKementerian Perindustrian\nTelp: 021-5255509`;
    const a = cleanArticle({ text }, now);
    expect(a).toMatchObject({ title: 'Kemenperin Dorong Ekspor Komponen', titleDerived: false, publishedDate: '2025-11-12', paragraphs: [body] });
  });

  it('drops the first line when it repeats the caller\'s title, even with a site suffix', () => {
    const a = cleanArticle({ text: `Target Mobil Listrik Naik - Kabarotomotif.co.id\n${body}`, title: 'Target Mobil Listrik Naik' }, now);
    expect(a).toMatchObject({ title: 'Target Mobil Listrik Naik', titleDerived: false, paragraphs: [body] });
  });

  it('strips a site suffix from a title line', () => {
    expect(cleanArticle({ text: `Target Mobil Listrik Naik | Otomotif.com\n${body}` }, now).title).toBe('Target Mobil Listrik Naik');
  });

  it('rejects a malformed caller date at the boundary', () => {
    expect(() => cleanArticle({ text: body, publishedDate: '21/06/2024' }, now)).toThrow(/malformed/);
  });

  it('is stable: cleaning the cleaned article again changes nothing', () => {
    for (const file of ['001_c7416db9711d86cf.txt', '002_f1673245c3cd19fc.txt', '004_ad159ab7eb30ab13.txt']) {
      const first = cleanArticle({ text: readFileSync(new URL(`../../seeds/${file}`, import.meta.url), 'utf8') }, now);
      const again = cleanArticle({ text: `${first.title}\n\n${first.body}`, source: first.source ?? undefined }, now);
      expect(again.body).toBe(first.body);
      expect(again.fingerprint).toBe(first.fingerprint);
      expect(again.language).toBe(first.language);
    }
  });
});
