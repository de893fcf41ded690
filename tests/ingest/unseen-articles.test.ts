// Clean-up on articles nobody has seen: other outlets' datelines and clutter,
// in Indonesian and English.
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean-article.js';
import { antaraStyle, blogStyle, cnbcStyle, detikStyle, englishDailyStyle, kompasStyle, reutersStyle } from './unseen-articles.js';

const now = new Date('2026-03-01T09:00:00Z');
const clutter = [
  'Lihat juga', 'Baca juga', 'ADVERTISEMENT', 'Advertisement', 'SCROLL TO CONTINUE', 'WhatsApp', 'Penulis', 'Editor',
  'Bagikan', 'Facebook', 'Copy Link', 'Read more', 'Nissan', 'Reporting by', 'Share this', 'newsletter',
  'Related', 'Honda', 'Tags', 'Berita Terkait', 'IHSG', 'Emas', '(haa/haa)', 'Pewarta', 'COPYRIGHT', 'Google News',
  'Estimated read time', 'There are no comments', 'Leave a Reply', 'Trackback', 'Harga Nikel', 'Rupiah Melemah',
  'PLTS', 'By Jane Doe', '\u00a0', '\u200b', 'Simak Video', 'Gambas', '(rdp/imk)', 'Rupiah weakens', 'Topics',
  'Tweet', 'originally published',
];

function expectNoClutter(body: string): void {
  for (const phrase of clutter) expect(body, phrase).not.toContain(phrase);
}

describe('unseen articles', () => {
  it('Kompas-style Indonesian article', () => {
    const a = cleanArticle({ text: kompasStyle }, now);
    expectNoClutter(a.body);
    expect(a).toMatchObject({
      title: 'Pemerintah Perpanjang Insentif Mobil Listrik hingga 2027',
      titleDerived: false,
      language: 'id',
      source: 'KOMPAS.com',
      eventDate: '2025-03-03',
      publishedDate: '2025-03-04',
    });
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]).toMatch(/^Kementerian Keuangan resmi/);
    expect(a.body).toContain('40 persen');
  });

  it('Reuters-style English article', () => {
    const a = cleanArticle({ text: reutersStyle }, now);
    expectNoClutter(a.body);
    expect(a).toMatchObject({
      title: 'Toyota to build battery plant in Indonesia',
      language: 'en',
      source: 'Reuters',
      eventDate: '2024-05-14',
      publishedDate: '2024-05-15',
    });
    expect(a.paragraphs).toEqual([
      'Toyota Motor Corp said it would build a battery plant in West Java, after executives met Indonesian officials in Tokyo on May 14.',
      'The plant, worth about $1.2 billion, is expected to start production in 2027, the company said in a statement on Wednesday, May 15, 2024.',
      '"Indonesia is a key market for us," a spokesperson said.',
    ]);
  });

  it('CNBC-style article without a title line, with inline clutter and odd characters', () => {
    const a = cleanArticle({ text: cnbcStyle }, now);
    expectNoClutter(a.body);
    expect(a.titleDerived).toBe(true);
    expect(a.title).toBe('Bank Indonesia (BI) mempertahankan suku bunga acuan di level 6,25%');
    expect(a).toMatchObject({ language: 'id', source: 'CNBC Indonesia', eventDate: '2025-02-19', publishedDate: '2025-02-20' });
    expect(a.paragraphs).toHaveLength(3);
    expect(a.body).toContain('2,5 plus minus 1 persen');
  });

  it('Antara-style article: "Rabu (12/2)" with no year in the text stays year-less, desk credits removed', () => {
    const a = cleanArticle({ text: antaraStyle }, now);
    expectNoClutter(a.body);
    expect(a).toMatchObject({ language: 'id', source: 'ANTARA', titleDerived: true });
    // 12 February fell on a Wednesday in 2025 and 2020, but the text names no year: today's date never lends one.
    expect(a.eventDate).toBe('--02-12');
    expect(a.paragraphs).toHaveLength(3);
  });

  it('blog post without dateline: no source, comment widgets removed', () => {
    const a = cleanArticle({ text: blogStyle }, now);
    expectNoClutter(a.body);
    expect(a.source).toBeNull();
    expect(a.eventDate).toBeNull();
    expect(a.titleDerived).toBe(true);
    expect(a.title).toMatch(/^Kendaraan hidrogen akan hadir di jalan raya kita dalam lima tahun\b/);
    expect(a.title).not.toMatch(/["“”]/);
    expect(a.title.length).toBeLessThanOrEqual(101);
    expect(a.paragraphs).toHaveLength(2);
  });

  it('Detik-style article: place-only dateline, video embed and desk code removed', () => {
    const a = cleanArticle({ text: detikStyle }, now);
    expectNoClutter(a.body);
    expect(a).toMatchObject({ source: null, language: 'id', eventDate: '2024-09-05', titleDerived: true });
    expect(a.paragraphs).toEqual([
      'Menteri Perhubungan meresmikan terminal baru di Bandara Soekarno-Hatta pada Kamis (5/9/2024). Terminal itu mampu menampung 20 juta penumpang per tahun.',
      '"Ini bagian dari transformasi layanan bandara," ujarnya.',
    ]);
  });

  it('English daily: bracketed outlet, abbreviated month, syndication note removed', () => {
    const a = cleanArticle({ text: englishDailyStyle }, now);
    expectNoClutter(a.body);
    expect(a).toMatchObject({ source: 'The Jakarta Post', language: 'en', eventDate: '2024-09-18' });
    expect(a.paragraphs).toHaveLength(2);
  });

  it('rejects text with nothing readable in it', () => {
    expect(() => cleanArticle({ text: 'Advertisement\n\nShare this article\n' }, now)).toThrow(/no readable text/);
  });
});
