// `npm run migrate-store -- --to postgres` as users run it (tsx, env variables), into
// the run's embedded PostgreSQL: a full copy verified table by table, a second run
// that copies nothing, and a database whose content differs reported as a mismatch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingStore } from '../../../src/store/briefing-store.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { Store } from '../../../src/store/store.js';
import { article } from '../../roundup/memory-roundup-store.js';
import { freshDatabaseUrl } from '../../support/postgres-database.js';
import { runScript, type ScriptResult } from '../../support/run-script.js';
import { feed, subscription } from '../store-contract.js';

let dataDir: string;
let url: string;

function migrateStore(...args: string[]): Promise<ScriptResult> {
  return runScript('scripts/migrate-store.ts', args, { RINGKAS_DATA_DIR: dataDir, RINGKAS_DATABASE_URL: url });
}

/** The report's row for a table: [in lowdb, copied, matching, check]. */
function row(stdout: string, table: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`${table} `));
  if (!line) throw new Error(`no ${table} row in:\n${stdout}`);
  return line.trim().split(/\s+/).slice(1, 5);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ringkas-migrate-store-'));
  url = await freshDatabaseUrl();
  const store = await Store.open(dataDir);
  for (let i = 0; i < 30; i++) {
    await store.addArticle(article({ id: `art${i}`, fingerprint: `fp-${i}`, canonicalUrl: i % 2 ? `https://news.example/${i}` : null, addedAt: `2026-11-01T00:${String(i).padStart(2, '0')}:00.000Z` }));
  }
  await store.putSubscription(subscription('s1'));
  await store.putSubscription(subscription('s2', { paused: { reason: 'channel gone', at: '2026-11-03T00:00:00.000Z' } }));
  for (const detail of ['art1', 'art2', 'art1']) {
    await store.recordAudit({ at: '2026-11-02T00:00:00.000Z', platform: 'shell', actor: 'admin', command: 'remove', detail, outcome: 'ok' });
  }
  // Two identical entries: both are kept, and counted once each on a second run.
  await store.recordAudit({ at: '2026-11-02T00:00:00.000Z', platform: 'shell', actor: 'admin', command: 'remove', detail: 'art1', outcome: 'ok' });
  const feeds = await store.feeds();
  await feeds.put({ ...feed('f1', 'https://news.example/rss'), seen: ['a', 'b'], retries: { c: 1 } });
  await store.markSeedingStarted(new Date('2026-11-01T00:00:00.000Z'));
  await store.markSeeded(new Date('2026-11-01T00:00:05.000Z'));
  await store.close();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run migrate-store -- --to postgres', () => {
  it('copies every table, verifies it, and a second run copies nothing', async () => {
    const first = await migrateStore('--', '--to', 'postgres');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain(new URL(url).password);
    expect(row(first.stdout, 'articles')).toEqual(['30', '30', '30', 'ok']);
    expect(row(first.stdout, 'subscriptions')).toEqual(['2', '2', '2', 'ok']);
    expect(row(first.stdout, 'audit')).toEqual(['4', '4', '4', 'ok']);
    expect(row(first.stdout, 'feeds')).toEqual(['1', '1', '1', 'ok']);
    expect(row(first.stdout, 'seeding')).toEqual(['1', '1', '1', 'ok']);
    expect(first.stdout).toMatch(/All 5 tables match\./);

    const second = await migrateStore('--to', 'postgres');
    expect(second.code).toBe(0);
    for (const table of ['articles', 'subscriptions', 'audit', 'feeds', 'seeding']) expect(row(second.stdout, table)[1]).toBe('0');
    expect(second.stdout).toMatch(/All 5 tables match\./);

    // What a PostgreSQL instance then opens is what the lowdb store held.
    const lowdb = await Store.open(dataDir);
    const copy = await PostgresStore.open(url);
    try {
      const byId = (s: BriefingStore) => [...s.listArticles()].map((a) => ({ ...a, keyFigures: s.readKeyFigures(a.id), body: s.readBody(a.id) })).sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(copy)).toEqual(byId(lowdb));
      expect(copy.listSubscriptions()).toEqual(lowdb.listSubscriptions());
      expect(copy.listAudit()).toEqual(lowdb.listAudit());
      expect((await copy.feeds()).list()).toEqual((await lowdb.feeds()).list());
      expect([copy.seeding, copy.seededAt]).toEqual(['done', '2026-11-01T00:00:05.000Z']);
    } finally {
      await copy.close();
      await lowdb.close();
    }
  }, 60_000);

  it('reports a table whose rows the database holds with other content, and exits 1', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`UPDATE articles SET record = jsonb_set(record::jsonb, '{title}', '"Edited elsewhere"')::json WHERE id = 'art3'`);
    await client.end();
    const again = await migrateStore('--to', 'postgres');
    expect(again.code).toBe(1);
    expect(row(again.stdout, 'articles')).toEqual(['30', '0', '29', 'MISMATCH']);
    expect(again.stdout).toMatch(/Mismatch in articles/);
  }, 60_000);

  it('refuses to run without --to postgres', async () => {
    const wrong = await migrateStore('--to', 'mysql');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Usage: npm run migrate-store -- --to postgres/);
  });
});
