// The scale bench's PostgreSQL variant: one embedded PostgreSQL for the whole run
// (scripts/embedded-postgres.ts, as the tests start it). For each size the corpus
// records are copied once into a template database by migrate-store's copy (one
// transaction, verified by count and checksum), then each measurement gets a fresh
// copy of it (CREATE DATABASE … TEMPLATE, a file copy). Nothing is cached across
// runs: the load is a few seconds at 10,000 and under a minute at 100,000.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { copyIntoPostgres } from '../../src/store/postgres/copy-from-lowdb.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { createDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../embedded-postgres.js';
import { readRecords } from './scale-corpus.js';
import { CORPUS_NOW } from './scale-corpus-version.js';
import type { PreparedStore, StoreVariant } from './scale-store-variant.js';
import { ms } from './stats.js';

export async function withPool<T>(url: string, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection dropped meanwhile (the server stopping, a database dropped) must not end the bench.
  pool.on('error', () => undefined);
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** Loads the first `n` corpus articles into a new database `name`, verified; throws on any mismatch. */
export async function loadTemplate(adminUrl: string, name: string, n: number, log: (line: string) => void): Promise<void> {
  const url = await createDatabase(adminUrl, name);
  const t0 = performance.now();
  const reports = await withPool(url, async (pool) => {
    await migrate(pool);
    const at = CORPUS_NOW.toISOString();
    return copyIntoPostgres({ articles: readRecords(n, log), subscriptions: [], audit: [], feeds: [], seeding: 'done', seededAt: at }, pool);
  });
  const bad = reports.filter((r) => !r.ok);
  if (bad.length > 0) throw new Error(`the PostgreSQL copy of the corpus does not match in ${bad.map((r) => r.table).join(', ')}`);
  const articles = reports.find((r) => r.table === 'articles');
  const seconds = (performance.now() - t0) / 1000;
  log(`  postgres: ${articles?.copied.toLocaleString('en')} articles loaded and verified in ${ms(seconds * 1000)} (${((articles?.copied ?? 0) / seconds).toFixed(0)}/s)`);
}

export function postgresVariant(): StoreVariant {
  let server: Promise<EmbeddedServer> | null = null;
  const loaded = new Set<number>();
  let copies = 0;
  return {
    name: 'postgres',
    async prepare(n, log): Promise<PreparedStore> {
      server ??= startEmbeddedPostgres();
      const { adminUrl } = await server;
      const template = `ringkas_scale_${n}`;
      if (!loaded.has(n)) {
        await loadTemplate(adminUrl, template, n, log);
        loaded.add(n);
      }
      const name = `${template}_copy${++copies}`;
      const url = await createDatabase(adminUrl, name, template);
      // Nothing should land in the data folder with a database URL set; a folder of its own makes sure.
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ringkas-scale-pg-'));
      return {
        env: { RINGKAS_DATABASE_URL: url, RINGKAS_DATA_DIR: dataDir },
        diskBytes: () => withPool(url, async (pool) => Number((await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')).rows[0]!.bytes)),
        async dispose() {
          rmSync(dataDir, { recursive: true, force: true });
          await withPool(adminUrl, (pool) => pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        },
      };
    },
    async close() {
      const started = server;
      server = null;
      await (await started)?.stop();
    },
  };
}
