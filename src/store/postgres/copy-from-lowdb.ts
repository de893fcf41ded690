// Copies what a lowdb store holds into the PostgreSQL store, then checks the copy:
// per table, the rows the source has must be in the database with the same content
// (a count, and a sha256 over the sorted per-row hashes of key and canonical JSON).
// Every insert is ON CONFLICT DO NOTHING and the whole copy is one transaction, so a
// second run copies nothing and a failed run leaves nothing half-done. Instances
// already running on the database hear of each copied row (change-feed.ts).
// Rows stream through in batches (articles may come from an async source) and only
// a hash per row is kept, so 100,000 articles copy at bounded memory.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { FeedRecord } from '../../feeds/feed-record.js';
import type { ArticleRecord } from '../../model/article.js';
import type { SubscriptionRecord } from '../../model/subscription.js';
import type { SeedingState } from '../briefing-store.js';
import type { AuditEntry } from '../store-schema.js';
import { writeAndNotify, type ChangeKind } from './change-feed.js';

export interface StoreSnapshot {
  /** Any iterable: a lowdb store's list, or records streamed from a file. Read once. */
  articles: Iterable<ArticleRecord> | AsyncIterable<ArticleRecord>;
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

/** Rows per INSERT (one JSON array parameter): ~2 MB of articles, few round trips. */
const BATCH = 500;
/** Keys per verifying SELECT. */
const VERIFY_BATCH = 2_000;
const ORIGIN = 'migrate-store';

/** JSON with object keys sorted, so a record reads the same from a file and from jsonb. */
export function canonicalJson(value: unknown): string {
  // As JSON.stringify does (a Date becomes its ISO text): the canonical JSON is also what is inserted.
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A row's identity and content in one hash: the same key and canonical JSON, the same hash. */
const rowHash = (key: string, json: string) => sha256(`${key}\t${json}`);

/** One checksum for a set of rows, whatever order they come in. */
const checksum = (rowHashes: readonly string[]) => sha256([...rowHashes].sort().join('\n'));

interface Row<T> {
  key: string;
  record: T;
}

/** Audit entries have no id: the n-th copy of an identical entry gets key …:n. */
function auditKeys(entries: readonly AuditEntry[]): Row<AuditEntry>[] {
  const seen = new Map<string, number>();
  return entries.map((record) => {
    const hash = sha256(canonicalJson(record));
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return { key: `lowdb:${hash}:${n}`, record };
  });
}

async function* stream<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

async function* byId<T extends { id: string }>(records: Iterable<T> | AsyncIterable<T>): AsyncGenerator<Row<T>> {
  for await (const record of records) yield { key: record.id, record };
}

interface Table {
  name: string;
  kind: ChangeKind;
  rows: AsyncIterable<Row<unknown>>;
  /** Inserts a JSON array of {key, record} ($1), returning the inserted rows' ids. */
  insert: string;
  /** The stored records of the given keys ($1, a text array), as {key, record}. */
  select: string;
}

function tables(s: StoreSnapshot): Table[] {
  const fromJson = (columns: string, values: string) =>
    `INSERT INTO ${columns} SELECT ${values} FROM jsonb_array_elements($1::jsonb) AS e ON CONFLICT DO NOTHING RETURNING `;
  return [
    {
      name: 'articles',
      kind: 'article',
      rows: byId(s.articles),
      // The body in its own column, the rest as the record (migration 022); read back whole to verify.
      insert: `${fromJson('articles (id, fingerprint, canonical_url, added_at, record, body)', "e->'record'->>'id', e->'record'->>'fingerprint', e->'record'->>'canonicalUrl', (e->'record'->>'addedAt')::timestamptz, ((e->'record') - 'body')::json, e->'record'->>'body'")}id`,
      select: "SELECT id AS key, record::jsonb || jsonb_build_object('body', body) AS record FROM articles WHERE id = ANY($1)",
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
      rows: stream(auditKeys(s.audit)),
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

/** What the copy wrote of one table, and the source's row hashes to verify it by. */
interface Copied {
  table: Table;
  copied: number;
  /** key -> rowHash of the source row. */
  source: Map<string, string>;
}

/** Copies `source` into the (migrated) database in one transaction, then verifies every table. */
export async function copyIntoPostgres(source: StoreSnapshot, pool: pg.Pool): Promise<TableReport[]> {
  const done: Copied[] = [];
  let seedingCopied = 0;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const table of tables(source)) done.push(await copyTable(client, table));
    seedingCopied = await copySeeding(client, source);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  const reports: TableReport[] = [];
  for (const c of done) reports.push(await verifyTable(pool, c));
  reports.push(await verifySeeding(pool, source, seedingCopied));
  return reports;
}

/**
 * Inserts a table's rows in batches, sending the canonical JSON it hashed (built
 * once per row, by string concatenation, never stringified twice).
 */
async function copyTable(client: pg.PoolClient, table: Table): Promise<Copied> {
  const hashes = new Map<string, string>();
  let batch: string[] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = await writeAndNotify(client, table.insert, [`[${batch.join(',')}]`], { origin: ORIGIN, kind: table.kind, op: 'put' });
    copied += rows.length;
    batch = [];
  };
  for await (const { key, record } of table.rows) {
    const json = canonicalJson(record);
    hashes.set(key, rowHash(key, json));
    batch.push(`{"key":${JSON.stringify(key)},"record":${json}}`);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return { table, copied, source: hashes };
}

/** Reads back the source's keys in batches and compares each stored row's hash with the source's. */
async function verifyTable(pool: pg.Pool, { table, copied, source }: Copied): Promise<TableReport> {
  const keys = [...source.keys()];
  const target: string[] = [];
  let matching = 0;
  for (let i = 0; i < keys.length; i += VERIFY_BATCH) {
    const { rows } = await pool.query<Row<unknown>>(table.select, [keys.slice(i, i + VERIFY_BATCH)]);
    for (const r of rows) {
      const hash = rowHash(r.key, canonicalJson(r.record));
      target.push(hash);
      if (source.get(r.key) === hash) matching++;
    }
  }
  const sourceChecksum = checksum([...source.values()]);
  const targetChecksum = checksum(target);
  return { table: table.name, inSource: source.size, copied, matching, sourceChecksum, targetChecksum, ok: matching === source.size && sourceChecksum === targetChecksum };
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
