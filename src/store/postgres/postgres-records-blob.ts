// The records blob (records-blob.ts) in PostgreSQL (migration 024, docs/decisions/031):
// parts under a derived-data snapshot row, written in that snapshot's own
// transaction (postgres-derived-snapshot.ts), read at start in one statement (a
// binary COPY of the newest snapshot that has one, joined to its parts in order),
// so a snapshot deleted by a writer meanwhile is still read whole or not at all.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { copyBinaryRows } from './copy-binary.js';
import { insertParts } from './snapshot-parts.js';

/** How a blob's stream went: `articles` is the record count written with it (the sections' reader checks it holds that many). */
export type RecordsBlobStream = { kind: 'ok'; snapshot: number; articles: number } | { kind: 'none' } | { kind: 'damaged'; snapshot: number; reason: string };

/**
 * Streams the newest blob's sections in part order to `take` (which says why
 * one cannot be used, or null), checking the parts' order, length and sha256.
 * Runs on whichever thread reads the blob (start-reads.ts).
 */
export async function readRecordsBlob(pool: pg.Pool, take: (section: Buffer) => string | null): Promise<RecordsBlobStream> {
  const client = await pool.connect();
  let finished = false;
  try {
    const query = `SELECT s.id, s.records_articles, s.records_bytes, s.records_sha256, p.part, p.data
      FROM (SELECT id, records_articles, records_bytes, records_sha256 FROM derived_snapshots WHERE records_sha256 IS NOT NULL ORDER BY id DESC LIMIT 1) s
      LEFT JOIN derived_snapshot_records p ON p.snapshot = s.id ORDER BY p.part`;
    let head: { id: number; articles: number; size: number; sha: Buffer } | null = null;
    const hash = createHash('sha256');
    let size = 0;
    let nextPart = 0;
    let damaged: string | null = null;
    for await (const rows of copyBinaryRows(client, query)) {
      for (const [id, articles, bytes, sha, part, data] of rows) {
        head ??= { id: Number(id!.readBigInt64BE(0)), articles: articles!.readInt32BE(0), size: Number(bytes!.readBigInt64BE(0)), sha: Buffer.from(sha!) };
        if (damaged) continue;
        if (!part || !data || part.readInt32BE(0) !== nextPart++) damaged = 'a part is missing';
        else if ((size += data.length) > head.size) damaged = 'longer than written';
        else {
          hash.update(data);
          damaged = take(data);
        }
      }
    }
    finished = true;
    if (!head) return { kind: 'none' };
    if (!damaged && size !== head.size) damaged = 'shorter than written';
    if (!damaged && !hash.digest().equals(head.sha)) damaged = 'checksum differs';
    if (damaged) return { kind: 'damaged', snapshot: head.id, reason: damaged };
    return { kind: 'ok', snapshot: head.id, articles: head.articles };
  } finally {
    // A copy left half-read leaves the connection unusable: drop it.
    client.release(!finished);
  }
}

/** Forgets a damaged blob (its snapshot's derived data stays): the next start does not read it again. */
export async function dropRecordsBlob(pool: pg.Pool, snapshot: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE derived_snapshots SET records_articles = NULL, records_bytes = NULL, records_sha256 = NULL WHERE id = $1', [snapshot]);
    await client.query('DELETE FROM derived_snapshot_records WHERE snapshot = $1', [snapshot]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Inside the transaction that writes snapshot `id`: stores its records blob, part by part, with its length, checksum and count. */
export async function writeRecordsBlob(client: pg.PoolClient, id: string, articles: number, sections: AsyncIterable<Buffer>): Promise<void> {
  const { size, sha256 } = await insertParts(client, 'derived_snapshot_records', id, sections);
  await client.query('UPDATE derived_snapshots SET records_articles = $2, records_bytes = $3, records_sha256 = $4 WHERE id = $1', [id, articles, size, sha256]);
}
