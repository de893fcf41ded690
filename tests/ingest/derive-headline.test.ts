// Headline detection and headlines derived from the first sentence.
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean-article.js';
import { deriveHeadline, firstSentence, looksLikeHeadline } from '../../src/ingest/derive-headline.js';

const now = new Date('2026-03-01T09:00:00Z');

describe('headlines', () => {
  it('recognises headline-shaped first lines and rejects sentences', () => {
    expect(looksLikeHeadline('Menperin jajaki peningkatan kerja sama industri otomotif dengan Jepang')).toBe(true);
    expect(looksLikeHeadline('Seperti Apa Dampaknya ?')).toBe(true);
    expect(looksLikeHeadline('Pemerintah menaikkan tarif listrik mulai bulan depan.')).toBe(false);
    expect(looksLikeHeadline('x'.repeat(200))).toBe(false);
  });

  it('does not stop the first sentence at initials or titles', () => {
    expect(firstSentence('Mr. Tanaka dari METI hadir. Dia berbicara.')).toBe('Mr. Tanaka dari METI hadir.');
    expect(firstSentence('Eko S.A. Cahyanto membuka acara. Lalu pidato.')).toBe('Eko S.A. Cahyanto membuka acara.');
  });

  it('trims long sentences at a word boundary and drops trailing filler words', () => {
    const title = deriveHeadline([
      'Kementerian Perindustrian terus memperkuat kerja sama dengan berbagai mitra internasional dalam upaya mengembangkan industri otomotif nasional.',
    ]);
    expect(title.length).toBeLessThanOrEqual(101);
    expect(title.endsWith('…')).toBe(true);
    expect(title).toMatch(/^Kementerian Perindustrian terus memperkuat kerja sama dengan berbagai mitra internasional\b/);
    expect(title).not.toMatch(/\s(dalam|dengan|dan)…$/);
  });

  it('keeps apostrophes, drops dangling quote marks', () => {
    expect(deriveHeadline(["Indonesia's car market grew by 5 percent last year. More follows."])).toBe(
      "Indonesia's car market grew by 5 percent last year",
    );
    expect(deriveHeadline(['“Kami siap bekerja sama dengan Jepang,” kata menteri. Lalu dia pergi.'])).toBe(
      'Kami siap bekerja sama dengan Jepang, kata menteri',
    );
  });

  it('derives a headline without the dateline when the article has no title line', () => {
    const a = cleanArticle(
      { text: 'Tempo.co, Jakarta - Harga beras naik tajam di pasar tradisional. Pedagang mengeluh.\nPemerintah berjanji turun tangan.' },
      now,
    );
    expect(a).toMatchObject({ titleDerived: true, title: 'Harga beras naik tajam di pasar tradisional', source: 'Tempo.co' });
  });

  it('does not take a dateline line or a clutter line for the title', () => {
    const a = cleanArticle({ text: 'Advertisement\nKontan.co.id, JAKARTA -\nEkspor batu bara turun 5%. Harga melemah.' }, now);
    expect(a).toMatchObject({ titleDerived: true, source: 'Kontan.co.id', paragraphs: ['Ekspor batu bara turun 5%. Harga melemah.'] });
  });
});
