// How a PostgreSQL store reads its articles at open (keyset batches along the
// (added_at, id) index of migration 020, no sort; bodies streamed into a file of
// the instance's own, migration 022), how a database at an older schema is
// upgraded, and the derived rows table (migration 021): rows land only for the
// stored article they were read from and never over a newer version's row, and a
// read returns only the rows of one version and inputs.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { storedPart } from '../../../src/model/article.js';
import { migrate, readMigrations } from '../../../src/store/postgres/migrate.js';
import type { PostgresDerivedRows } from '../../../src/store/postgres/postgres-derived-rows.js';
import { articlesInOrder } from '../../../src/store/postgres/article-load.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import type { StoredDerivedRow } from '../../../src/store/shared-derived-rows.js';
import { article } from '../../roundup/memory-roundup-store.js';
import { freshDatabaseUrl } from '../../support/postgres-database.js';

/** What a PostgreSQL instance keeps of an article in memory: all but the body and the key figures (read from its body file, as lowdb reads them from disk). */
const held = storedPart;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function pool(url: string): Promise<pg.Pool> {
  const p = new pg.Pool({ connectionString: url, max: 2 });
  closers.push(() => p.end());
  return p;
}

async function openStore(url: string, loadBatch?: number): Promise<PostgresStore> {
  const store = await PostgresStore.open(url, loadBatch ? { loadBatch } : {});
  closers.push(() => store.close());
  return store;
}

/** Seven articles, some added at the same instant (ties go by id), added out of order. */
const ARTICLES = [
  article({ id: 'g', addedAt: '2026-11-03T00:00:00.000Z' }),
  article({ id: 'c', addedAt: '2026-11-01T00:00:00.000Z' }),
  article({ id: 'a', addedAt: '2026-11-01T00:00:00.000Z' }),
  article({ id: 'f', addedAt: '2026-11-02T00:00:00.123Z' }),
  article({ id: 'b', addedAt: '2026-11-01T00:00:00.000Z' }),
  article({ id: 'e', addedAt: '2026-11-02T00:00:00.123Z' }),
  article({ id: 'd', addedAt: '2026-10-31T23:59:59.999Z' }),
];

const derived = (id: string, data = 'row'): StoredDerivedRow => ({ id, fingerprint: id, stamp: 4_000_000_000, data: Buffer.from(data) });

async function readAll(rows: PostgresDerivedRows, version: number, inputs: string): Promise<StoredDerivedRow[]> {
  const out: StoredDerivedRow[] = [];
  for await (const batch of rows.read(version, inputs)) out.push(...batch);
  return out;
}

