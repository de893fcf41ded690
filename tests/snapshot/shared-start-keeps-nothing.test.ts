// What a PostgreSQL start read from the stored derived-data snapshot is let go once
// the start is over (decision 037): the read (startSharedRead) keeps nothing of it
// after handing it over (the engine keeps the read in its open's scope for good, and
// the snapshot's views held its ~171 MB of bytes at 100,000 articles), and what the
// background builds keep after ready (story signals, the near-duplicate filing) are
// copies, not views of those bytes.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { startSharedRead } from '../../src/snapshot/shared-snapshot.js';
import type { SnapshotFile } from '../../src/snapshot/snapshot-file.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { copyOfDatabase, freshDatabaseUrl, sqlOn } from '../support/postgres-database.js';
import { addNumbered, openLoggedEngine } from '../support/logged-engine.js';
import { tempConfig } from '../support/temp-engine.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const clock = fixedClock('2026-12-03T02:00:00Z');
let original: string;
let inputs: string;
const stores: PostgresStore[] = [];

beforeAll(async () => {
  original = await freshDatabaseUrl();
  const o = await openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true', RINGKAS_DATABASE_URL: original }).config, clock);
  for (let i = 0; i < 8; i++) await addNumbered(o.engine, i);
  await o.engine.close();
  const written = await sqlOn<{ inputs: string }>(original, 'SELECT inputs FROM derived_snapshots ORDER BY id DESC LIMIT 1');
  expect(written).toHaveLength(1);
  inputs = written[0]!.inputs;
}, 60_000);

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function storeOn(url: string): Promise<PostgresStore> {
  const store = await PostgresStore.open(url);
  stores.push(store);
  return store;
}

/** Lets promise jobs run and collects garbage, a few times over. */
async function collected(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}

describe('a start from the snapshot kept in PostgreSQL', () => {
  it('the read keeps nothing of the snapshot once it has handed it over, and hands it over once', async () => {
    const store = await storeOn(await copyOfDatabase(original));
    const start = startSharedRead(store.sharedDerived, inputs, silentLogger);
    const taken = new WeakRef((await start.finish(store)) as SnapshotFile);
    expect(taken.deref()?.ids).toHaveLength(store.articleCount);
    await collected();
    expect(taken.deref()).toBeUndefined();
    await expect(start.finish(store)).rejects.toThrow(/taken once/);
  });

  it('the story signals and the near-duplicate filing are copies, not views of the snapshot bytes', async () => {
    const store = await storeOn(await copyOfDatabase(original));
    const s = (await startSharedRead(store.sharedDerived, inputs, silentLogger).finish(store)) as SnapshotFile;
    expect(s.nearWords).toBeDefined();
    const bytes = s.postingRows.buffer;
    for (const kept of [s.signalStart, s.signalIds, s.signalWeights, s.nearSetAside!, s.nearCount!, s.nearSpares!, s.nearWords!]) {
      expect(kept.buffer).not.toBe(bytes);
      expect(kept.byteLength).toBe(kept.buffer.byteLength);
    }
  });
});
