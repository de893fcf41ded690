// The five seed articles against their hand-written labels: no clutter left,
// and language, source, event date and title as a human editor read them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean-article.js';

const seedsDir = new URL('../../seeds/', import.meta.url);

interface SeedLabel {
  language: string;
  source: string | null;
  event_date: string | null;
  title: string | null;
}

const labels = JSON.parse(readFileSync(new URL('labels.json', seedsDir), 'utf8')) as {
  articles: Record<string, SeedLabel>;
  boilerplate_never_on_a_card: string[];
};
// A fixed "now" after every seed's dates; the weekday-based year inference depends on it.
const now = new Date('2026-03-01T09:00:00Z');

describe.each(Object.entries(labels.articles))('seed %s', (file, label) => {
  const clean = cleanArticle({ text: readFileSync(new URL(file, seedsDir), 'utf8') }, now);

  it('keeps no boilerplate in the body, the paragraphs or the title', () => {
    for (const phrase of labels.boilerplate_never_on_a_card) {
      const p = phrase.toLowerCase();
      expect(clean.body.toLowerCase(), phrase).not.toContain(p);
      expect(clean.title.toLowerCase(), phrase).not.toContain(p);
      for (const para of clean.paragraphs) expect(para.toLowerCase()).not.toContain(p);
    }
  });

  it('has the labelled language, source and event date', () => {
    expect(clean.language).toBe(label.language);
    expect(clean.source).toBe(label.source);
    expect(clean.eventDate).toBe(label.event_date);
  });

  it('has the labelled title, or a derived one when the article has none', () => {
    if (label.title === null) {
      expect(clean.titleDerived).toBe(true);
      expect(clean.title.length).toBeGreaterThan(10);
      expect(clean.title.length).toBeLessThanOrEqual(101);
    } else {
      expect(clean.titleDerived).toBe(false);
      expect(clean.title).toBe(label.title);
    }
  });

  it('keeps paragraphs, removes the dateline and the title from the body', () => {
    expect(clean.paragraphs.length).toBeGreaterThanOrEqual(5);
    expect(clean.body).toBe(clean.paragraphs.join('\n\n'));
    if (label.source) expect(clean.paragraphs[0]).not.toContain(label.source);
    if (!clean.titleDerived) expect(clean.paragraphs[0]).not.toBe(clean.title);
    for (const para of clean.paragraphs) expect(para).toBe(para.trim());
  });

  it('never dates anything after now', () => {
    for (const d of [clean.eventDate, clean.publishedDate]) if (d) expect(d <= '2026-03-01').toBe(true);
  });
});

describe('seed texts keep their real words', () => {
  it('keeps numbers, names and quotes exactly as written', () => {
    const clean = cleanArticle({ text: readFileSync(new URL('002_f1673245c3cd19fc.txt', seedsDir), 'utf8') }, now);
    expect(clean.body).toContain('99 kendaraan per 1.000 penduduk');
    expect(clean.body).toContain('Agus Gumiwang Kartasamita');
    expect(clean.body).toContain('“Setelah mereka kembali dari Jepang');
  });

  it('caller metadata wins over what the text says', () => {
    const text = readFileSync(new URL('001_c7416db9711d86cf.txt', seedsDir), 'utf8');
    const clean = cleanArticle({ text, title: 'Given title', source: 'Given Source', publishedDate: '2025-11-12' }, now);
    expect(clean).toMatchObject({ title: 'Given title', titleDerived: false, source: 'Given Source', publishedDate: '2025-11-12' });
    expect(clean.eventDate).toBe('2025-11-11');
  });
});
