// The near-duplicate check compares a new article in full only with stored articles that
// could reach the 90% overlap: a bit signature of each stored article's shingles sets the
// others aside without looking them up or shingling their bodies again, and never changes
// the answer. Keys that boilerplate puts in hundreds of sketches are set aside, and the
// articles filed under them are filed under their next keys, so they are still found.
import { describe, expect, it } from 'vitest';
import { NearDuplicates } from '../../src/articles/near-duplicates.js';
import type { ArticleRecord, CleanArticle } from '../../src/model/article.js';

// Shared page text (a press office's standard paragraph), then a body of the article's own.
const standard = Array.from({ length: 60 }, (_, i) => `office${i % 17} note${i}`).join(' ');
const own = (n: number) => Array.from({ length: 40 }, (_, i) => `story${n} word${i} part${(i * 7) % 13}`).join(' ');
const record = (n: number, body: string) => ({ id: `a${n}`, fingerprint: `f${n}`, body, language: 'en' }) as ArticleRecord;
const incoming = (body: string) => ({ body, language: 'en' }) as CleanArticle;
const changed = (n: number, body: string) => body.replace(`story${n} word3`, `story${n} kata3`).replace('word30 ', 'kata30 ');

/** A check over `stored`, recording the ids it looks up. */
function checker(stored: ArticleRecord[]) {
  const byId = new Map(stored.map((a) => [a.id, a]));
  const looked: string[] = [];
  const near = new NearDuplicates(
    () => byId.values(),
    (id) => (looked.push(id), byId.get(id)),
    (id) => byId.get(id)?.body,
  );
  return { near, looked, byId };
}

describe('near-duplicates', () => {
  const stored = Array.from({ length: 50 }, (_, n) => record(n, `${standard} ${own(n)}`));

  it('looks up no stored article that only shares the standard paragraph', () => {
    const { near, looked } = checker(stored);
    expect(near.find(incoming(`${standard} ${own(999)}`))).toBeNull();
    expect(looked).toEqual([]);
  });

  it('still finds the same article with a few words changed', () => {
    const { near, looked } = checker(stored);
    expect(near.find(incoming(changed(7, `${standard} ${own(7)}`)))?.id).toBe('a7');
    expect(looked.length).toBeLessThanOrEqual(2);
  });

  it('finds articles filed after the first look-up, and not removed ones', () => {
    const { near, byId } = checker(stored.slice(0, 10));
    expect(near.find(incoming(changed(30, `${standard} ${own(30)}`)))).toBeNull();
    const late = stored[30]!;
    byId.set(late.id, late);
    near.file(late);
    expect(near.find(incoming(changed(30, `${standard} ${own(30)}`)))?.id).toBe('a30');
    byId.delete(late.id);
    near.forget(late);
    expect(near.find(incoming(changed(30, `${standard} ${own(30)}`)))).toBeNull();
  });

  it('sets aside keys that boilerplate shares across hundreds of articles, and still finds each article', () => {
    // The standard paragraph's smallest shingles are in nearly every article's sketch.
    const many = Array.from({ length: 600 }, (_, n) => record(n, `${standard} ${own(n)}`));
    const { near, looked } = checker(many);
    expect(near.find(incoming(`${standard} ${own(999)}`))).toBeNull();
    expect(near.stats().setAside).toBeGreaterThan(0);
    for (const n of [3, 299, 598]) {
      looked.length = 0;
      const body = changed(n, many[n]!.body);
      expect(near.find(incoming(body))?.id).toBe(`a${n}`);
      expect(looked.length).toBeLessThanOrEqual(2);
    }
    expect(near.stats().filed).toBe(600);
  });
});
