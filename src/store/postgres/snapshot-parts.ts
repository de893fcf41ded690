// Storing a byte stream in numbered parts under a derived-data snapshot row, inside
// the caller's transaction: the snapshot's own bytes (derived_snapshot_parts,
// decision 029) and the records blob (derived_snapshot_records, decision 031).
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Parts per insert statement. */
const PARTS_PER_INSERT = 8;

export type PartsTable = 'derived_snapshot_parts' | 'derived_snapshot_records';

/** Inserts `parts` in order (numbered from 0) under snapshot `id`; resolves to their total length and sha256. */
export async function insertParts(client: pg.PoolClient, table: PartsTable, id: string, parts: AsyncIterable<Buffer>): Promise<{ size: number; sha256: Buffer }> {
  const hash = createHash('sha256');
  let size = 0;
  let part = 0;
  let pending: Buffer[] = [];
  const insert = async () => {
    if (pending.length === 0) return;
    const first = part - pending.length;
    await client.query(`INSERT INTO ${table} (snapshot, part, data) SELECT $1, $2 + n - 1, d FROM unnest($3::bytea[]) WITH ORDINALITY AS p (d, n)`, [id, first, pending]);
    pending = [];
  };
  for await (const data of parts) {
    hash.update(data);
    size += data.length;
    pending.push(data);
    part++;
    if (pending.length >= PARTS_PER_INSERT) await insert();
  }
  await insert();
  return { size, sha256: hash.digest() };
}
