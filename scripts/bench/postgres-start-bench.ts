// npm run bench postgres-start: how a PostgreSQL instance starts at 10,000 and
// 100,000 articles, phase by phase (row fetch, JSON decode, derived data: read from
// the shared rows or from the text, index load), with resident memory. The corpus is
// loaded once per size into a template database by migrate-store's verified copy
// (scale-postgres.ts); each size then gets a fresh copy, opened twice in child
// processes: a first start (no shared derived rows yet: every article is read from
// its text, and the rows are written) and a restart (from the rows).
// RINGKAS_BENCH_PG_START_SIZES=10000,100000 (default 10000);
// RINGKAS_BENCH_PG_ADMIN_URL=postgres://… reuses a running server and its loaded
// templates (ringkas_pgstart_<n>) across runs instead of starting an embedded one.
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../embedded-postgres.js';
import type { StartFigures } from './postgres-start-instance.js';
import { loadTemplate, withPool } from './scale-postgres.js';
import { NODE_FLAGS } from '../../adapters/node-flags.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = (process.env.RINGKAS_BENCH_PG_START_SIZES || '10000').split(',').map(Number);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join('/');

async function instance(url: string): Promise<StartFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, [...NODE_FLAGS, '--expose-gc', '--import', 'tsx', path.join(here, 'postgres-start-instance.ts'), url], {
    maxBuffer: 1 << 24,
    timeout: 30 * 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as StartFigures;
}

function line(label: string, f: StartFigures): string {
  const p = f.phases;
  const phases = Object.entries(p)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`)
    .join(', ');
  return `  ${label}: ready ${(f.coldMs / 1000).toFixed(2)} s (${phases} s); rss ${f.baseRssMB.toFixed(0)} -> ${f.openRssMB.toFixed(0)} MB (peak ${f.peakRssMB.toFixed(0)}); look-up p50/p95 ${f.lookupMedianMs.toFixed(1)}/${f.lookupP95Ms.toFixed(1)} ms; read from text ${f.fromText}, derived rows written ${f.rowsWritten} in ${(f.rowsWrittenMs / 1000).toFixed(1)} s; load ${f.load}`;
}

async function templateExists(adminUrl: string, name: string): Promise<boolean> {
  return withPool(adminUrl, async (pool) => (await pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export default async function run(print: (line: string) => void): Promise<void> {
  const given = process.env.RINGKAS_BENCH_PG_ADMIN_URL || null;
  let server: EmbeddedServer | null = null;
  const adminUrl = given ?? (server = await startEmbeddedPostgres()).adminUrl;
  try {
    for (const n of sizes) {
      const template = `ringkas_pgstart_${n}`;
      if (!(await templateExists(adminUrl, template))) await loadTemplate(adminUrl, template, n, print);
      const name = `${template}_${process.pid}`;
      const url = await createDatabase(adminUrl, name, template);
      try {
        print(`${n.toLocaleString('en')} articles (load ${load()})`);
        print(line('first start', await instance(url)));
        print(line('restart', await instance(url)));
      } finally {
        await withPool(adminUrl, (pool) => pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      }
    }
  } finally {
    await server?.stop();
  }
}