describe('PostgreSQL store at open', () => {
  it('loads every article in added order (ties by id) across batches', async () => {
    const url = await freshDatabaseUrl();
    const writer = await openStore(url);
    for (const a of ARTICLES) await writer.addArticle(a);
    for (const batch of [1, 2, 3, 7, 100]) {
      const store = await openStore(url, batch);
      expect([...store.listArticles()].map((a) => a.id)).toEqual(['d', 'a', 'b', 'c', 'e', 'f', 'g']);
      expect(store.getArticle('f')).toEqual(held(ARTICLES[3]!));
      expect(ARTICLES.map((x) => store.readBody(x.id))).toEqual(ARTICLES.map((x) => x.body));
      expect(ARTICLES.map((x) => store.readKeyFigures(x.id))).toEqual(ARTICLES.map((x) => x.keyFigures));
    }
  });

  it('reads the articles in order along an index, with no sort, batch after batch', async () => {
    const url = await freshDatabaseUrl();
    const p = await pool(url);
    await migrate(p);
    const client = await p.connect();
    try {
      // On a near-empty table a sequential or bitmap scan and a sort would win anyway: ask what the plan is once those are off.
      await client.query('SET enable_seqscan = off; SET enable_bitmapscan = off');
      for (const [after, values] of [[false, [5000]], [true, [5000, '2026-11-01 00:00:00+00', 'a']]] as const) {
        const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${articlesInOrder(after)}`, [...values]);
        const plan = JSON.stringify(rows[0]!['QUERY PLAN']);
        expect(plan).toContain('articles_added_order');
        expect(plan, plan).not.toContain('"Sort"');
      }
    } finally {
      client.release();
    }
  });

  it.each([10, 21])('upgrades a database at schema %i (bodies inside the records), keeping its articles and their bodies', async (at) => {
    const url = await freshDatabaseUrl();
    const p = await pool(url);
    const before = readMigrations().filter((m) => m.version <= at);
    await migrate(p, before);
    for (const a of ARTICLES.slice(0, 3)) {
      await p.query('INSERT INTO articles (id, fingerprint, canonical_url, added_at, record) VALUES ($1, $2, $3, $4, $5)', [a.id, a.fingerprint, a.canonicalUrl, a.addedAt, a]);
    }
    const store = await openStore(url);
    expect([...store.listArticles()]).toEqual([ARTICLES[2], ARTICLES[1], ARTICLES[0]].map((a) => held(a!)));
    expect(ARTICLES.slice(0, 3).map((a) => store.readBody(a.id))).toEqual(ARTICLES.slice(0, 3).map((a) => a.body));
    expect(ARTICLES.slice(0, 3).map((a) => store.readKeyFigures(a.id))).toEqual(ARTICLES.slice(0, 3).map((a) => a.keyFigures));
    const versions = await p.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
    expect(versions.rows.map((r) => r.version)).toEqual(expect.arrayContaining([...before.map((m) => m.version), 20, 21, 22]));
    expect(await store.sharedDerived.write(2, 'in', [derived('c')])).toEqual(['c']);
    // Another instance reads the upgraded rows as the store writes new ones.
    await store.addArticle(ARTICLES[3]!);
    const other = await openStore(url);
    expect([...other.listArticles()].map((a) => a.id)).toEqual(['a', 'c', 'f', 'g']);
    expect(other.readBody('f')).toBe(ARTICLES[3]!.body);
  });

  it('keeps no body in memory: bodies are read from a file of its own, unlinked at once, that ends with the store', async () => {
    const url = await freshDatabaseUrl();
    const bodyDir = mkdtempSync(path.join(tmpdir(), 'ringkas-bodies-test-'));
    closers.push(async () => rmSync(bodyDir, { recursive: true, force: true }));
    const writer = await openStore(url);
    const bodies = ['Plain body.', 'Kutipan "langsung", tab\t, emoji \u{1F600} dan é.', '', 'x'.repeat(200_000)];
    for (const [i, body] of bodies.entries()) await writer.addArticle({ ...ARTICLES[i]!, body });
    const store = await PostgresStore.open(url, { bodyDir, loadBatch: 2 });
    expect(readdirSync(bodyDir)).toEqual([]);
    expect([...store.listArticles()].every((a) => !('body' in a))).toBe(true);
    expect(ARTICLES.slice(0, 4).map((a) => store.readBody(a.id))).toEqual(bodies);
    await store.addArticle(ARTICLES[4]!);
    expect(store.readBody(ARTICLES[4]!.id)).toBe(ARTICLES[4]!.body);
    // The database keeps the whole article: the body in its column, every other field in the record.
    const { body, ...record } = ARTICLES[4]!;
    expect((await (await pool(url)).query('SELECT record, body FROM articles WHERE id = $1', [record.id])).rows).toEqual([{ record, body }]);
    await store.removeArticle(ARTICLES[0]!.id);
    expect(store.readBody(ARTICLES[0]!.id)).toBeUndefined();
    await store.close();
    expect(() => store.readBody(ARTICLES[1]!.id)).toThrow(/closed/);
  });
});

describe('PostgreSQL derived rows', () => {
  it('are written only for an article stored with that fingerprint, and read back by version and inputs', async () => {
    const url = await freshDatabaseUrl();
    const store = await openStore(url);
    for (const a of ARTICLES.slice(0, 3)) await store.addArticle(a);
    const rows = store.sharedDerived;
    const wrongFingerprint = { ...derived('c'), fingerprint: 'other' };
    expect(await rows.write(2, 'in', [derived('g'), wrongFingerprint, derived('gone'), derived('a')])).toEqual(expect.arrayContaining(['g', 'a']));
    expect((await readAll(rows, 2, 'in')).map((r) => r.id).sort()).toEqual(['a', 'g']);
    expect(await readAll(rows, 2, 'other inputs')).toEqual([]);
    expect(await readAll(rows, 3, 'in')).toEqual([]);
    expect((await readAll(rows, 2, 'in')).find((r) => r.id === 'a')).toEqual(derived('a'));
  });

  it('replace an older version but never a newer one, and go with their article', async () => {
    const url = await freshDatabaseUrl();
    const store = await openStore(url);
    for (const a of ARTICLES.slice(0, 2)) await store.addArticle(a);
    const rows = store.sharedDerived;
    await rows.write(2, 'in', [derived('g', 'old'), derived('c', 'old')]);
    expect(await rows.write(3, 'in', [derived('g', 'new')])).toEqual(['g']);
    expect(await rows.write(2, 'in', [derived('g', 'older')])).toEqual([]);
    expect((await readAll(rows, 3, 'in')).map((r) => r.data.toString())).toEqual(['new']);
    await store.removeArticle('c');
    expect(await readAll(rows, 2, 'in')).toEqual([]);
  });

  it('many rows, and rows larger than what arrives at once, come back whole, every one once', async () => {
    const url = await freshDatabaseUrl();
    const store = await openStore(url);
    const ids = Array.from({ length: 5_100 }, (_, i) => `m${String(i).padStart(5, '0')}`);
    const p = await pool(url);
    await p.query(
      "INSERT INTO articles (id, fingerprint, added_at, record, body) SELECT id, id, now(), json_build_object('id', id), '' FROM unnest($1::text[]) AS id",
      [ids],
    );
    // Sizes from a few bytes to several times a network chunk (64 KiB), with every byte value.
    const data = (i: number) => {
      const bytes = Buffer.alloc(i % 500 === 0 ? 200_000 + i : 1 + (i % 300));
      for (let k = 0; k < bytes.length; k++) bytes[k] = (k * 7 + i) % 256;
      return bytes;
    };
    await store.sharedDerived.write(2, 'in', ids.map((id, i) => ({ ...derived(id), stamp: i, data: data(i) })));
    const back = await readAll(store.sharedDerived, 2, 'in');
    expect(back.length).toBe(ids.length);
    const byId = new Map(back.map((r) => [r.id, r]));
    const wrong = ids.filter((id, i) => {
      const row = byId.get(id);
      return !row || row.fingerprint !== id || row.stamp !== i || !row.data.equals(data(i));
    });
    expect(wrong).toEqual([]);
  });
});
