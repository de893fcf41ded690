// Look-ups that match far more articles than they rank: the stories they count,
// and the k-th best score that admits the ranked head.
import { describe, expect, it } from 'vitest';
import { Scope } from '../../src/briefs/scope.js';
import type { ArticleRecord } from '../../src/model/article.js';
import { kthLargest } from '../../src/search/kth-largest.js';
import { planQuery } from '../../src/search/query-plan.js';
import { SearchIndex } from '../../src/search/search-index.js';

function record(id: string, storyId: string, body: string): ArticleRecord {
  return {
    id, storyId, title: `Report ${id}`, titleDerived: false, body, language: 'en', source: null,
    eventDate: null, publishedDate: '2025-01-01', fingerprint: id, keyPoints: [], keyFigures: [], entities: [],
    link: null, canonicalUrl: null, topics: [], addedAt: '2025-01-01T00:00:00Z', addedBy: 't',
  };
}

/** Article i of story s: "smelter" 1-5 times among filler of varying length, so scores differ. */
const smelter = (i: number, place = 'sulawesi') =>
  `${'smelter '.repeat(1 + (i % 5))}${place} ${'output rose again this quarter '.repeat(1 + (i % 7))}`;

function setup(scope?: Scope) {
  const store = new Map<string, ArticleRecord>();
  const index = new SearchIndex([], { getArticle: (id) => store.get(id), readBody: (id) => store.get(id)?.body }, scope);
  const put = (a: ArticleRecord) => {
    store.set(a.id, a);
    index.add(a);
  };
  const drop = (id: string) => {
    store.delete(id);
    index.remove(id);
  };
  const stories = (query: string) => index.search(planQuery(query, [], new Map())).stories;
  return { put, drop, stories, index };
}

describe('story count of a look-up', () => {
  it('counts stories, not articles, across every match beyond the ranked head, and follows adds and removals', () => {
    const t = setup();
    // 330 matching articles in 110 stories of three, and unrelated ones.
    for (let i = 0; i < 330; i++) t.put(record(`a${i}`, `s${Math.floor(i / 3)}`, smelter(i)));
    for (let i = 0; i < 40; i++) t.put(record(`u${i}`, `u${i}`, 'rice harvest in java was good'));
    expect(t.index.search(planQuery('smelter', [], new Map())).ranked.length).toBeLessThan(330);
    expect(t.stories('smelter')).toBe(110);
    // A whole story removed, one article of another moved to a story of its own.
    for (const id of ['a0', 'a1', 'a2']) t.drop(id);
    t.put(record('a3', 'moved', smelter(3)));
    expect(t.stories('smelter')).toBe(110);
    t.put(record('late', 'late-story', smelter(4)));
    expect(t.stories('smelter')).toBe(111);
  });

  it('leaves out the stories of matches outside the field while any inside it match', () => {
    const t = setup(new Scope({ japan: ['japan'], indonesia: ['indonesia'] }));
    for (let i = 0; i < 12; i++) t.put(record(`in${i}`, `in${i % 4}`, smelter(i, 'japan indonesia')));
    for (let i = 0; i < 9; i++) t.put(record(`out${i}`, `out${i}`, smelter(i, 'korea')));
    expect(t.stories('smelter')).toBe(4);
    for (let i = 0; i < 12; i++) t.drop(`in${i}`);
    expect(t.stories('smelter')).toBe(9);
  });
});

describe('kthLargest', () => {
  it('agrees with a full sort, duplicates counted, and gives the smallest when there are fewer than k', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const n of [1, 5, 199, 200, 201, 1000, 5000]) {
      // Few distinct values, so ties sit at the k-th place.
      const values = Float64Array.from({ length: n }, () => Math.floor(next() * 50) / 7);
      const desc = [...values].sort((a, b) => b - a);
      for (const k of [1, 3, 200]) expect(kthLargest(values, k)).toBe(desc[Math.min(k, n) - 1]);
    }
    expect(kthLargest(new Float64Array(0), 200)).toBeNaN();
  });
});
