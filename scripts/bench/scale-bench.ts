// npm run bench scale: the engine at 10,000 and 100,000 articles, per store
// variant (lowdb, and PostgreSQL on an embedded server), with MiniSearch on the same
// corpus as the reference, so the figures read as ratios on a noisy machine.
// Each instance runs in a child process: cold start, look-up median/p95 over
// the query mix (uncached), resident memory after open and after the look-ups,
// ingest rate; then the data's size on disk. Corpora are built once and cached
// (scale-corpus.ts); the first run at 100,000 takes a while.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { corpusRecords, lowdbStore } from './scale-corpus.js';
import type { InstanceFigures, InstanceOptions } from './scale-instance.js';
import type { MiniSearchFigures } from './scale-minisearch.js';
import { postgresVariant } from './scale-postgres.js';
import type { StoreVariant } from './scale-store-variant.js';
import { breakdownLine } from './memory-breakdown.js';
import { windowLine } from './scale-window.js';
import { ms } from './stats.js';
import { NODE_FLAGS } from '../../adapters/node-flags.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.RINGKAS_BENCH_SCALE_SIZES ?? '10000,100000').split(',').map(Number);
const INGEST = 500;
/** RINGKAS_BENCH_SCALE_REFERENCE=off skips MiniSearch (minutes at 100,000) when re-measuring one store. */
const REFERENCE = process.env.RINGKAS_BENCH_SCALE_REFERENCE !== 'off';
/** Ingest stops after this long per instance, so a slow store still finishes the bench. */
const INGEST_SECONDS = Number(process.env.RINGKAS_BENCH_SCALE_INGEST_SECONDS ?? 60);
/** RINGKAS_BENCH_SCALE_MEMORY=detail prints what the restart's rss is made of at each reading (and two readings after the figure's). */
const MEMORY_DETAIL = process.env.RINGKAS_BENCH_SCALE_MEMORY === 'detail';
/** RINGKAS_BENCH_SCALE_WINDOW=detail prints what ran during each instance's timed adds (scale-window.ts); RINGKAS_BENCH_SCALE_PROFILE=<folder> also writes a CPU profile of them there. */
const WINDOW_DETAIL = process.env.RINGKAS_BENCH_SCALE_WINDOW === 'detail';
const PROFILE_DIR = process.env.RINGKAS_BENCH_SCALE_PROFILE;

function folderBytes(dir: string): number {
  let sum = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    sum += e.isDirectory() ? folderBytes(p) : statSync(p).size;
  }
  return sum;
}

