// Child process of the postgres-start bench: opens one engine on the database given,
// reports time to ready split into the phases the store and the derived indexes log,
// resident memory (after open, and the peak), look-up latency over the query mix, and
// how long writing the shared derived rows took after open. Prints one JSON line.
import os from 'node:os';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import type { CommandContext } from '../../src/model/actor.js';
import { QUERIES } from './query-mix.js';
import { percentile } from './stats.js';

export interface StartFigures {
  articles: number;
  coldMs: number;
  /** Phase -> ms, from the store's and the derived indexes' log lines. */
  phases: Record<string, number>;
  baseRssMB: number;
  openRssMB: number;
  peakRssMB: number;
  lookupMedianMs: number;
  lookupP95Ms: number;
  fromText: number;
  rowsWritten: number;
  rowsWrittenMs: number;
  load: string;
}

/** Log events whose `…Ms` fields are phases of the start. */
const PHASE_EVENTS: Record<string, string> = { postgres_articles_loaded: 'store', postgres_bodies_loaded: 'bodies', derived_rows_read: 'rows', derived_snapshot_read: 'snapshot', derived_indexes_built: 'derived' };
const ROWS_EVENT = 'derived_rows_written';
/** How long to wait for the shared derived rows of a first start to be written (the story build runs first). */
const ROWS_WAIT_MS = 20 * 60_000;

const MB = 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const rss = () => {
  gc();
  return process.memoryUsage().rss / MB;
};

const url = process.argv[2];
if (!url) throw new Error('usage: postgres-start-instance.ts <database url>');
const phases: Record<string, number> = {};
let rowsWritten = 0;
/** Articles read from their text at start: their rows are written after open. */
let fromText = 0;
let rowsDone: (() => void) | null = null;
const rowsFinished = new Promise<void>((resolve) => (rowsDone = resolve));
const sink = new Writable({
  write(chunk: Buffer, _enc, next) {
    for (const text of chunk.toString('utf8').split('\n')) {
      if (!text) continue;
      const line = JSON.parse(text) as Record<string, unknown> & { event?: string };
      const prefix = line.event ? PHASE_EVENTS[line.event] : undefined;
      if (prefix) for (const [k, v] of Object.entries(line)) if (k.endsWith('Ms') && typeof v === 'number') phases[`${prefix}.${k.slice(0, -2)}`] = v;
      if (line.event === 'derived_indexes_built') fromText = Number(line.fromText ?? 0);
      if (line.event === ROWS_EVENT) {
        rowsWritten += Number(line.rows ?? 0);
        if (line.pending === 0) rowsDone?.();
      }
      if ((typeof line.level === 'number' && line.level >= 40) || process.env.RINGKAS_BENCH_PG_START_LOG) process.stderr.write(`${text}\n`);
    }
    next();
  },
});
const logger = createLogger({ destination: sink });

const baseRssMB = rss();
const t0 = performance.now();
const engine = await Engine.open({ config: loadConfig({ env: { RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_DATABASE_URL: url }, envFile: null }), logger });
const coldMs = performance.now() - t0;
const openRssMB = rss();
const user: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: false } };
const times: number[] = [];
for (let r = 0; r < 3; r++) {
  for (const query of QUERIES) {
    engine.probe().clearAnswerCache();
    const t = performance.now();
    await engine.execute({ name: 'brief', query }, user);
    if (r > 0) times.push(performance.now() - t);
  }
}
const w0 = performance.now();
const waited = await Promise.race([rowsFinished.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), fromText === 0 || process.env.RINGKAS_BENCH_PG_START_NO_ROWS ? 0 : ROWS_WAIT_MS).unref())]);
const rowsWrittenMs = waited ? performance.now() - w0 : 0;
const figures: StartFigures = {
  articles: engine.probe().articleCount(),
  coldMs,
  phases,
  baseRssMB,
  openRssMB,
  peakRssMB: process.resourceUsage().maxRSS / 1024,
  lookupMedianMs: percentile(times, 50),
  lookupP95Ms: percentile(times, 95),
  fromText,
  rowsWritten,
  rowsWrittenMs,
  load: os.loadavg().map((l) => l.toFixed(1)).join('/'),
};
await engine.close();
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
