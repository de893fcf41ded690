// Ingest rate on a stored corpus (`npm run bench ingest-store`, opt-in): the
// scale bench's cached lowdb store of each size (RINGKAS_BENCH_INGEST_SIZES,
// default 10000) is copied, opened once so its derived-data snapshot is written,
// then opened again in a fresh process that times 500 concurrent-batch adds
// (ingest-store-instance.ts). Faster to repeat than the scale bench when only
// ingest changed; figures only, compare runs back to back (docs/decisions/022).
// RINGKAS_INGEST_WORKERS is passed on (unset: the engine's default).
// RINGKAS_BENCH_INGEST_STORES=lowdb,postgres measures PostgreSQL too (the scale
// bench's embedded server and corpus copy; its first open writes the derived
// rows and snapshot, as lowdb's writes its snapshot), with the statements sent
// per add and the server's CPU per add (decision 036).
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { IngestStoreFigures, IngestStoreOptions } from './ingest-store-instance.js';
import { lowdbStore } from './scale-corpus.js';
import { postgresVariant } from './scale-postgres.js';
import { NODE_FLAGS } from '../../adapters/node-flags.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.RINGKAS_BENCH_INGEST_SIZES ?? '10000').split(',').map(Number);
const STORES = (process.env.RINGKAS_BENCH_INGEST_STORES ?? 'lowdb').split(',');
const ADDS = 500;

async function instance(options: IngestStoreOptions): Promise<IngestStoreFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, [...NODE_FLAGS, '--import', 'tsx', path.join(here, 'ingest-store-instance.ts'), JSON.stringify(options)], {
    maxBuffer: 16 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as IngestStoreFigures;
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

function report(store: string, n: number, f: IngestStoreFigures, warm: IngestStoreFigures): string {
  const line = `${store} @${n.toLocaleString('en')}: ${f.perSecond.toFixed(1)} articles/s over ${f.added} adds (batches of 50), CPU ${ms(f.cpuMsPerAdd)} per add (main thread ${f.mainCpuMsPerAdd === null ? '?' : ms(f.mainCpuMsPerAdd)}), GC pauses ${ms(f.gcPauseMsPerAdd)} per add, heap ${f.heapMB.toFixed(0)} MB; open ${ms(f.openMs)}, first add ${ms(f.firstAddMs)} (first open ${ms(warm.openMs)}); load ${f.load}`;
  if (!f.queriesPerAdd) return line;
  const statements = Object.entries(f.queriesPerAdd)
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([kind, q]) => `${kind} ${q.count.toFixed(2)} (${ms(q.waitMs)} each)`)
    .join(', ');
  return `${line}\n    per add: server CPU ${f.serverCpuMsPerAdd == null ? '?' : ms(f.serverCpuMsPerAdd)}; statements ${statements}`;
}

async function lowdb(n: number, print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ringkas-ingest-store-'));
  try {
    cpSync(await lowdbStore(n, print), dir, { recursive: true });
    // The first open reads every article's text and writes the snapshot at close: not what is measured.
    const warm = await instance({ env: { RINGKAS_DATA_DIR: dir }, adds: 0, from: 8_000_000 });
    print(report('lowdb', n, await instance({ env: { RINGKAS_DATA_DIR: dir }, adds: ADDS, from: 9_000_000 }), warm));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(variant: ReturnType<typeof postgresVariant>, n: number, print: (line: string) => void): Promise<void> {
  const store = await variant.prepare(n, print);
  try {
    // As for lowdb: the first open reads the texts and writes the derived rows and snapshot (at close).
    const warm = await instance({ env: store.env, adds: 0, from: 8_000_000 });
    print(report('postgres', n, await instance({ env: store.env, adds: ADDS, from: 9_000_000 }), warm));
  } finally {
    await store.dispose();
  }
}

export default async function ingestStoreBench(print: (line: string) => void): Promise<void> {
  const variant = postgresVariant();
  try {
    for (const n of SIZES) {
      for (const store of STORES) {
        if (store === 'postgres') await postgres(variant, n, print);
        else await lowdb(n, print);
      }
    }
  } finally {
    await variant.close?.();
  }
}
