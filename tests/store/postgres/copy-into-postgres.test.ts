// copyIntoPostgres with a streamed source (as the scale bench loads 100,000 corpus
// articles): more rows than one insert batch, verified by count and checksum, a second
// copy inserting nothing, the checksum independent of row order, and a row changed in
// the database caught.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src/model/article.js';
import { canonicalJson, copyIntoPostgres, type StoreSnapshot, type TableReport } from '../../../src/store/postgres/copy-from-lowdb.js';
import { migrate } from '../../../src/store/postgres/migrate.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { article } from '../../roundup/memory-roundup-store.js';
import { freshDatabaseUrl } from '../../support/postgres-database.js';

const COUNT = 1_234; // more than two insert batches and not a multiple of one

const records: ArticleRecord[] = Array.from({ length: COUNT }, (_, i) =>
  article({
    id: `c${i}`,
    fingerprint: `fp-${i}`,
    canonicalUrl: i % 3 ? `https://news.example/${i}` : null,
    addedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    body: `Body ${i} with "quotes", a tab\t, ünïcode and a backslash \\ .`,
  }),
);

async function* streamed(list: readonly ArticleRecord[]): AsyncGenerator<ArticleRecord> {
  for (const r of list) yield r;
}

const snapshot = (articles: StoreSnapshot['articles']): StoreSnapshot => ({ articles, subscriptions: [], audit: [], feeds: [], seeding: 'done', seededAt: '2026-11-01T00:00:00.000Z' });
const articlesReport = (reports: TableReport[]) => reports.find((r) => r.table === 'articles')!;

let urls: string[];
let pools: pg.Pool[];

beforeAll(async () => {
  urls = [await freshDatabaseUrl(), await freshDatabaseUrl()];
  pools = urls.map((connectionString) => new pg.Pool({ connectionString, max: 2 }));
  for (const pool of pools) await migrate(pool);
});
afterAll(async () => {
  for (const pool of pools) await pool.end();
});

describe('copyIntoPostgres from a streamed source', () => {
  it('copies every row, verifies count and checksum, and a second copy inserts nothing', async () => {
    const first = articlesReport(await copyIntoPostgres(snapshot(streamed(records)), pools[0]!));
    expect(first).toMatchObject({ inSource: COUNT, copied: COUNT, matching: COUNT, ok: true });
    expect(first.targetChecksum).toBe(first.sourceChecksum);

    const second = articlesReport(await copyIntoPostgres(snapshot(streamed(records)), pools[0]!));
    expect(second).toMatchObject({ inSource: COUNT, copied: 0, matching: COUNT, ok: true, sourceChecksum: first.sourceChecksum });
    const { rows } = await pools[0]!.query<{ n: string }>('SELECT count(*) AS n FROM articles');
    expect(Number(rows[0]!.n)).toBe(COUNT);

    // The store then holds the records as given, in the order they were added.
    const store = await PostgresStore.open(urls[0]!);
    try {
      expect([...store.listArticles()].map((a) => ({ ...a, keyFigures: store.readKeyFigures(a.id), body: store.readBody(a.id) }))).toEqual(records);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('gives the same checksum whatever order the rows come in', async () => {
    const reversed = articlesReport(await copyIntoPostgres(snapshot([...records].reverse()), pools[1]!));
    const inOrder = articlesReport(await copyIntoPostgres(snapshot(records), pools[0]!));
    expect(reversed.ok).toBe(true);
    expect(reversed.sourceChecksum).toBe(inOrder.sourceChecksum);
  }, 60_000);

  it('reports a row the database holds with other content', async () => {
    await pools[1]!.query(`UPDATE articles SET body = 'changed' WHERE id = 'c700'`);
    const again = articlesReport(await copyIntoPostgres(snapshot(streamed(records)), pools[1]!));
    expect(again).toMatchObject({ copied: 0, matching: COUNT - 1, ok: false });
    expect(again.targetChecksum).not.toBe(again.sourceChecksum);
  }, 60_000);

  it('sends what it hashes: canonical JSON sorts keys and writes values as JSON.stringify does', () => {
    const value = { b: [1, undefined, 'x'], a: new Date(0), c: undefined, d: { z: null, y: 'é"' } };
    expect(canonicalJson(value)).toBe(JSON.stringify({ a: new Date(0), b: [1, null, 'x'], d: { y: 'é"', z: null } }));
  });
});
