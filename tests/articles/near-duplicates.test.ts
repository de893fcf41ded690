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

  it('tests a candidate against the shingle count of the article filed in its slot now, not of one removed from it', () => {
    const { near, looked, byId } = checker(stored.slice(0, 10));
    expect(near.find(incoming(`${standard} ${own(999)}`))).toBeNull();
    // A short article's slot, freed by its removal, is taken by a long one.
    const short = record(77, Array.from({ length: 30 }, (_, i) => `brief${i}`).join(' '));
    near.file(short);
    near.forget(short);
    const late = stored[30]!;
    byId.set(late.id, late);
    near.file(late);
    looked.length = 0;
    expect(near.find(incoming(`${standard} ${own(998)}`))).toBeNull();
    expect(looked).toEqual([]);
    expect(near.find(incoming(changed(30, late.body)))?.id).toBe('a30');
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

describe('near-duplicates: filing the stored articles at start', () => {
  /** Articles made mostly of sentences from one pool (a site's templates): the filing sets many keys aside, and respares the same articles again and again. */
  function templated(count: number): ArticleRecord[] {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pool = Array.from({ length: 12 }, (_, s) => Array.from({ length: 9 }, (_, w) => `t${s}w${w}`).join(' '));
    return Array.from({ length: count }, (_, n) => {
      const sentences = Array.from({ length: 30 }, () => pool[Math.floor(next() * pool.length)]!);
      const own = Array.from({ length: 12 }, (_, w) => `own${n}x${w}`).join(' ');
      return record(n, `${sentences.slice(0, 15).join(' ')} ${own} ${sentences.slice(15).join(' ')}`);
    });
  }

  it('files as one article after another would: the same keys set aside, the same candidates looked up in the same order', () => {
    const stored = templated(900);
    // At start: the first look-up files every stored article (the background filing's path).
    const atStart = checker(stored);
    // One after another: each filed as an add files it.
    const added = checker([]);
    for (const a of stored) {
      added.byId.set(a.id, a);
      added.near.file(a);
    }
    const probes = [0, 1, 17, 450, 899].map((n) => incoming(`${stored[n]!.body} extra words here`));
    atStart.near.find(probes[0]!);
    expect(atStart.near.stats().setAside).toBeGreaterThan(50);
    expect(atStart.near.stats()).toEqual(added.near.stats());
    for (const probe of probes) {
      atStart.looked.length = 0;
      added.looked.length = 0;
      const found = atStart.near.find(probe);
      expect(found?.id).toBe(added.near.find(probe)?.id);
      expect(atStart.looked).toEqual(added.looked);
    }
  });
});
