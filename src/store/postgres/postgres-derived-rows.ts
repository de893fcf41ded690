// The shared derived rows (../shared-derived-rows.ts) in the article_derived table
// (migration 021). Read as a binary COPY stream, handed over in batches, so no result holds every row at once;
// written in one statement per batch that joins the articles, so a row lands only
// for an article still stored with the fingerprint it was read from (a removal in
// between cascades it away or skips it), and never over a newer version's row.
import type pg from 'pg';
import type { SharedDerivedRows, StoredDerivedRow, StoredSnapshotRead } from '../shared-derived-rows.js';
import { copyBinaryRows } from './copy-binary.js';
import { derivedSnapshotAgeMs, readDerivedSnapshot, writeDerivedSnapshot } from './postgres-derived-snapshot.js';
import type { RecordsSource } from './records-blob.js';
import type { StartReads } from './start-reads.js';

const READ_BATCH = 5_000;

/** A text[] literal (COPY takes no parameters): each element quoted, quotes and backslashes escaped. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export class PostgresDerivedRows implements SharedDerivedRows {
  /** Set by the store at open when it found no usable records blob (decision 031): the next snapshot write gives one. */
  snapshotDue = false;
  /** While the store opens: the start's bulk reads (start-reads.ts), which the snapshot's read at start goes through. */
  startReads: StartReads | null = null;

  /** `records`: the store's records now, written as the records blob beside each snapshot (decision 031). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly records?: RecordsSource,
  ) {}

  /**
   * Streamed with a binary COPY on a connection of its own: the rows' bytes arrive
   * as they are, not as hex (half the transfer, no encoding on either side).
   */
  async *read(version: number, inputs: string, ids?: readonly string[]): AsyncIterable<readonly StoredDerivedRow[]> {
    if (ids?.length === 0) return;
    const client = await this.pool.connect();
    let finished = false;
    try {
      const kind = (table: string) => `${table}.version = ${Math.trunc(version)} AND ${table}.inputs = ${client.escapeLiteral(inputs)}`;
      // Rows asked by id come in the order asked: a start appends them after the stored
      // snapshot's in the store's order, and the index then takes the postings as they
      // lie instead of renumbering every one (derived-indexes.ts loadPosted).
      const query = ids
        ? `SELECT d.id, d.fingerprint, d.stamp, d.data FROM unnest(${client.escapeLiteral(textArray(ids))}::text[]) WITH ORDINALITY AS asked (id, n) JOIN article_derived d ON d.id = asked.id AND ${kind('d')} ORDER BY asked.n`
        : `SELECT id, fingerprint, stamp, data FROM article_derived WHERE ${kind('article_derived')}`;
      let batch: StoredDerivedRow[] = [];
      for await (const rows of copyBinaryRows(client, query)) {
        for (const [id, fingerprint, stamp, data] of rows) {
          batch.push({ id: id!.toString('utf8'), fingerprint: fingerprint!.toString('utf8'), stamp: Number(stamp!.readBigInt64BE(0)), data: data! });
        }
        if (batch.length >= READ_BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      finished = true;
    } finally {
      // A copy left half-read (the caller stopped, or it failed) leaves the connection unusable: drop it.
      client.release(!finished);
    }
  }

  async write(version: number, inputs: string, rows: readonly StoredDerivedRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const { rows: written } = await this.pool.query<{ id: string }>(
      `INSERT INTO article_derived (id, fingerprint, stamp, version, inputs, data)
       SELECT r.id, r.fingerprint, r.stamp, $1, $2, r.data
       FROM unnest($3::text[], $4::text[], $5::bigint[], $6::bytea[]) AS r (id, fingerprint, stamp, data)
       JOIN articles a ON a.id = r.id AND a.fingerprint = r.fingerprint
       ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, stamp = EXCLUDED.stamp, version = EXCLUDED.version, inputs = EXCLUDED.inputs, data = EXCLUDED.data
       WHERE article_derived.version <= EXCLUDED.version
       RETURNING id`,
      [version, inputs, rows.map((r) => r.id), rows.map((r) => r.fingerprint), rows.map((r) => r.stamp), rows.map((r) => r.data)],
    );
    return written.map((r) => r.id);
  }

  readSnapshot(version: number, inputs: string): Promise<StoredSnapshotRead> {
    return this.startReads ? this.startReads.snapshot(version, inputs) : readDerivedSnapshot(this.pool, version, inputs);
  }

  snapshotAgeMs(version: number, inputs: string): Promise<number | null> {
    return derivedSnapshotAgeMs(this.pool, version, inputs);
  }

  async dropSnapshot(id: number): Promise<void> {
    await this.pool.query('DELETE FROM derived_snapshots WHERE id = $1', [id]);
  }

  writeSnapshot(version: number, inputs: string, articles: number, parts: AsyncIterable<Buffer>): Promise<number> {
    return writeDerivedSnapshot(this.pool, version, inputs, articles, parts, this.records);
  }
}