const lowdb: StoreVariant = {
  name: 'lowdb',
  async prepare(n, log) {
    const source = await lowdbStore(n, log);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ringkas-scale-'));
    cpSync(source, dir, { recursive: true });
    return { env: { RINGKAS_DATA_DIR: dir }, diskBytes: async () => folderBytes(dir), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

/** RINGKAS_BENCH_SCALE_STORES=lowdb (or postgres) measures one. */
const STORES: readonly StoreVariant[] = [lowdb, postgresVariant()].filter((s) => (process.env.RINGKAS_BENCH_SCALE_STORES ?? 'lowdb,postgres').split(',').includes(s.name));

/** Runs a bench child; `flags` are the node flags of a Ringkas process (an instance) or none (the reference). */
async function child<T>(script: string, args: string[], flags: readonly string[] = []): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, [...flags, '--expose-gc', '--import', 'tsx', path.join(here, script), ...args], {
    maxBuffer: 16 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

/** `run` numbers the instances on one store, so each ingests articles new to it. */
function instance(env: Record<string, string>, run: number, settleSeconds: number, profileName: string): Promise<InstanceFigures> {
  const options: InstanceOptions = {
    env,
    lookupRounds: 10,
    ingest: INGEST,
    ingestSeconds: INGEST_SECONDS,
    ingestFrom: 1_000_000 + run * INGEST,
    settleSeconds,
    memoryDetail: MEMORY_DETAIL && run > 0,
    windowDetail: WINDOW_DETAIL,
    ...(PROFILE_DIR ? { cpuProfile: path.join(PROFILE_DIR, `${profileName}-${run === 0 ? 'first' : 'restart'}.cpuprofile`) } : {}),
  };
  return child<InstanceFigures>('scale-instance.ts', [JSON.stringify(options)], NODE_FLAGS);
}

const mb = (v: number) => `${v.toFixed(0)} MB`;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join('/');

async function measureSize(n: number, print: (line: string) => void): Promise<void> {
  const started = performance.now();
  await corpusRecords(n, print);
  print(`\n@${n.toLocaleString('en')} articles (load ${load()})`);
  const ref = REFERENCE ? await child<MiniSearchFigures>('scale-minisearch.ts', [String(n)]) : null;
  print(
    ref
      ? `  MiniSearch (reference): index ${ms(ref.indexMs)}, look-up median ${ms(ref.lookupMedianMs)}, p95 ${ms(ref.lookupP95Ms)}, rss ${mb(ref.rssMB)} (heap ${mb(ref.heapMB)}); JSON snapshot ${mb(ref.snapshotMB)}, save ${ms(ref.saveMs)}, load ${ms(ref.loadMs)}`
      : '  MiniSearch (reference): skipped (RINGKAS_BENCH_SCALE_REFERENCE=off)',
  );
  for (const variant of STORES) {
    const t0 = performance.now();
    const store = await variant.prepare(n, print);
    try {
      const prepared = performance.now() - t0;
      // First open of a store as written (nothing derived from it on disk yet), then a restart.
      const first = await instance(store.env, 0, 0, `${variant.name}-${n}`);
      const again = await instance(store.env, 1, 10, `${variant.name}-${n}`);
      const r = (x: number, y: number | undefined) => (y === undefined ? '-' : `${(x / y).toFixed(1)}x`);
      print(`  ${variant.name} (store prepared in ${ms(prepared)}):`);
      print(`    look-up: median ${ms(again.lookupMedianMs)}, p95 ${ms(again.lookupP95Ms)} right after the restart (${again.lookups} uncached; MiniSearch p95 ${r(again.lookupP95Ms, ref?.lookupP95Ms)}); first look-up ${ms(again.firstLookupMs)}; after first open: median ${ms(first.lookupMedianMs)}, p95 ${ms(first.lookupP95Ms)}`);
      print(`    look-up once settled (background work done): median ${ms(again.settledLookupMedianMs)}, p95 ${ms(again.settledLookupP95Ms)} (MiniSearch p95 ${r(again.settledLookupP95Ms, ref?.lookupP95Ms)})`);
      print(`    cold start: ${ms(again.coldMs)} (restart; ${r(again.coldMs, ref?.loadMs)} a MiniSearch snapshot load), first open of the store as written ${ms(first.coldMs)}`);
      print(
        `    rss: ${mb(again.openRssMB)} after open, ${mb(again.lookupRssMB)} after look-ups, ${mb(again.settledRssMB)} settled after ingest + 10 s idle (${mb(again.baseRssMB)} before opening); heap ${mb(again.heapMB)}`,
      );
      const rate = (f: InstanceFigures) =>
        f.firstAddMs === null
          ? `first add not done after ${INGEST_SECONDS} s`
          : `${f.ingestPerSecond === null ? '-' : f.ingestPerSecond.toFixed(0)} articles/s (${f.ingested} in batches of 50), first add ${ms(f.firstAddMs)}`;
      print(`    ingest: ${rate(again)} after the restart; ${rate(first)} after the first open; close ${ms(again.closeMs)} (budget ${INGEST_SECONDS} s each)`);
      print(`    disk: ${mb((await store.diskBytes()) / 2 ** 20)}`);
      for (const [reading, b] of Object.entries(again.memory ?? {})) print(`    memory ${reading}: ${breakdownLine(b)}`);
      for (const [when, f] of [['after the restart', again], ['after the first open', first]] as const) if (f.window) print(`    adds ${when}: ${windowLine(f.window, f.ingested)}`);
    } finally {
      await store.dispose();
    }
  }
  print(`  (@${n.toLocaleString('en')} measured in ${((performance.now() - started) / 1000).toFixed(0)} s; load now ${load()})`);
}

export default async function scaleBench(print: (line: string) => void): Promise<void> {
  print(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${(os.freemem() / 2 ** 30).toFixed(0)} GiB free, load ${load()}; stores: ${STORES.map((s) => s.name).join(', ')}`);
  try {
    for (const n of SIZES) await measureSize(n, print);
  } finally {
    for (const store of STORES) await store.close?.();
  }
}
