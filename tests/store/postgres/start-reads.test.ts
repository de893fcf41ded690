// A large start's bulk reads in a thread of their own (start-reads.ts, decision
// 037), on a real PostgreSQL, against the same reads on the main thread: the
// store holds the same records (with their stamps), bodies and key figures, the
// derived-data snapshot comes back byte for byte, and a damaged records blob or
// snapshot is refused with the same reason either way.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { articleStamp } from '../../../src/model/article-stamp.js';
import { SNAPSHOT_FILE_VERSION } from '../../../src/snapshot/snapshot-file.js';
import type { StoredSnapshotRead } from '../../../src/store/shared-derived-rows.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { copyOfDatabase, freshDatabaseUrl, sqlOn } from '../../support/postgres-database.js';
import { RECORDS_BLOB_DAMAGE } from '../../support/records-blob-damage.js';
import { addNumbered, lastEvent, openLoggedEngine, withLogger } from '../../support/logged-engine.js';
import { tempConfig } from '../../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
let original: string;
let inputs: string;

interface Opened {
  /** Records in store order as JSON with their stamps, every body and key figures. */
  held: unknown[];
  snapshot: StoredSnapshotRead | undefined;
  events: Record<string, unknown>[];
}

/** Opens a store on `url` (reads in a thread when `thread`), reading the snapshot while it loads as an engine does. */
async function openStore(url: string, thread: boolean): Promise<Opened> {
  const { logger, events } = withLogger();
  let snapshot: Promise<StoredSnapshotRead> | undefined;
  const store = await PostgresStore.open(url, {
    logger,
    startThreadFrom: thread ? 0 : Infinity,
    whileLoading: (shared) => {
      snapshot = shared.readSnapshot(SNAPSHOT_FILE_VERSION, inputs);
    },
  });
  try {
    const held = [...store.listArticles()].map((a) => [JSON.stringify(a), articleStamp(a), store.readBody(a.id), store.readKeyFigures(a.id)]);
    return { held, snapshot: await snapshot, events: events as Record<string, unknown>[] };
  } finally {
    await store.close();
  }
}

const loaded = (o: Opened) => o.events.find((e) => e.event === 'postgres_articles_loaded');

beforeAll(async () => {
  original = await freshDatabaseUrl();
  const o = await openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true', RINGKAS_DATABASE_URL: original }).config, clock);
  for (let i = 0; i < 12; i++) await addNumbered(o.engine, i);
  await o.engine.close();
  expect(lastEvent(o, 'derived_snapshot_written')).toMatchObject({ file: 'database' });
  inputs = (await sqlOn<{ inputs: string }>(original, 'SELECT inputs FROM derived_snapshots'))[0]!.inputs;
}, 60_000);

describe("a large start's reads in a thread of their own", () => {
  it('hold the same records, bodies and key figures, and read the same snapshot, as the reads on the main thread', async () => {
    const url = await copyOfDatabase(original);
    const inThread = await openStore(url, false);
    const inWorker = await openStore(url, true);
    expect(loaded(inWorker)).toMatchObject({ fromBlob: inThread.held.length, fetched: 0 });
    expect(inWorker.held).toEqual(inThread.held);
    expect(inThread.snapshot?.kind).toBe('ok');
    expect(inWorker.snapshot).toEqual(inThread.snapshot);
    // A start without a blob: every body still comes through the thread.
    await sqlOn(url, 'DELETE FROM derived_snapshot_records; UPDATE derived_snapshots SET records_articles = NULL, records_bytes = NULL, records_sha256 = NULL');
    const fetched = await openStore(url, true);
    expect(loaded(fetched)).toMatchObject({ fromBlob: 0 });
    expect(fetched.held).toEqual(inThread.held);
  }, 60_000);

  it.each(RECORDS_BLOB_DAMAGE)('refuse a records blob with %s for the same reason, and fetch every record', async (_, change, reason) => {
    const url = await copyOfDatabase(original);
    const expected = await openStore(await copyOfDatabase(url), false);
    await sqlOn(url, change);
    // Refusing drops the blob: each side opens a copy of its own.
    const sides = await Promise.all([false, true].map(async (thread) => openStore(await copyOfDatabase(url), thread)));
    for (const o of sides) {
      expect(o.events.find((e) => e.event === 'records_blob_unreadable')).toMatchObject({ reason });
      expect(loaded(o)).toMatchObject({ fromBlob: 0 });
      expect(o.held).toEqual(expected.held);
    }
  }, 60_000);

  it('refuse a derived-data snapshot with a changed byte, or with a part missing, for the same reason', async () => {
    const url = await copyOfDatabase(original);
    await sqlOn(url, 'UPDATE derived_snapshot_parts SET data = overlay(data PLACING \'\\xff\'::bytea FROM 100 FOR 1) WHERE part = 0');
    for (const thread of [false, true]) expect((await openStore(url, thread)).snapshot).toMatchObject({ kind: 'damaged', reason: 'checksum differs' });
    await sqlOn(url, 'DELETE FROM derived_snapshot_parts WHERE part = 0');
    for (const thread of [false, true]) expect((await openStore(url, thread)).snapshot).toMatchObject({ kind: 'damaged', reason: 'a part is missing' });
  }, 60_000);
});
