// Copies what a lowdb store holds into the PostgreSQL store, then checks the copy:
// per table, the rows the source has must be in the database with the same content
// (a count, and a sha256 over the sorted ids and canonical JSON of the records).
// Every insert is ON CONFLICT DO NOTHING and the whole copy is one transaction, so a
// second run copies nothing and a failed run leaves nothing half-done. Instances
// already running on the database hear of each copied row (change-feed.ts).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { FeedRecord } from '../../feeds/feed-record.js';
import type { ArticleRecord } from '../../model/article.js';
import type { SubscriptionRecord } from '../../model/subscription.js';
import type { SeedingState } from '../briefing-store.js';
import type { AuditEntry } from '../store-schema.js';
import { writeAndNotify, type ChangeKind } from './change-feed.js';

export interface StoreSnapshot {
  articles: readonly ArticleRecord[];
  subscriptions: readonly SubscriptionRecord[];
  audit: readonly AuditEntry[];
  feeds: readonly FeedRecord[];
  seeding: SeedingState;
  seededAt: string | null;
}

export interface TableReport {
  table: string;
  inSource: number;
  /** Rows this run inserted (0 on a second run). */
  copied: number;
  /** Of the source's rows, how many the database holds with the same content. */
  matching: number;
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
}

const BATCH = 500;
const ORIGIN = 'migrate-store';

/** JSON with object keys sorted, so a record reads the same from a file and from jsonb. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** One checksum for a set of keyed records, whatever order they come in. */
function checksum(rows: readonly { key: string; record: unknown }[]): string {
  return sha256(rows.map((r) => `${r.key}\t${canonicalJson(r.record)}`).sort().join('\n'));
}

/** Audit entries have no id: the n-th copy of an identical entry gets key …:n. */
function auditKeys(entries: readonly AuditEntry[]): { key: string; record: AuditEntry }[] {
  const seen = new Map<string, number>();
  return entries.map((record) => {
    const hash = sha256(canonicalJson(record));
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return { key: `lowdb:${hash}:${n}`, record };
  });
}

interface Table<T> {
  name: string;
  kind: ChangeKind;
  rows: { key: string; record: T }[];
  /** Inserts a JSON array of {key, record} ($1), returning the inserted rows' ids. */
  insert: string;
  /** The stored records of the given keys ($1, a text array), as {key, record}. */
  select: string;
}

function tables(s: StoreSnapshot): Table<unknown>[] {
  const byId = <T extends { id: string }>(records: readonly T[]) => records.map((record) => ({ key: record.id, record }));
  const fromJson = (columns: string, values: string) =>
    `INSERT INTO ${columns} SELECT ${values} FROM jsonb_array_elements($1::jsonb) AS e ON CONFLICT DO NOTHING RETURNING `;
  return [
    {
      name: 'articles',
      kind: 'article',
      rows: byId(s.articles),
      insert: `${fromJson('articles (id, fingerprint, canonical_url, added_at, record)', "e->'record'->>'id', e->'record'->>'fingerprint', e->'record'->>'canonicalUrl', (e->'record'->>'addedAt')::timestamptz, e->'record'")}id`,
      select: 'SELECT id AS key, record FROM articles WHERE id = ANY($1)',
    },
    {
      name: 'subscriptions',
      kind: 'subscription',
      rows: byId(s.subscriptions),
      insert: `${fromJson('subscriptions (id, record)', "e->'record'->>'id', e->'record'")}id`,
      select: 'SELECT id AS key, record FROM subscriptions WHERE id = ANY($1)',
    },
    {
      name: 'audit',
      kind: 'audit',
      rows: auditKeys(s.audit),
      insert: `${fromJson('audit_log (import_key, entry)', "e->>'key', e->'record'")}seq AS id`,
      select: 'SELECT import_key AS key, entry AS record FROM audit_log WHERE import_key = ANY($1)',
    },
    {
      name: 'feeds',
      kind: 'feed',
      rows: byId(s.feeds),
      insert: `${fromJson('feeds (id, url, record)', "e->'record'->>'id', e->'record'->>'url', e->'record'")}id`,
      select: 'SELECT id AS key, record FROM feeds WHERE id = ANY($1)',
    },
  ];
}

/** Copies `source` into the (migrated) database in one transaction, then verifies every table. */
export async function copyIntoPostgres(source: StoreSnapshot, pool: pg.Pool): Promise<TableReport[]> {
  const all = tables(source);
  const copied = new Map<string, number>();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const t of all) {
      let n = 0;
      for (let i = 0; i < t.rows.length; i += BATCH) {
        const batch = JSON.stringify(t.rows.slice(i, i + BATCH));
        n += (await writeAndNotify(client, t.insert, [batch], { origin: ORIGIN, kind: t.kind, op: 'put' })).length;
      }
      copied.set(t.name, n);
    }
    copied.set('seeding', await copySeeding(client, source));
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  const reports: TableReport[] = [];
  for (const t of all) {
    const { rows } = await pool.query<{ key: string; record: unknown }>(t.select, [t.rows.map((r) => r.key)]);
    const wanted = new Map(t.rows.map((r) => [r.key, canonicalJson(r.record)]));
    const matching = rows.filter((r) => wanted.get(r.key) === canonicalJson(r.record)).length;
    const sourceChecksum = checksum(t.rows);
    const targetChecksum = checksum(rows);
    reports.push({ table: t.name, inSource: t.rows.length, copied: copied.get(t.name) ?? 0, matching, sourceChecksum, targetChecksum, ok: matching === t.rows.length && sourceChecksum === targetChecksum });
  }
  reports.push(await verifySeeding(pool, source, copied.get('seeding') ?? 0));
  return reports;
}

/** Seeding progress is copied only where the database has none yet (an instance may have seeded it). */
async function copySeeding(client: pg.PoolClient, source: StoreSnapshot): Promise<number> {
  if (source.seeding === 'not-started') return 0;
  const started = source.seededAt ?? new Date().toISOString();
  const rows = await writeAndNotify(
    client,
    `UPDATE store_meta SET seeding_started_at = coalesce(seeding_started_at, $1), seeded_at = coalesce(seeded_at, $2)
     WHERE (seeding_started_at IS NULL) OR (seeded_at IS NULL AND $2::text IS NOT NULL) RETURNING 'meta' AS id`,
    [started, source.seededAt],
    { origin: ORIGIN, kind: 'meta', op: 'put' },
  );
  return rows.length;
}

async function verifySeeding(pool: pg.Pool, source: StoreSnapshot, copied: number): Promise<TableReport> {
  const { rows } = await pool.query<{ seeding_started_at: string | null; seeded_at: string | null }>('SELECT seeding_started_at, seeded_at FROM store_meta');
  const meta = rows[0];
  const target: SeedingState = meta?.seeded_at ? 'done' : meta?.seeding_started_at ? 'in-progress' : 'not-started';
  // The database may be further along (seeded by an instance already): never behind.
  const order: SeedingState[] = ['not-started', 'in-progress', 'done'];
  const ok = order.indexOf(target) >= order.indexOf(source.seeding);
  return { table: 'seeding', inSource: 1, copied, matching: ok ? 1 : 0, sourceChecksum: source.seeding, targetChecksum: target, ok };
}
