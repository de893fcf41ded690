// A fresh, empty database on the run's embedded PostgreSQL (tests/support/postgres-server.ts)
// for one test file or one test, so files running side by side never share tables.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase } from '../../scripts/embedded-postgres.js';

export function freshDatabaseUrl(): Promise<string> {
  return createDatabase(inject('postgresAdminUrl'), `ringkas_test_${randomBytes(6).toString('hex')}`);
}

/** A copy of the database at `from` on the same server (nobody may be connected to it). */
export function copyOfDatabase(from: string): Promise<string> {
  return createDatabase(inject('postgresAdminUrl'), `ringkas_test_${randomBytes(6).toString('hex')}`, new URL(from).pathname.slice(1));
}

/** One statement (or several, without parameters) on `url`, on a connection of its own. */
export async function sqlOn<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return (await pool.query<T>(text, values)).rows;
  } finally {
    await pool.end();
  }
}
