// A verbatim phrase of the query raises an article whose body holds it. Bodies
// are not kept in memory (decision 025): the check reads them through the
// store's readBody, and an article whose body is gone gets no phrase bonus.
import { describe, expect, it } from 'vitest';
import { storedPart, type ArticleRecord, type StoredArticle } from '../../src/model/article.js';
import { planQuery } from '../../src/search/query-plan.js';
import { SearchIndex } from '../../src/search/search-index.js';

function record(id: string, addedAt: string, body: string): ArticleRecord {
  return {
    id, storyId: id, title: `Report ${id}`, titleDerived: false, body, language: 'en', source: null,
    eventDate: null, publishedDate: addedAt.slice(0, 10), fingerprint: id, keyPoints: [], keyFigures: [], entities: [],
    link: null, canonicalUrl: null, topics: [], addedAt, addedBy: 't',
  };
}

describe('phrase check', () => {
  it('reads the body through the store, so the article holding the phrase ranks first', () => {
    const held = new Map<string, StoredArticle>();
    const bodies = new Map<string, string>();
    const reads: string[] = [];
    const index = new SearchIndex([], { getArticle: (id) => held.get(id), readBody: (id) => (reads.push(id), bodies.get(id)) });
    // Same words, same counts; only the older one has them side by side.
    const phrase = record('older', '2025-01-01T00:00:00Z', 'the nickel smelter opened near the port while workers waited outside');
    const apart = record('newer', '2025-02-01T00:00:00Z', 'the smelter opened near the port while nickel workers waited outside');
    for (const a of [phrase, apart]) {
      held.set(a.id, storedPart(a));
      bodies.set(a.id, a.body);
      index.add(a);
    }
    const ranked = () => index.search(planQuery('nickel smelter', [], new Map())).ranked.map((r) => r.id);
    expect(ranked()).toEqual(['older', 'newer']);
    expect(reads).toContain('older');
    // Without its body (removed from the store meanwhile) the bonus is gone and recency decides.
    bodies.delete('older');
    const fresh = new SearchIndex([], { getArticle: (id) => held.get(id), readBody: (id) => bodies.get(id) });
    fresh.add(phrase);
    fresh.add(apart);
    expect(fresh.search(planQuery('nickel smelter', [], new Map())).ranked.map((r) => r.id)).toEqual(['newer', 'older']);
  });
});
