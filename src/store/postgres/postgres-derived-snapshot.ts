// The whole-store derived-data snapshot in PostgreSQL (migration 023,
// docs/decisions/029): bytes in parts under one snapshot row. Read in one
// statement (a binary COPY of the newest snapshot's row joined to its parts), so
// a snapshot deleted by a writer meanwhile is still read whole or not at all;
// written in one transaction (row, parts, then older ones of its kind dropped), so
// a reader never sees a snapshot without all its parts, and writers on several
// instances each insert their own and never touch another's parts.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { releasableBuffer } from '../../releasable-memory.js';
import type { StoredSnapshotRead } from '../shared-derived-rows.js';
import { copyBinaryRows } from './copy-binary.js';
import { writeRecordsBlob } from './postgres-records-blob.js';
import { insertParts } from './snapshot-parts.js';
import { recordsBlobSections, type RecordsSource } from './records-blob.js';

/** Snapshots of another layout version or inputs (a rolling upgrade, changed briefs) are dropped once this old. */
const OTHER_KINDS_KEPT_MS = 24 * 3600_000;

const newest = (version: number, inputs: string, literal: (s: string) => string) =>
  `SELECT id, articles, bytes, sha256, written_at FROM derived_snapshots WHERE version = ${Math.trunc(version)} AND inputs = ${literal(inputs)} ORDER BY id DESC LIMIT 1`;

export async function readDerivedSnapshot(pool: pg.Pool, version: number, inputs: string): Promise<StoredSnapshotRead> {
  const client = await pool.connect();
  let finished = false;
  try {
    const query = `SELECT s.id, s.articles, s.bytes, s.sha256, extract(epoch FROM s.written_at)::float8, p.part, p.data
      FROM (${newest(version, inputs, (s) => client.escapeLiteral(s))}) s LEFT JOIN derived_snapshot_parts p ON p.snapshot = s.id ORDER BY p.part`;
    let head: { id: number; articles: number; size: number; sha: Buffer; writtenAt: Date } | null = null;
    let bytes: Buffer | null = null;
    let at = 0;
    let nextPart = 0;
    let damaged: string | null = null;
    for await (const rows of copyBinaryRows(client, query)) {
      for (const [id, articles, size, sha, written, part, data] of rows) {
        if (!head) {
          head = { id: Number(id!.readBigInt64BE(0)), articles: articles!.readInt32BE(0), size: Number(size!.readBigInt64BE(0)), sha: Buffer.from(sha!), writtenAt: new Date(written!.readDoubleBE(0) * 1000) };
          // Not from malloc: freeing ~17 MB (10,000 articles) of it raised glibc's mmap threshold, and the main heap then kept ~25 MB of freed memory (decision 038, rss10k3).
          bytes = releasableBuffer(head.size);
        }
        if (damaged) continue;
        if (!part || !data || part.readInt32BE(0) !== nextPart++) damaged = 'a part is missing';
        else if (at + data.length > bytes!.length) damaged = 'longer than written';
        else at += data.copy(bytes!, at);
      }
    }
    finished = true;
    if (!head) return { kind: 'none' };
    if (!damaged && at !== head.size) damaged = 'shorter than written';
    if (!damaged && !createHash('sha256').update(bytes!).digest().equals(head.sha)) damaged = 'checksum differs';
    if (damaged) return { kind: 'damaged', id: head.id, reason: damaged };
    return { kind: 'ok', snapshot: { id: head.id, articles: head.articles, writtenAt: head.writtenAt, bytes: bytes! } };
  } finally {
    // A copy left half-read leaves the connection unusable: drop it.
    client.release(!finished);
  }
}

/**
 * Only snapshots with a records blob count (decision 031): one without (written
 * before migration 024, or its blob found damaged and dropped) does not put off a
 * write that would give the next starts one.
 */
export async function derivedSnapshotAgeMs(pool: pg.Pool, version: number, inputs: string): Promise<number | null> {
  const { rows } = await pool.query<{ age: number }>(
    'SELECT extract(epoch FROM now() - written_at)::float8 * 1000 AS age FROM derived_snapshots WHERE version = $1 AND inputs = $2 AND records_sha256 IS NOT NULL ORDER BY id DESC LIMIT 1',
    [version, inputs],
  );
  return rows[0]?.age ?? null;
}

/**
 * `records`: the store's records as they are when the snapshot's parts are in, for
 * the records blob written in the same transaction (decision 031).
 */
export async function writeDerivedSnapshot(
  pool: pg.Pool,
  version: number,
  inputs: string,
  articles: number,
  parts: AsyncIterable<Buffer>,
  records?: RecordsSource,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const { rows } = await client.query<{ id: string }>(
        "INSERT INTO derived_snapshots (version, inputs, articles, bytes, sha256) VALUES ($1, $2, $3, 0, '\\x') RETURNING id",
        [version, inputs, articles],
      );
      const id = rows[0]!.id;
      const { size, sha256 } = await insertParts(client, 'derived_snapshot_parts', id, parts);
      await client.query('UPDATE derived_snapshots SET bytes = $2, sha256 = $3 WHERE id = $1', [id, size, sha256]);
      if (records) {
        const held = records.records();
        await writeRecordsBlob(client, id, held.length, recordsBlobSections(held, (id) => records.figuresOf(id)));
      }
      await client.query(
        'DELETE FROM derived_snapshots WHERE (version = $2 AND inputs = $3 AND id < $1) OR ((version <> $2 OR inputs <> $3) AND written_at < now() - $4 * interval \'1 millisecond\')',
        [id, version, inputs, OTHER_KINDS_KEPT_MS],
      );
      await client.query('COMMIT');
      return Number(id);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } finally {
    client.release();
  }
}
