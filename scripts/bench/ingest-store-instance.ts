// One engine on a copied store, in its own process: opens it, makes one add
// (which waits for the background builds), then times `adds` text adds of
// synthetic articles in batches of 50 concurrent, as the scale bench does.
// Prints one JSON line: rate, CPU per add (all threads), GC pauses, heap; on
// PostgreSQL also the statements per add and the server's CPU per add.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import type { CommandContext } from '../../src/model/actor.js';
import { countQueries, serverCpuMs, type QueryCounts } from './postgres-counters.js';
import { generateArticle } from './synthetic-corpus.js';

export interface IngestStoreOptions {
  /** Points the engine at the copied store (RINGKAS_DATA_DIR, and RINGKAS_DATABASE_URL for PostgreSQL). */
  env: Record<string, string>;
  adds: number;
  /** Synthetic article numbers to add from (beyond the corpus, and apart from other runs on this store). */
  from: number;
  /** Writes a CPU profile of the timed adds (not the open) to this file. */
  cpuProfile?: string;
}

export interface IngestStoreFigures {
  openMs: number;
  firstAddMs: number;
  added: number;
  perSecond: number;
  cpuMsPerAdd: number;
  /** The main thread's share of it (Linux: /proc), null elsewhere: what bounds the rate once workers derive. */
  mainCpuMsPerAdd: number | null;
  /** Threads started during the timed adds (the derive pool's worker), null where /proc is not there. */
  newThreadsCpuMsPerAdd: number | null;
  /** The other threads that were there before (V8's GC and compiler threads, libuv's pool). */
  otherThreadsCpuMsPerAdd: number | null;
  gcPauseMsPerAdd: number;
  heapMB: number;
  load: string;
  /** PostgreSQL only: the statements the timed adds sent (per add by kind), and the server's CPU per add. */
  queriesPerAdd?: Record<string, { count: number; waitMs: number }>;
  serverCpuMsPerAdd?: number | null;
}

const BATCH = 50;

function queriesPerAdd(counts: QueryCounts, adds: number): Record<string, { count: number; waitMs: number }> {
  const n = Math.max(1, adds);
  return Object.fromEntries(Object.entries(counts.byKind).map(([kind, c]) => [kind, { count: c.count / n, waitMs: c.waitMs / Math.max(1, c.count) }]));
}

/** CPU ms a thread of this process has used (Linux), null where /proc is not there. */
function threadCpuMs(tid: number | string): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100) ticks
  } catch {
    return null;
  }
}
const mainThreadCpuMs = () => threadCpuMs(process.pid);

/** CPU ms of every thread of this process by thread id (Linux), empty where /proc is not there. */
function threadsCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const ms = threadCpuMs(tid);
      if (ms !== null) out.set(tid, ms);
    }
  } catch {
    // not Linux
  }
  return out;
}
const options = JSON.parse(process.argv[2] ?? '') as IngestStoreOptions;
const admin: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: true } };
const databaseUrl = options.env.RINGKAS_DATABASE_URL;
const queries = databaseUrl ? countQueries() : null;
const t0 = performance.now();
const engine = await Engine.open({ config: loadConfig({ env: { RINGKAS_SEED_ON_EMPTY: 'false', ...options.env, RINGKAS_INGEST_WORKERS: process.env.RINGKAS_INGEST_WORKERS ?? '' }, envFile: null }) });
const openMs = performance.now() - t0;
const add = (i: number) => engine.execute({ name: 'add', input: { kind: 'text', text: generateArticle(options.from + i).text } }, admin);
const a0 = performance.now();
await add(0);
const firstAddMs = performance.now() - a0;
let gcMs = 0;
const gc = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gc.observe({ entryTypes: ['gc'] });
const session = options.cpuProfile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
queries?.take();
const server0 = databaseUrl ? serverCpuMs(databaseUrl) : null;
const cpu0 = process.cpuUsage();
const main0 = mainThreadCpuMs();
const threads0 = threadsCpuMs();
const i0 = performance.now();
for (let i = 1; i <= options.adds; i += BATCH) {
  await Promise.all(Array.from({ length: Math.min(BATCH, options.adds + 1 - i) }, (_, k) => add(i + k)));
}
const wall = performance.now() - i0;
const cpu = process.cpuUsage(cpu0);
const main1 = mainThreadCpuMs();
const threads1 = threadsCpuMs();
let newThreads = 0;
let otherThreads = 0;
for (const [tid, ms] of threads1) {
  if (tid === String(process.pid)) continue;
  const before = threads0.get(tid);
  if (before === undefined) newThreads += ms;
  else otherThreads += ms - before;
}
const perAdd = (ms: number) => ms / Math.max(1, options.adds);
const byThread = threads1.size > 0;
const server1 = databaseUrl ? serverCpuMs(databaseUrl) : null;
const counted = queries?.take();
gc.disconnect();
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(options.cpuProfile!, JSON.stringify(profile));
  session.disconnect();
}
const figures: IngestStoreFigures = {
  openMs,
  firstAddMs,
  added: options.adds,
  perSecond: options.adds / (wall / 1000),
  cpuMsPerAdd: (cpu.user + cpu.system) / 1000 / Math.max(1, options.adds),
  mainCpuMsPerAdd: main0 === null || main1 === null ? null : perAdd(main1 - main0),
  newThreadsCpuMsPerAdd: byThread ? perAdd(newThreads) : null,
  otherThreadsCpuMsPerAdd: byThread ? perAdd(otherThreads) : null,
  gcPauseMsPerAdd: gcMs / Math.max(1, options.adds),
  heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  load: os.loadavg().map((l) => l.toFixed(2)).join('/'),
  ...(counted && { queriesPerAdd: queriesPerAdd(counted, options.adds), serverCpuMsPerAdd: server0 === null || server1 === null ? null : perAdd(server1 - server0) }),
};
await engine.close();
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
