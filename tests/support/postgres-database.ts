// A fresh, empty database on the run's embedded PostgreSQL (tests/support/postgres-server.ts)
// for one test file or one test, so files running side by side never share tables.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export async function freshDatabaseUrl(): Promise<string> {
  const admin = new URL(inject('postgresAdminUrl'));
  const name = `ringkas_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${name}`;
  return admin.toString();
}
