// A PostgreSQL instance's start from a whole-store snapshot kept in the database
// (docs/decisions/029): the snapshot file's own bytes, written by one instance now
// and then, read at start while the articles load; then the per-article rows
// (shared-derived.ts) of the articles the snapshot lacks (added since it was
// written, by any instance) are fetched by id and appended. Every row is still
// checked against its stored article (derived-indexes.ts), so a stale snapshot is
// only an older starting point, and a damaged one is ignored (logged): the start
// then reads every row, as without a snapshot.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger.js';
import type { BriefingStore } from '../store/briefing-store.js';
import type { SharedDerivedRows } from '../store/shared-derived-rows.js';
import type { DerivedWriter } from './derived-indexes.js';
import { readSharedRows, SharedRowWriter, type SharedRowWriterDeps } from './shared-derived.js';
import { postingsForm, readSnapshot, SNAPSHOT_FILE_VERSION, writeSnapshot, type SnapshotData, type SnapshotFile, type SnapshotOut } from './snapshot-file.js';
import { appendRows } from './snapshot-merge.js';
import { SnapshotWriter, type FilingSource, type SnapshotSink } from './snapshot-writer.js';

/** Names the database snapshot in log lines (where a file's path would be). */
export const SHARED_SNAPSHOT = 'database';
/** A snapshot another instance wrote less than this long ago is recent enough: this instance does not write one. */
export const RECENT_SNAPSHOT_MS = 5 * 60_000;
/** Bytes per stored part. */
const PART_BYTES = 256 * 1024;

/** Snapshots taken whole from the database (nothing appended): the stored snapshot holds exactly them. */
const storedWhole = new WeakSet<object>();

export interface SharedStart {
  /** The derived data to start from, once the store has loaded its articles. */
  finish(store: BriefingStore): Promise<SnapshotFile | SnapshotData | null>;
}

/** Starts reading the stored snapshot (or, when there is none, every row) before the articles load. */
export function startSharedRead(shared: SharedDerivedRows, inputs: string, logger: Logger): SharedStart {
  let snapshot: Promise<SnapshotFile | null> | null = readStoredSnapshot(shared, inputs, logger);
  let rows: Promise<SnapshotData | null> | null = snapshot.then((s) => (s ? null : readSharedRows(shared, inputs, logger)));
  rows.catch(() => undefined);
  return {
    async finish(store) {
      if (!snapshot || !rows) throw new Error('the shared derived data is taken once');
      const [pending, pendingRows] = [snapshot, rows];
      // Whoever keeps this object (the engine's open keeps it in a closure's scope for
      // good) must not keep what was read: the snapshot's views hold its bytes (~171 MB
      // at 100,000 articles, decision 037).
      snapshot = rows = null;
      const base = await pending;
      if (!base) return pendingRows;
      const covered = new Set(base.ids);
      const missing: string[] = [];
      for (const a of store.listArticles()) if (!covered.has(a.id)) missing.push(a.id);
      const added = missing.length > 0 ? await readSharedRows(shared, inputs, logger, missing) : null;
      if (!added) {
        storedWhole.add(base);
        return base;
      }
      return appendRows(base, postingsForm(added));
    },
  };
}

