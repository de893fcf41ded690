// A fresh, empty database on the run's embedded PostgreSQL (tests/support/postgres-server.ts)
// for one test file or one test, so files running side by side never share tables.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase } from '../../scripts/embedded-postgres.js';

export function freshDatabaseUrl(): Promise<string> {
  return createDatabase(inject('postgresAdminUrl'), `ringkas_test_${randomBytes(6).toString('hex')}`);
}
