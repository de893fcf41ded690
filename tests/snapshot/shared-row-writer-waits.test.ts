// The shared derived-row writer (shared-derived.ts) leaves the main thread to the
// background builds an add waits for: while the near-duplicate check is still
// filing the stored articles, it writes no row (after a first start at 100,000
// articles, writing them beside the builds held the first add up ~47 s, decision
// 037); once the filing is over it writes them all; and a close during the filing
// still writes every row whose signals are known, as before. Nor does it write
// while a command is in flight (decision 040: after a first start, re-reading the
// articles' text beside a burst of adds slowed the adds down).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { buildLexicon } from '../../src/search/lexicon.js';
import { SharedRowWriter } from '../../src/snapshot/shared-derived.js';
import { SNAPSHOT_VERSION } from '../../src/snapshot/snapshot-file.js';
import { beginForeground } from '../../src/foreground.js';
import { GIVE_WAY_MAX_MS } from '../../src/snapshot/time-slices.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { StoryIndex } from '../../src/stories/story-clusters.js';
import { copyOfDatabase, freshDatabaseUrl, sqlOn } from '../support/postgres-database.js';
import { addNumbered, openLoggedEngine } from '../support/logged-engine.js';
import { tempConfig } from '../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
/** Longer than the writer's look every second. */
const QUIET_MS = 2_500;
let original: string;
let articleCount: number;
const closing: (() => Promise<void>)[] = [];

const rowCount = async (url: string) => (await sqlOn<{ n: number }>(url, 'SELECT count(*)::int AS n FROM article_derived WHERE version = $1', [SNAPSHOT_VERSION]))[0]!.n;

beforeAll(async () => {
  original = await freshDatabaseUrl();
  const o = await openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true', RINGKAS_DATABASE_URL: original }).config, clock);
  for (let i = 0; i < 6; i++) await addNumbered(o.engine, i);
  articleCount = o.engine.probe().articleCount();
  await o.engine.close();
  await sqlOn(original, 'DELETE FROM article_derived; DELETE FROM derived_snapshots');
}, 60_000);

afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

/** A writer over a store on a copy of the original (no rows yet), its stories indexed, the filing's end in the test's hands. */
async function writerOn(url: string): Promise<{ writer: SharedRowWriter; filingDone: () => void }> {
  const store = await PostgresStore.open(url);
  closing.push(() => store.close());
  const articles = [...store.listArticles()];
  const stories = new StoryIndex(articles, buildLexicon([]), undefined, (id) => store.readBody(id));
  await stories.untilIndexed();
  let filingDone!: () => void;
  const filed = new Promise<void>((resolve) => (filingDone = resolve));
  const writer = new SharedRowWriter({ shared: store.sharedDerived, inputs: 'test inputs', store, index: new SearchIndex([], store), stories, logger: silentLogger, usable: [], filed: () => filed });
  return { writer, filingDone };
}

describe('the shared derived-row writer beside the background builds', () => {
  it('writes no row while the filing runs, and every row once it is over', async () => {
    const url = await copyOfDatabase(original);
    const { writer, filingDone } = await writerOn(url);
    writer.start();
    closing.unshift(() => writer.close());
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(await rowCount(url)).toBe(0);
    filingDone();
    await vi.waitFor(async () => expect(await rowCount(url)).toBe(articleCount), { timeout: 5_000, interval: 50 });
  }, 30_000);

  it('writes no row while a command is in flight, and every row once it ended', async () => {
    const url = await copyOfDatabase(original);
    const { writer, filingDone } = await writerOn(url);
    const ended = beginForeground();
    try {
      filingDone();
      writer.start();
      closing.unshift(() => writer.close());
      // Longer than the writer's look every second, less than the longest it gives way for (then it writes a slice's
      // worth anyway, so that a steady stream of commands does not stop it).
      expect(QUIET_MS).toBeLessThan(GIVE_WAY_MAX_MS);
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      expect(await rowCount(url)).toBe(0);
    } finally {
      ended();
    }
    await vi.waitFor(async () => expect(await rowCount(url)).toBe(articleCount), { timeout: 5_000, interval: 50 });
  }, 30_000);

  it('a close while the filing runs still writes every row whose signals are known', async () => {
    const url = await copyOfDatabase(original);
    const { writer } = await writerOn(url);
    writer.start();
    await writer.close();
    expect(await rowCount(url)).toBe(articleCount);
  }, 30_000);
});
