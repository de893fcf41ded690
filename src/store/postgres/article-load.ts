// How a PostgreSQL instance loads the articles' records at open. From the
// records blob kept beside the derived-data snapshot when there is a usable one
// (decision 031): the stored rows' ids and revisions are read in added order
// (one small query along the articles_added_order index), each row takes the
// blob's record when the blob holds that very row (same id and revision), and
// only the other rows' records are fetched and parsed. Without a usable blob,
// every record is fetched in keyset batches as before (decision 027). Either
// way the articles come in added order, so answers do not depend on the blob.
import type pg from 'pg';
import type { Logger } from '../../logger.js';
import type { RowRecord } from './row-record.js';
import { RecordsBlobReader, type BlobRecord } from './records-blob.js';
import { dropRecordsBlob } from './postgres-records-blob.js';
import type { RowOrder, StartReads } from './start-reads.js';

/**
 * One batch of articles in added order: the first ($1 rows), or those after ($2, $3).
 * The position comes back as text (exact to the microsecond, unlike a Date) under a
 * name of its own: ORDER BY would take a column named added_at to mean the text.
 */
export function articlesInOrder(after: boolean): string {
  const where = after ? 'WHERE (added_at, id) > ($2::timestamptz, $3) ' : '';
  return `SELECT id, revision, added_at::text AS position, record::text AS record FROM articles ${where}ORDER BY articles.added_at, articles.id LIMIT $1`;
}

interface ArticleBatchRow {
  id: string;
  revision: string;
  position: string;
  record: string;
}

/** A record fetched from its row, with the row's revision. */
export interface FetchedRecord {
  record: RowRecord;
  revision: number;
}

/** Where the loaded records go, in added order. */
export interface LoadSink {
  /** Records fetched from their rows. */
  rows(batch: readonly FetchedRecord[]): void;
  /** A record from the blob (its key figures already in the body file, put there as the blob was read). */
  fromBlob(entry: BlobRecord): void;
}

type RecordsBlobRead = { kind: 'ok'; snapshot: number; records: Map<string, BlobRecord> } | { kind: 'none' } | { kind: 'damaged'; snapshot: number; reason: string };

/**
 * The blob's records, parsed section by section as they arrive; any section not
 * as written, or a count not as written, makes it unusable. A section's fault
 * comes first in the stream (the reader sends no section after a fault of its
 * own), so its reason wins, wherever the parts were read.
 */
async function readBlob(reads: StartReads): Promise<RecordsBlobRead> {
  const reader = new RecordsBlobReader();
  let fault: string | null = null;
  const got = await reads.blob((section) => (fault ??= reader.add(section)));
  if (got.kind === 'none') return got;
  const reason = fault ?? (got.kind === 'damaged' ? got.reason : reader.records.size !== got.articles ? 'holds another number of records' : null);
  if (reason) return { kind: 'damaged', snapshot: got.snapshot, reason };
  return { kind: 'ok', snapshot: got.snapshot, records: reader.records };
}

/** Loads every stored article; resolves to whether a records blob served the load. */
export async function loadArticles(pool: pg.Pool, reads: StartReads, logger: Logger, batchSize: number, put: LoadSink): Promise<boolean> {
  const started = performance.now();
  const blob = readBlob(reads).catch((err: unknown) => {
    logger.warn({ event: 'records_blob_read_failed', err }, 'records blob could not be read; every record is fetched');
    return { kind: 'none' } as const;
  });
  const order = reads.order();
  order.catch(() => undefined);
  const got = await blob;
  const blobMs = performance.now() - started;
  if (got.kind !== 'ok') {
    if (got.kind === 'damaged') {
      logger.warn({ event: 'records_blob_unreadable', snapshot: got.snapshot, reason: got.reason }, 'records blob ignored; every record is fetched');
      dropRecordsBlob(pool, got.snapshot).catch((err: unknown) => logger.warn({ event: 'records_blob_drop_failed', snapshot: got.snapshot, err }, 'damaged records blob not dropped'));
    }
    await loadInBatches(pool, logger, batchSize, put, started);
    return false;
  }
  await loadThroughBlob(pool, logger, batchSize, put, got, await order, started, blobMs);
  return true;
}

async function loadThroughBlob(
  pool: pg.Pool,
  logger: Logger,
  batchSize: number,
  put: LoadSink,
  blob: Extract<RecordsBlobRead, { kind: 'ok' }>,
  order: RowOrder,
  started: number,
  blobMs: number,
): Promise<void> {
  const orderMs = performance.now() - started;
  const { ids, revisions } = order;
  const missing: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    const held = blob.records.get(ids[k]!);
    if (held?.revision !== revisions[k]) missing.push(ids[k]!);
  }
  const t = performance.now();
  const fetched = new Map<string, FetchedRecord>();
  for (let from = 0; from < missing.length; from += batchSize) {
    const { rows } = await pool.query<Omit<ArticleBatchRow, 'position'>>('SELECT id, revision, record::text AS record FROM articles WHERE id = ANY($1)', [missing.slice(from, from + batchSize)]);
    for (const row of rows) fetched.set(row.id, { record: JSON.parse(row.record) as RowRecord, revision: Number(row.revision) });
  }
  const fetchMs = performance.now() - t;
  let count = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const held = blob.records.get(id);
    if (held && held.revision === revisions[k]) put.fromBlob(held);
    else {
      // A row fetched now may be gone (removed since the order was read): the change feed has it.
      const row = fetched.get(id);
      if (!row) continue;
      put.rows([row]);
    }
    count++;
  }
  const ms = (v: number) => Math.round(v);
  logger.info(
    { event: 'postgres_articles_loaded', articles: count, fromBlob: ids.length - missing.length, fetched: missing.length, snapshot: blob.snapshot, loadMs: ms(performance.now() - started), blobMs: ms(blobMs), orderMs: ms(orderMs), fetchMs: ms(fetchMs) },
    'articles loaded',
  );
}

/**
 * Every article in added order, in keyset batches along (added_at, id) (no sort, no
 * result holding the whole table); the next batch is asked for before this one is
 * parsed, so the server's work overlaps ours. Records arrive as text and are parsed
 * here, so the log line can tell waiting for rows (fetch) from parsing and indexing them (decode).
 */
async function loadInBatches(pool: pg.Pool, logger: Logger, batchSize: number, put: LoadSink, started: number): Promise<void> {
  let fetchMs = 0;
  let decodeMs = 0;
  let count = 0;
  const batch = (after: ArticleBatchRow | undefined) => {
    const query = pool.query<ArticleBatchRow>(articlesInOrder(after !== undefined), after ? [batchSize, after.position, after.id] : [batchSize]);
    // Awaited on the next turn; a failure meanwhile must not count as unhandled.
    query.catch(() => undefined);
    return query;
  };
  for (let next: Promise<pg.QueryResult<ArticleBatchRow>> | null = batch(undefined); next; ) {
    const t = performance.now();
    const { rows }: pg.QueryResult<ArticleBatchRow> = await next;
    const d = performance.now();
    next = rows.length === batchSize ? batch(rows.at(-1)) : null;
    put.rows(rows.map((row) => ({ record: JSON.parse(row.record) as RowRecord, revision: Number(row.revision) })));
    fetchMs += d - t;
    decodeMs += performance.now() - d;
    count += rows.length;
  }
  const ms = (v: number) => Math.round(v);
  logger.info({ event: 'postgres_articles_loaded', articles: count, fromBlob: 0, loadMs: ms(performance.now() - started), fetchMs: ms(fetchMs), decodeMs: ms(decodeMs) }, 'articles loaded');
}
