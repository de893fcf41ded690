// The shared derived rows (../shared-derived-rows.ts) in the article_derived table
// (migration 021). Read in keyset batches so no result holds every row at once;
// written in one statement per batch that joins the articles, so a row lands only
// for an article still stored with the fingerprint it was read from (a removal in
// between cascades it away or skips it), and never over a newer version's row.
import type pg from 'pg';
import type { SharedDerivedRows, StoredDerivedRow } from '../shared-derived-rows.js';

const READ_BATCH = 5_000;

interface DerivedRowFromDb {
  id: string;
  fingerprint: string;
  stamp: string;
  data: Buffer;
}

export class PostgresDerivedRows implements SharedDerivedRows {
  constructor(private readonly pool: pg.Pool) {}

  /** The next batch is asked for before this one is handed over, so the server's work overlaps the caller's. */
  async *read(version: number, inputs: string): AsyncIterable<readonly StoredDerivedRow[]> {
    const batch = (after: string) => {
      const query = this.pool.query<DerivedRowFromDb>(
        `SELECT id, fingerprint, stamp, data FROM article_derived
         WHERE version = $1 AND inputs = $2 AND id > $3 ORDER BY id LIMIT $4`,
        [version, inputs, after, READ_BATCH],
      );
      // Awaited on the next turn; a failure meanwhile must not count as unhandled.
      query.catch(() => undefined);
      return query;
    };
    for (let next: ReturnType<typeof batch> | null = batch(''); next; ) {
      const { rows }: pg.QueryResult<DerivedRowFromDb> = await next;
      next = rows.length === READ_BATCH ? batch(rows.at(-1)!.id) : null;
      if (rows.length > 0) yield rows.map((r) => ({ id: r.id, fingerprint: r.fingerprint, stamp: Number(r.stamp), data: r.data }));
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
}
