// Child process of the scale bench: one engine instance opened from scratch on
// a prepared store (the environment given points it there), reporting time to
// ready, look-up latency over the query mix (uncached), ingest rate and
// resident memory, free of the parent's garbage. Prints one JSON line.
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import type { CommandContext } from '../../src/model/actor.js';
import { memoryBreakdown, type MemoryBreakdown } from './memory-breakdown.js';
import { QUERIES } from './query-mix.js';
import { percentile } from './stats.js';
import { generateArticle } from './synthetic-corpus.js';
import { watchWindow, type WindowFigures } from './scale-window.js';

export interface InstanceOptions {
  env: Record<string, string>;
  lookupRounds: number;
  ingest: number;
  /** Stop ingesting after this long (a slow store still gives a rate); a first add slower than this is reported as such. */
  ingestSeconds: number;
  /** Synthetic article numbers to ingest from (beyond the corpus). */
  ingestFrom: number;
  /** Seconds to stay idle before the last memory reading (V8 returns load-time pages after a few idle seconds). */
  settleSeconds: number;
  /** Also report what the rss is made of at each reading, right after the adds, and at two later readings (memory-breakdown.ts). */
  memoryDetail?: boolean;
  /** Also report what ran during the timed adds: GC by kind, CPU per thread, event-loop use (scale-window.ts). */
  windowDetail?: boolean;
  /** Writes a CPU profile of the timed adds to this file. */
  cpuProfile?: string;
}

export interface InstanceFigures {
  articles: number;
  coldMs: number;
  firstLookupMs: number;
  lookupMedianMs: number;
  lookupP95Ms: number;
  lookups: number;
  /** The same look-ups again once the work an open leaves to the background (typo filing, story build) has had time to end. */
  settledLookupMedianMs: number;
  settledLookupP95Ms: number;
  /** MB: before opening (Node, tsx, modules), after opening, after the look-ups, after idling. */
  baseRssMB: number;
  openRssMB: number;
  lookupRssMB: number;
  settledRssMB: number;
  heapMB: number;
  /** Null when the first add did not finish within the ingest budget (then nothing else is measured). */
  firstAddMs: number | null;
  ingestPerSecond: number | null;
  ingested: number;
  closeMs: number;
  /** With `memoryDetail`: reading name -> breakdown, taken right after the figure it explains. */
  memory?: Record<string, MemoryBreakdown>;
  /** With `windowDetail`: what ran during the timed adds. */
  window?: WindowFigures;
}

const MB = 2 ** 20;
const user: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: false } };
const admin: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: true } };
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const rss = () => {
  gc();
  return process.memoryUsage().rss / MB;
};

const options = JSON.parse(process.argv[2] ?? '') as InstanceOptions;
const memory: Record<string, MemoryBreakdown> = {};
/** With `memoryDetail`, what the reading just taken is made of. */
const detail = (name: string) => {
  if (options.memoryDetail) memory[name] = memoryBreakdown();
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const baseRssMB = rss();
detail('before open');
const t0 = performance.now();
const engine = await Engine.open({ config: loadConfig({ env: { RINGKAS_SEED_ON_EMPTY: 'false', ...options.env }, envFile: null }) });
const coldMs = performance.now() - t0;
const openRssMB = rss();
detail('after open');
const articles = engine.probe().articleCount();

const q0 = performance.now();
await engine.execute({ name: 'brief', query: 'kendaraan listrik' }, user);
const firstLookupMs = performance.now() - q0;
async function lookups(): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < options.lookupRounds + 1; r++) {
    for (const query of QUERIES) {
      engine.probe().clearAnswerCache();
      const t = performance.now();
      await engine.execute({ name: 'brief', query }, user);
      if (r > 0) times.push(performance.now() - t); // round 0 warms the JIT
    }
  }
  return times;
}
const times = await lookups();
const lookupRssMB = rss();
detail('after look-ups');
// An instance serves most look-ups long after its start: one second per 5,000 articles, 3 s at least, covers the background work here.
await new Promise((resolve) => setTimeout(resolve, Math.max(3000, articles / 5)));
const settledTimes = await lookups();

const add = (i: number) => engine.execute({ name: 'add', input: { kind: 'text', text: generateArticle(options.ingestFrom + i).text } }, admin);
const budgetMs = options.ingestSeconds * 1000;
const a0 = performance.now();
const firstDone = await Promise.race([add(0).then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), budgetMs).unref())]);
const firstAddMs = firstDone ? performance.now() - a0 : null;
let ingested = 0;
const watch = options.windowDetail || options.cpuProfile ? await watchWindow(options.cpuProfile, options.env.RINGKAS_DATABASE_URL) : null;
const i0 = performance.now();
const batch = 50;
for (let i = 1; firstDone && i < options.ingest && performance.now() - i0 < budgetMs; i += batch) {
  const n = Math.min(batch, options.ingest - i);
  await Promise.all(Array.from({ length: n }, (_, k) => add(i + k)));
  ingested += n;
}
const ingestPerSecond = ingested > 0 ? ingested / ((performance.now() - i0) / 1000) : null;
const window = await watch?.stop(ingested);
detail('after adds (no GC)');
const c0 = performance.now();
if (firstDone) await engine.close();
const closeMs = performance.now() - c0;
detail('after close (no GC)');
await sleep(options.settleSeconds * 1000);
const settledRssMB = rss();
detail('settled (the figure)');
if (options.memoryDetail) {
  for (const more of [15, 30]) {
    await sleep(15_000);
    rss();
    detail(`settled + ${more} s`);
  }
}
const figures: InstanceFigures = {
  articles,
  coldMs,
  firstLookupMs,
  lookupMedianMs: percentile(times, 50),
  lookupP95Ms: percentile(times, 95),
  lookups: times.length,
  settledLookupMedianMs: percentile(settledTimes, 50),
  settledLookupP95Ms: percentile(settledTimes, 95),
  baseRssMB,
  openRssMB,
  lookupRssMB,
  settledRssMB,
  heapMB: process.memoryUsage().heapUsed / MB,
  firstAddMs,
  ingestPerSecond,
  ingested,
  closeMs,
  ...(options.memoryDetail ? { memory } : {}),
  ...(window ? { window } : {}),
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
