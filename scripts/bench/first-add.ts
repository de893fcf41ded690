// The first add after a first open (no derived-data snapshot) of a cached
// scale-bench lowdb store, timed right after ready:
// `npx tsx scripts/bench/first-add.ts 100000 [alone]`. Copies the store, opens
// it, adds one new article (look-ups run one after another meanwhile, to show
// how long other users wait; `alone`: none) and a second one, then closes
// (timing the close and whether it wrote a snapshot). Not a timed test: read
// it beside the load average it prints.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import type { CommandContext } from '../../src/model/actor.js';
import type { Reply } from '../../src/model/reply.js';
import { generateArticle } from './synthetic-corpus.js';

const CORPORA = '/tmp/ringkas-scale-corpus-v1';
const load = () => os.loadavg().map((l) => l.toFixed(2)).join('/');

function summary(reply: Reply): string {
  return JSON.stringify(reply).slice(0, 160);
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 10000);
  const withLookups = process.argv[3] !== 'alone';
  const source = path.join(CORPORA, `lowdb-${size}`);
  if (!existsSync(source)) throw new Error(`${source} is missing: run RINGKAS_BENCH_SCALE_SIZES=${size} npm run bench scale once to build it`);
  const dir = path.join(os.tmpdir(), `ringkas-first-add-${process.pid}`, `lowdb-${size}`);
  mkdirSync(path.dirname(dir), { recursive: true });
  execFileSync('cp', ['-r', source, dir]);
  const events: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) events.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  try {
    process.stdout.write(`first add after a first open, ${size} articles (node ${process.version}, load ${load()})\n`);
    const t0 = performance.now();
    const engine = await Engine.open({ config: loadConfig({ env: { RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_DATA_DIR: dir }, envFile: null }), logger: createLogger({ level: 'info', destination: sink }) });
    process.stdout.write(`ready ${Math.round(performance.now() - t0)} ms (load ${load()})\n`);
    const admin: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: true } };
    const user: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: false } };
    const fresh = generateArticle(2_000_000).text;
    let t = performance.now();
    let adding = true;
    const adds = engine.execute({ name: 'add', input: { kind: 'text', text: fresh } }, admin).finally(() => (adding = false));
    // Look-ups one after another while the add runs: how long other users wait meanwhile.
    const lookups: number[] = [];
    while (adding && withLookups) {
      const q = performance.now();
      await engine.execute({ name: 'brief', query: 'kendaraan listrik' }, user);
      lookups.push(performance.now() - q);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const first = await adds;
    const longest = Math.round(Math.max(0, ...lookups));
    const waited = JSON.stringify(events.find((e) => e.event === 'add_waited_for_stored_articles') ?? null);
    process.stdout.write(`first add ${Math.round(performance.now() - t)} ms (load ${load()}), ${lookups.length} look-ups meanwhile, longest ${longest} ms, waited ${waited}: ${summary(first)}\n`);
    t = performance.now();
    const second = await engine.execute({ name: 'add', input: { kind: 'text', text: generateArticle(2_000_001).text } }, admin);
    process.stdout.write(`second add ${Math.round(performance.now() - t)} ms (load ${load()}): ${summary(second)}\n`);
    t = performance.now();
    await engine.close();
    const written = events.find((e) => e.event === 'derived_snapshot_written');
    process.stdout.write(`close ${Math.round(performance.now() - t)} ms, snapshot ${written ? `written (${String(written.articles)} articles)` : 'not written'} (load ${load()})\n`);
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

await main();
