// A worker thread reads stored articles' story signals ahead of the background
// build (a first open's build uses a second core); the main thread indexes them
// in the store's order, so the index and its answers are those of a build on
// the main thread alone.
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/model/article.js';
import { buildLexicon } from '../../src/search/lexicon.js';
import { StoryIndex } from '../../src/stories/story-clusters.js';
import { article } from '../roundup/memory-roundup-store.js';

const LEXICON = buildLexicon([['port', 'pelabuhan'], ['containers', 'kontainer'], ['battery', 'baterai']]);
const PEOPLE = ['Budi Santoso', 'Park Jae-won', 'Siti Rahma', 'Kenji Watanabe', 'Dewi Lestari'];

/** Stored one-article stories over a few people, places and figures, a few days apart. */
function corpus(n: number): ArticleRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 400) * 86_400_000).toISOString().slice(0, 10);
    const title = `${PEOPLE[i % 5]} opens berth ${i % 97} at Harbour${i % 31}`;
    // Bodies of a news report's length: reading their signals costs what it costs at a first open.
    const body = Array.from({ length: 8 }, (_, k) =>
      `${PEOPLE[(i + k) % 5]} and ${PEOPLE[i % 5]} met in Busan on ${day} to discuss port capacity of ${1000 + ((i + k) % 53)} containers per day and a battery plant worth Rp ${(i + k) % 17},${i % 9} triliun.`,
    ).join(' ');
    return { ...article({ id: `s${i}`, title, body, addedAt: '2026-11-01T00:00:00.000Z' }), eventDate: day, storyId: `s${i}` };
  });
}

/** `helped` (a worker read some signals) ends with the signals of `alone` for every stored article, and assigns new ones as it does. */
async function expectSameAsAlone(stored: ArticleRecord[], alone: StoryIndex, helped: StoryIndex): Promise<void> {
  await Promise.all([alone.whenIndexed(), helped.whenIndexed()]);
  // The worker did read some (else this test would compare the main thread with itself).
  expect(helped.stats().signalsAhead).toBeGreaterThan(0);
  expect(helped.stats().signalsComputed + helped.stats().signalsAhead).toBe(stored.length);
  for (const a of stored) expect(helped.signalsFor(a.id)).toEqual(alone.signalsFor(a.id));
  const fresh = corpus(stored.length + 100).slice(stored.length).map((a) => ({ ...a, id: `n${a.id}` }));
  expect(fresh.map((a) => helped.assign(a))).toEqual(fresh.map((a) => alone.assign(a)));
}

describe('story signals read ahead in a worker thread', () => {
  it('give the index and the answers of a build without it', async () => {
    const stored = corpus(8_000);
    await expectSameAsAlone(stored, new StoryIndex(stored, LEXICON), new StoryIndex(stored, LEXICON, undefined, undefined, { readAhead: true }));
  }, 120_000);
});
