// Where an embedded (lowdb) start spends its time and memory, on a copy of a
// cached scale-bench store (scripts/bench/scale-corpus.ts builds them):
// `npx tsx scripts/bench/start-phases.ts 100000`. Each open runs in a child
// process of its own (clean memory figures): first without a derived-data
// snapshot (it adds one article, which waits for the story build, and closes,
// which writes the snapshot), then again with that snapshot. Prints the phases
// the engine logs (store read, snapshot read and check, search load, stories),
// the first look-up, look-up latency over the bench's query mix, resident memory and heap after open and after a few idle
// seconds, and the longest block of the event loop while closing (which
// writes the snapshot). Not a timed test: read it beside the load average it prints.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import type { CommandContext } from '../../src/model/actor.js';
import { QUERIES } from './query-mix.js';
import { percentile } from './stats.js';
import { generateArticle } from './synthetic-corpus.js';

const MB = 2 ** 20;
const SETTLE_MS = 5000;
const LOOKUP_ROUNDS = 10;
const CORPORA = '/tmp/ringkas-scale-corpus-v1';
const here = fileURLToPath(import.meta.url);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const load = () => os.loadavg().map((l) => l.toFixed(2)).join('/');

function memory(): Record<string, number> {
  gc();
  const m = process.memoryUsage();
  return { rssMB: Math.round(m.rss / MB), heapMB: Math.round(m.heapUsed / MB), externalMB: Math.round(m.external / MB), arrayBuffersMB: Math.round(m.arrayBuffers / MB) };
}

/** One open in this process: prints one JSON line of figures. */
async function child(dir: string, writeSnapshot: boolean): Promise<void> {
  const events: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) events.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination: sink });
  const before = memory();
  const t0 = performance.now();
  const engine = await Engine.open({ config: loadConfig({ env: { RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_DATA_DIR: dir }, envFile: null }), logger });
  const readyMs = performance.now() - t0;
  const user: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: false } };
  const q0 = performance.now();
  await engine.execute({ name: 'brief', query: 'kendaraan listrik' }, user);
  const firstLookupMs = performance.now() - q0;
  // Look-ups over the bench's query mix, answers uncached (round 0 warms the JIT).
  const times: number[] = [];
  for (let r = 0; r < LOOKUP_ROUNDS + 1; r++) {
    for (const query of QUERIES) {
      engine.probe().clearAnswerCache();
      const t = performance.now();
      await engine.execute({ name: 'brief', query }, user);
      if (r > 0) times.push(performance.now() - t);
    }
  }
  const open = memory();
  const pick = (name: string) => {
    const e = events.find((x) => x.event === name);
    if (!e) return null;
    const { level: _l, time: _t, pid: _p, hostname: _h, app: _a, msg: _m, event: _e, ...rest } = e;
    return rest;
  };
  // V8 hands load-time pages back after a few idle seconds: the figure an instance runs at.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const settled = memory();
  let addMs: number | null = null;
  let closeMs = 0;
  if (writeSnapshot) {
    const admin: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: true } };
    const a0 = performance.now();
    await engine.execute({ name: 'add', input: { kind: 'text', text: generateArticle(2_000_000).text } }, admin);
    addMs = performance.now() - a0;
  }
  // The longest the event loop went without a turn while closing (close writes the snapshot): a 1 ms timer's largest gap.
  let last = performance.now();
  let longestBlock = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longestBlock = Math.max(longestBlock, now - last);
    last = now;
  }, 1);
  const c0 = performance.now();
  await engine.close();
  closeMs = performance.now() - c0;
  clearInterval(probe);
  longestBlock = Math.max(longestBlock, performance.now() - last);
  const round = (n: number | null) => (n === null ? null : Math.round(n));
  const figures = {
    load: load(),
    readyMs: round(readyMs),
    storeOpened: pick('store_opened'),
    derived: pick('derived_indexes_built'),
    firstLookupMs: round(firstLookupMs),
    lookupP50Ms: +percentile(times, 50).toFixed(2),
    lookupP95Ms: +percentile(times, 95).toFixed(2),
    before,
    open,
    settled,
    addMs: round(addMs),
    closeMs: round(closeMs),
    closeLongestBlockMs: round(longestBlock),
    snapshotWritten: pick('derived_snapshot_written'),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

function runChild(dir: string, writeSnapshot: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', here, '--child', dir, writeSnapshot ? 'write' : 'read'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    p.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`child exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 10000);
  const source = path.join(CORPORA, `lowdb-${size}`);
  if (!existsSync(source)) throw new Error(`${source} is missing: run RINGKAS_BENCH_SCALE_SIZES=${size} npm run bench scale once to build it`);
  const dir = path.join(os.tmpdir(), `ringkas-start-phases-${process.pid}`, `lowdb-${size}`);
  mkdirSync(path.dirname(dir), { recursive: true });
  execFileSync('cp', ['-r', source, dir]);
  try {
    process.stdout.write(`start phases, ${size} articles (node ${process.version}, load ${load()})\n`);
    process.stdout.write(`no snapshot:   ${await runChild(dir, true)}\n`);
    process.stdout.write(`with snapshot: ${await runChild(dir, false)}\n`);
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4] === 'write');
else await main();
