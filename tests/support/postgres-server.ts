// Vitest global setup: one embedded PostgreSQL per test run (scripts/embedded-postgres.ts,
// which the scale bench starts too). Test files get a database of their own through
// tests/support/postgres-database.ts.
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser connection URL to the run's server (its `postgres` database). */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startEmbeddedPostgres();
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.stop();
}