async function readStoredSnapshot(shared: SharedDerivedRows, inputs: string, logger: Logger): Promise<SnapshotFile | null> {
  const started = performance.now();
  const ignored = (reason: string, id: number, damaged = true) => {
    logger.warn({ event: 'derived_snapshot_unreadable', file: SHARED_SNAPSHOT, snapshot: id, reason }, 'derived-data snapshot ignored; the start reads the shared rows');
    // Of use to no instance: dropped, so that the next write is not put off by its age.
    if (damaged) shared.dropSnapshot(id).catch((err: unknown) => logger.warn({ event: 'derived_snapshot_drop_failed', snapshot: id, err }, 'damaged derived-data snapshot not dropped'));
    return null;
  };
  let got;
  try {
    got = await shared.readSnapshot(SNAPSHOT_FILE_VERSION, inputs);
  } catch (err) {
    logger.warn({ event: 'derived_snapshot_read_failed', file: SHARED_SNAPSHOT, err }, 'derived-data snapshot could not be read; the start reads the shared rows');
    return null;
  }
  if (got.kind === 'none') return null;
  if (got.kind === 'damaged') return ignored(got.reason, got.id);
  const { id, bytes, articles, writtenAt } = got.snapshot;
  const read = await readSnapshot(SHARED_SNAPSHOT, Promise.resolve({ kind: 'bytes', bytes }));
  if (read.kind === 'newer') return ignored(`newer layout ${read.version}`, id, false);
  if (read.kind !== 'ok') return ignored(read.kind === 'unreadable' ? read.reason : read.kind, id);
  if (read.snapshot.inputs !== inputs) return ignored('other inputs', id, false);
  const readMs = Math.round(performance.now() - started);
  logger.info({ event: 'derived_snapshot_read', file: SHARED_SNAPSHOT, snapshot: id, articles, bytes: bytes.length, writtenAt: writtenAt.toISOString(), readMs }, 'derived-data snapshot read');
  // The story build keeps the signals until it is done, the near-duplicate check the
  // filing until it has filed every article (both after ready): copies, so the
  // snapshot's bytes (~171 MB at 100,000 articles) are freed once the start is over.
  const s = read.snapshot;
  const filing = s.nearSetAside && s.nearCount && s.nearSpares && s.nearWords ? { nearSetAside: s.nearSetAside.slice(), nearCount: s.nearCount.slice(), nearSpares: s.nearSpares.slice(), nearWords: s.nearWords.slice() } : {};
  return { ...s, signalStart: s.signalStart.slice(), signalIds: s.signalIds.slice(), signalWeights: s.signalWeights.slice(), ...filing };
}

/** Writes a snapshot to the database: unless another instance wrote one recently; through a temporary file (the file's own writer), sent in parts. */
export function sharedSnapshotSink(shared: SharedDerivedRows, inputs: string, recentMs = RECENT_SNAPSHOT_MS): SnapshotSink {
  return {
    async wanted() {
      const age = await shared.snapshotAgeMs(SNAPSHOT_FILE_VERSION, inputs);
      return age === null || age >= recentMs;
    },
    async save(built: SnapshotOut) {
      const tmp = path.join(os.tmpdir(), `ringkas-snapshot-${process.pid}-${randomBytes(6).toString('hex')}`);
      try {
        await writeSnapshot(tmp, built);
        await shared.writeSnapshot(SNAPSHOT_FILE_VERSION, inputs, built.ids.length, createReadStream(tmp, { highWaterMark: PART_BYTES }) as AsyncIterable<Buffer>);
      } finally {
        await unlink(tmp).catch(() => undefined);
      }
    },
  };
}

export interface SharedWritersDeps extends SharedRowWriterDeps {
  /** Every row used, nothing read from text: the snapshot started from needs no rewrite if it came whole from the database. */
  upToDate: boolean;
  snapshot: SnapshotFile | SnapshotData | null;
  /** The near-duplicate check, whose filing the whole-store snapshot keeps (decision 033). */
  filing: FilingSource;
  /** Whether the start took the filing of every snapshot row from it (if not, the snapshot is written again once the filing is done). */
  filingWhole: boolean;
}

/** What keeps a shared store's derived data: the per-article rows (right after each add) and the whole-store snapshot (now and then, and at close). */
export function sharedWriters(d: SharedWritersDeps): DerivedWriter {
  // The writers keep their deps for good: not the snapshot (its bytes are freed after the start).
  const { snapshot, upToDate: allUsed, filing, filingWhole, ...deps } = d;
  const rows = new SharedRowWriter({ ...deps, filed: () => filing.onceFiled() });
  const upToDate = allUsed && filingWhole && snapshot !== null && storedWhole.has(snapshot) && d.shared.snapshotDue !== true;
  const whole = new SnapshotWriter({ file: SHARED_SNAPSHOT, inputs: d.inputs, store: d.store, index: d.index, stories: d.stories, logger: d.logger, upToDate, filing, sink: sharedSnapshotSink(d.shared, d.inputs) });
  return {
    start() {
      rows.start();
      whole.start();
    },
    async close() {
      await rows.close();
      await whole.close();
    },
  };
}
