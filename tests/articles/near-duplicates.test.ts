// The near-duplicate check compares a new article in full only with stored articles that
// could reach the 90% overlap: a bit signature of each stored article's shingles sets the
// others aside without looking them up or shingling their bodies again, and never changes
// the answer.
import { describe, expect, it } from 'vitest';
import { NearDuplicates } from '../../src/articles/near-duplicates.js';
import type { ArticleRecord, CleanArticle } from '../../src/model/article.js';

// Shared page text (a press office's standard paragraph), then a body of the article's own.
const standard = Array.from({ length: 60 }, (_, i) => `office${i % 17} note${i}`).join(' ');
const own = (n: number) => Array.from({ length: 40 }, (_, i) => `story${n} word${i} part${(i * 7) % 13}`).join(' ');
const record = (n: number, body: string) => ({ id: `a${n}`, fingerprint: `f${n}`, body, language: 'en' }) as ArticleRecord;
const incoming = (body: string) => ({ body, language: 'en' }) as CleanArticle;

describe('near-duplicates', () => {
  const stored = Array.from({ length: 50 }, (_, n) => record(n, `${standard} ${own(n)}`));
  const byId = new Map(stored.map((a) => [a.id, a]));

  it('looks up no stored article that only shares the standard paragraph', () => {
    const near = new NearDuplicates();
    const looked: string[] = [];
    const found = near.find(incoming(`${standard} ${own(999)}`), stored, (id) => (looked.push(id), byId.get(id)));
    expect(found).toBeNull();
    expect(looked).toEqual([]);
  });

  it('still finds the same article with a few words changed', () => {
    const near = new NearDuplicates();
    const looked: string[] = [];
    const changed = `${standard} ${own(7)}`.replace('story7 word3', 'story7 kata3').replace('word30 ', 'kata30 ');
    const found = near.find(incoming(changed), stored, (id) => (looked.push(id), byId.get(id)));
    expect(found?.id).toBe('a7');
    expect(looked.length).toBeLessThanOrEqual(2);
  });
});
