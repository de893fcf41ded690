// The migration runner against a real PostgreSQL: files applied in order once,
// instances starting together migrating once, a newer schema refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseSchemaError } from '../../../src/store/postgres/database-errors.js';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../../../src/store/postgres/migrate.js';
import { freshDatabaseUrl } from '../../support/postgres-database.js';
import { PROJECT_ROOT } from '../../support/temp-engine.js';

const pools: pg.Pool[] = [];
async function freshPool(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: await freshDatabaseUrl(), max: 4 });
  pools.push(pool);
  return pool;
}
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-migrations-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

describe('PostgreSQL migrations', () => {
  it('applies every NNN-name.sql in number order, each once, and records the version', async () => {
    const pool = await freshPool();
    const dir = migrationsDir({
      '002-second.sql': 'INSERT INTO steps VALUES (2);',
      '001-first.sql': 'CREATE TABLE steps (n int);',
      '010-tenth.sql': 'INSERT INTO steps VALUES (10);',
      'notes.txt': 'not a migration',
    });
    expect(await migrate(pool, readMigrations(dir))).toEqual({ version: 10, applied: [1, 2, 10] });
    expect(await migrate(pool, readMigrations(dir))).toEqual({ version: 10, applied: [] });
    const { rows } = await pool.query<{ n: number }>('SELECT n FROM steps ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([2, 10]);
    const versions = await pool.query<{ version: number; name: string }>('SELECT version, name FROM schema_version ORDER BY version');
    expect(versions.rows).toEqual([{ version: 1, name: 'first' }, { version: 2, name: 'second' }, { version: 10, name: 'tenth' }]);
  });

  it('several instances starting at once migrate once', async () => {
    const url = await freshDatabaseUrl();
    const instances = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: url, max: 2 }));
    pools.push(...instances);
    // Not idempotent on purpose: a second run of 001 would fail on the existing table.
    const dir = migrationsDir({ '001-once.sql': 'CREATE TABLE once (n int); INSERT INTO once VALUES (1);' });
    const results = await Promise.all(instances.map((p) => migrate(p, readMigrations(dir))));
    expect(results.flatMap((r) => r.applied)).toEqual([1]);
    expect((await instances[0]!.query('SELECT count(*)::int AS n FROM once')).rows[0]).toEqual({ n: 1 });
  });

  it('a failed migration is rolled back whole and named', async () => {
    const pool = await freshPool();
    const dir = migrationsDir({ '001-good.sql': 'CREATE TABLE good (n int);', '002-bad.sql': 'CREATE TABLE half (n int); SELECT no_such_function();' });
    await expect(migrate(pool, readMigrations(dir))).rejects.toThrow(/002-bad failed/);
    const tables = await pool.query<{ t: string | null }>("SELECT to_regclass('half')::text AS t");
    expect(tables.rows[0]!.t).toBeNull();
    expect((await pool.query('SELECT max(version)::int AS v FROM schema_version')).rows[0]).toEqual({ v: 1 });
  });

  it('refuses a database whose schema is newer than the code knows', async () => {
    const pool = await freshPool();
    await migrate(pool);
    await pool.query("INSERT INTO schema_version (version, name) VALUES (999, 'from-the-future')");
    const refused = migrate(pool);
    await expect(refused).rejects.toBeInstanceOf(DatabaseSchemaError);
    await expect(refused).rejects.toThrow(/version 999, newer than this Ringkas knows/);
  });

  it('the shipped migrations apply to an empty database', async () => {
    const pool = await freshPool();
    const shipped = readMigrations();
    expect(shipped[0]).toMatchObject({ version: 1, name: 'store' });
    const result = await migrate(pool);
    expect(result.version).toBe(shipped.at(-1)!.version);
    const tables = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('articles', 'subscriptions', 'store_meta', 'audit_log', 'feeds')");
    expect(tables.rows[0]!.n).toBe(5);
  });

  it('the Docker image carries the SQL files beside the compiled runner (tsc copies none)', () => {
    const dockerfile = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const runner = path.relative(PROJECT_ROOT, MIGRATIONS_DIR);
    expect(runtime).toContain(`COPY ${runner} ./dist/${runner}`);
  });
});
