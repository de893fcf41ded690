// Schema migrations for the PostgreSQL store: plain SQL files named NNN-name.sql in
// ./migrations, applied in number order, each in its own transaction together with
// its row in schema_version. A session advisory lock makes instances that start at
// once take turns, so each migration runs once. A database whose schema is newer
// than the newest file here is refused (as the lowdb store refuses a newer file).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type pg from 'pg';
import { DatabaseSchemaError } from './database-errors.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Any fixed number, the same for every Ringkas: it names "the Ringkas migration lock". */
const MIGRATION_LOCK_KEY = 0x52_69_6e_67; // "Ring"

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{3})-([a-z0-9][a-z0-9-]*)\.sql$/;

/** Every NNN-name.sql in `dir`, in number order; two files with one number are refused. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2]!, sql: readFileSync(path.join(dir, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`Two migrations are numbered ${migrations[i]!.version} in ${dir}: renumber one.`);
    }
  }
  return migrations;
}

export interface MigrationResult {
  /** The schema version the database is at now. */
  version: number;
  /** Versions applied by this call (empty when another instance had done it, or nothing was new). */
  applied: number[];
}

/** Brings the database up to the newest migration; refuses a database that is ahead of this code. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = readMigrations()): Promise<MigrationResult> {
  const known = migrations.at(-1)?.version ?? 0;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
      const current = rows[0]?.version ?? 0;
      if (current > known) {
        throw new DatabaseSchemaError(`The database's schema is version ${current}, newer than this Ringkas knows (${known}); upgrade Ringkas.`);
      }
      const applied: number[] = [];
      for (const m of migrations.filter((m) => m.version > current)) {
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw new DatabaseSchemaError(`Migration ${String(m.version).padStart(3, '0')}-${m.name} failed and was rolled back: ${(e as Error).message}`, { cause: e });
        }
        applied.push(m.version);
      }
      return { version: Math.max(current, ...applied), applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
