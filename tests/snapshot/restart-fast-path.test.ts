// A restart through the fast path (decision 030): the store's records from
// data/records.cache and every article's derived data from the snapshot,
// whose rows are the last start's order followed by the articles added since
// (each term's postings then come out as an ordered head and a scattered
// tail). What users see must equal a start from the text alone.
import { cpSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { SNAPSHOT_FILE } from '../../src/snapshot/snapshot-file.js';
import { RECORDS_FILE } from '../../src/store/records-cache.js';
import { addNumbered, answers, openLoggedEngine, type LoggedEngine } from '../support/logged-engine.js';
import { tempConfig } from '../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
const dirs: string[] = [];
let original: string;

const open = (dir: string): Promise<LoggedEngine> => openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true' }, dir).config, clock);
const event = (o: LoggedEngine, name: string) => o.events.findLast((e) => e.event === name);

function copyOf(dir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'ringkas-fast-'));
  cpSync(dir, copy, { recursive: true });
  dirs.push(copy);
  return copy;
}

beforeAll(async () => {
  original = mkdtempSync(path.join(tmpdir(), 'ringkas-fast-'));
  dirs.push(original);
  // Two sessions: the second's snapshot holds the first's articles in store order, then 40 added since.
  const first = await open(original);
  for (let i = 0; i < 12; i++) await addNumbered(first.engine, i);
  await first.engine.close();
  const second = await open(original);
  for (let i = 100; i < 140; i++) await addNumbered(second.engine, i);
  await second.engine.close();
  expect(event(second, 'derived_snapshot_written')).toBeDefined();
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('restart through the records cache and the snapshot', () => {
  it('takes every shard from the records cache and every article from the snapshot, and answers as a start from the text', async () => {
    const dir = copyOf(original);
    // A copy is other files: its first start reads the shards' text and writes the records cache at close.
    const warm = await open(dir);
    expect(event(warm, 'store_records_read')).toMatchObject({ shardsFromCache: 0 });
    await warm.engine.close();
    const fast = await open(dir);
    const count = fast.engine.probe().articleCount();
    expect(event(fast, 'store_records_read')).toMatchObject({ shardsFromCache: 128 });
    expect(event(fast, 'derived_indexes_built')).toMatchObject({ fromSnapshot: count, fromText: 0, snapshotRows: count });
    const replies = await answers(fast.engine);
    await fast.engine.close();
    // The snapshot written at close (answers add an article) comes from the postings as loaded: each term's must be in order, or the next start refuses the file.
    const third = await open(dir);
    expect(event(third, 'derived_snapshot_unreadable')).toBeUndefined();
    expect(event(third, 'derived_indexes_built')).toMatchObject({ fromSnapshot: count + 1, fromText: 0 });
    await third.engine.close();

    const bare = copyOf(original);
    unlinkSync(path.join(bare, SNAPSHOT_FILE));
    unlinkSync(path.join(bare, RECORDS_FILE));
    const slow = await open(bare);
    expect(event(slow, 'derived_indexes_built')).toMatchObject({ fromSnapshot: 0, fromText: count });
    const expected = await answers(slow.engine);
    await slow.engine.close();
    expect(replies).toEqual(expected);
  }, 120_000);
});
