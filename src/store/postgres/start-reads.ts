// The bulk reads of a PostgreSQL instance's start: the derived-data snapshot, the
// records blob, the stored rows' order and every body. At 100,000 articles they
// bring ~470 MB (snapshot 180, blob 127, bodies 164 MB) that the server sends in
// about a second, and the main thread spent most of a restart receiving, joining,
// hashing and writing those bytes between parsing records (decision 037). At a
// large start they run in a thread of their own (start-reads-worker.ts), which
// receives them, checks them (part order, length, sha256) and writes what goes to
// the body file (bodies, key figures), and hands the main thread only what it must
// turn into objects: the snapshot's bytes (moved, not copied), each blob section's
// JSON text, the rows' ids, the bodies' places. A small start (a new or small
// store, most tests) reads on the main thread with the same functions: the
// thread costs more to start (~50 ms built, ~0.5 s of CPU under tsx) than it saves there.
import type { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { startWorker } from '../../worker-thread.js';
import type { StoredSnapshotRead } from '../shared-derived-rows.js';
import { appendShared, type BodyFileShare } from './body-file.js';
import { copyBinaryRows } from './copy-binary.js';
import { readDerivedSnapshot } from './postgres-derived-snapshot.js';
import { readRecordsBlob, type RecordsBlobStream } from './postgres-records-blob.js';
import { splitSection, type SectionRead } from './records-blob.js';

/** Articles (by the table's statistics or the newest snapshot's count) from which the start's reads get a thread of their own. */
export const START_THREAD_FROM = 20_000;

/** Every stored row's id and revision, in added order. */
const ROWS_IN_ORDER = 'SELECT id, revision FROM articles ORDER BY articles.added_at, articles.id';

export interface RowOrder {
  ids: string[];
  revisions: number[];
}

/** Bodies written to the body file: `ids[k]`'s is `lengths[k]` bytes at `starts[k]`. */
export interface BodyPlaces {
  ids: string[];
  starts: Float64Array;
  lengths: Uint32Array;
}

export interface StartReads {
  /** The newest derived-data snapshot of this layout and inputs, checked whole. */
  snapshot(version: number, inputs: string): Promise<StoredSnapshotRead>;
  /** The records blob's sections in order, their key figures already in the body file; `take` says why a section cannot be used, or null. */
  blob(take: (section: SectionRead) => string | null): Promise<RecordsBlobStream>;
  order(): Promise<RowOrder>;
  /** Every body, written to the body file; `place` is told where, batch by batch. Resolves to the count. */
  bodies(place: (batch: BodyPlaces) => void): Promise<number>;
  /** Ends the thread (if any) once the reads in flight are done. */
  release(): void;
}

/** How many articles the store holds, roughly (0 for a database without the schema yet). */
export async function articlesEstimate(pool: pg.Pool): Promise<number> {
  try {
    const { rows } = await pool.query<{ n: number | null }>(
      "SELECT greatest((SELECT reltuples FROM pg_class WHERE oid = to_regclass('articles')), (SELECT max(articles) FROM derived_snapshots))::float8 AS n",
    );
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  }
}

/** The blob's sections through `take`, their key figures appended to the body file on the way. */
export function blobSections(pool: pg.Pool, file: BodyFileShare, take: (section: SectionRead) => string | null): Promise<RecordsBlobStream> {
  return readRecordsBlob(pool, (bytes) => {
    const section = splitSection(bytes, (area) => appendShared(file, [area]));
    return typeof section === 'string' ? section : take(section);
  });
}

/** The stored rows' ids and revisions in added order, streamed as a binary COPY (no sort: the index walks them in order). */
export async function rowsInOrder(pool: pg.Pool): Promise<RowOrder> {
  const client = await pool.connect();
  let finished = false;
  try {
    const ids: string[] = [];
    const revisions: number[] = [];
    for await (const rows of copyBinaryRows(client, ROWS_IN_ORDER)) {
      for (const [id, revision] of rows) {
        ids.push(id!.toString('utf8'));
        revisions.push(Number(revision!.readBigInt64BE(0)));
      }
    }
    finished = true;
    return { ids, revisions };
  } finally {
    // A copy left half-read leaves the connection unusable: drop it.
    client.release(!finished);
  }
}

/**
 * Every body as a binary COPY: each arrives as its UTF-8 bytes and goes to the
 * body file as it is (no string is made; the server sends the text as stored).
 */
export async function copyBodies(pool: pg.Pool, file: BodyFileShare, place: (batch: BodyPlaces) => void): Promise<number> {
  const client = await pool.connect();
  let finished = false;
  let count = 0;
  try {
    for await (const rows of copyBinaryRows(client, 'SELECT id, body FROM articles')) {
      const batch: BodyPlaces = { ids: new Array<string>(rows.length), starts: new Float64Array(rows.length), lengths: new Uint32Array(rows.length) };
      let at = appendShared(file, rows.map(([, body]) => body!));
      rows.forEach(([id, body], k) => {
        batch.ids[k] = id!.toString('utf8');
        batch.starts[k] = at;
        batch.lengths[k] = body!.length;
        at += body!.length;
      });
      place(batch);
      count += rows.length;
    }
    finished = true;
  } finally {
    // A copy left half-read leaves the connection unusable: drop it.
    client.release(!finished);
  }
  return count;
}

/** The reads on the main thread, on the store's pool. */
export function readsInThread(pool: pg.Pool, file: BodyFileShare): StartReads {
  return {
    snapshot: (version, inputs) => readDerivedSnapshot(pool, version, inputs),
    blob: (take) => blobSections(pool, file, take),
    order: () => rowsInOrder(pool),
    bodies: (place) => copyBodies(pool, file, place),
    release: () => undefined,
  };
}

/** A request to the reads' thread. */
export type ReadsRequest = { id: number; op: 'snapshot'; version: number; inputs: string } | { id: number; op: 'blob' | 'order' | 'bodies' };

/** From the reads' thread: a streamed item (a blob section, a batch of body places), a result, or a failure. */
export type ReadsAnswer = { id: number; item: SectionRead | BodyPlaces } | { id: number; result: unknown } | { id: number; error: string };

interface Call {
  resolve(value: unknown): void;
  reject(err: Error): void;
  item?: (item: never) => void;
}

/** The reads in a worker thread with its own connections (start-reads-worker.ts). */
export class ReadsInWorker implements StartReads {
  private readonly worker: Worker;
  private readonly calls = new Map<number, Call>();
  private next = 0;
  private released = false;

  constructor(url: string, file: BodyFileShare) {
    this.worker = startWorker(import.meta.url, 'start-reads-worker', { url, file });
    this.worker.unref();
    this.worker.on('message', (answer: ReadsAnswer) => this.answer(answer));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', () => this.fail(new Error('the start reads thread ended')));
  }

  snapshot(version: number, inputs: string): Promise<StoredSnapshotRead> {
    return this.call<StoredSnapshotRead>({ op: 'snapshot', version, inputs }).then((got) => {
      if (got.kind !== 'ok') return got;
      const b = got.snapshot.bytes as Uint8Array;
      return { kind: 'ok', snapshot: { ...got.snapshot, bytes: Buffer.from(b.buffer, b.byteOffset, b.byteLength) } };
    });
  }

  blob(take: (section: SectionRead) => string | null): Promise<RecordsBlobStream> {
    return this.call<RecordsBlobStream>({ op: 'blob' }, take);
  }

  order(): Promise<RowOrder> {
    return this.call<RowOrder>({ op: 'order' });
  }

  bodies(place: (batch: BodyPlaces) => void): Promise<number> {
    return this.call<number>({ op: 'bodies' }, place);
  }

  release(): void {
    this.released = true;
    if (this.calls.size === 0) void this.worker.terminate();
  }

  private call<T>(request: { op: 'snapshot'; version: number; inputs: string } | { op: 'blob' | 'order' | 'bodies' }, item?: (item: never) => void): Promise<T> {
    const id = this.next++;
    if (this.calls.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject, item });
      this.worker.postMessage({ id, ...request } satisfies ReadsRequest);
    });
  }

  private answer(answer: ReadsAnswer): void {
    const call = this.calls.get(answer.id);
    if (!call) return;
    if ('item' in answer) {
      try {
        call.item?.(answer.item as never);
        return;
      } catch (err) {
        // The call fails; what the thread still sends for it is ignored.
        answer = { id: answer.id, error: err instanceof Error ? err.message : String(err) };
      }
    }
    this.calls.delete(answer.id);
    if ('error' in answer) call.reject(new Error(answer.error));
    else call.resolve(answer.result);
    this.settled();
  }

  private fail(err: Error): void {
    for (const call of this.calls.values()) call.reject(err);
    this.calls.clear();
    this.settled();
  }

  private settled(): void {
    if (this.calls.size > 0) return;
    this.worker.unref();
    if (this.released) void this.worker.terminate();
  }
}
