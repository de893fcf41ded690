// Engine figures: look-up latency at 1k and 10k, ingest rate, cold start,
// persisting one article at 10k, resident memory at 10k.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import type { CommandContext } from '../../src/model/actor.js';
import { generateCorpus, generateArticle } from './synthetic-corpus.js';
import { QUERIES } from './query-mix.js';
import { ms, percentile } from './stats.js';

const admin: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: true } };

async function openAt(dir: string): Promise<Engine> {
  const config = loadConfig({ env: { RINGKAS_DATA_DIR: dir, RINGKAS_SEED_ON_EMPTY: 'false' }, envFile: null });
  return Engine.open({ config });
}

async function fill(engine: Engine, n: number, offset: number): Promise<number> {
  const started = performance.now();
  const batch = 50;
  for (let i = 0; i < n; i += batch) {
    const raws = generateCorpus(Math.min(batch, n - i), offset + i);
    await Promise.all(raws.map((raw) => engine.execute({ name: 'add', input: { kind: 'text', text: raw.text } }, admin)));
  }
  return performance.now() - started;
}

/** Uncached unless `cached`: the answer cache is emptied before each look-up. */
async function lookups(engine: Engine, rounds: number, cached = false): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      if (!cached) engine.probe().clearAnswerCache();
      const t0 = performance.now();
      await engine.execute({ name: 'brief', query: q }, admin);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

/** Compiles the cold-start probe to plain JavaScript, as the Docker image runs it (no tsx loader). */
function compiledColdStart(dir: string): ReturnType<typeof coldStart> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Inside the project (git-ignored .bench/) so the compiled files resolve node_modules.
  const out = path.join(here, '../../.bench', `cold-start-${process.pid}`);
  try {
    execFileSync(process.execPath, [path.join(here, '../../node_modules/typescript/bin/tsc'), '-p', path.join(here, 'tsconfig.cold-start.json'), '--outDir', out]);
    const json = execFileSync(process.execPath, ['--expose-gc', path.join(out, 'scripts/bench/cold-start.js'), dir], { encoding: 'utf8' });
    return JSON.parse(json.trim().split('\n').at(-1)!) as ReturnType<typeof coldStart>;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function coldStart(dir: string): { coldMs: number; firstQueryMs: number; rssMB: number; settledRssMB: number; baseRssMB: number; heapMB: number; articles: number } {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cold-start.ts');
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, dir], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ReturnType<typeof coldStart>;
}

export default async function engineBench(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-bench-'));
  try {
    const engine = await openAt(dir);
    const t1k = await fill(engine, 1000, 0);
    print(`ingest: 1,000 articles in ${ms(t1k)} = ${(1000 / (t1k / 1000)).toFixed(0)} articles/s (clean + summarise + tag + story + index + persist; target >= 200)`);
    await lookups(engine, 2); // warm-up
    const l1k = await lookups(engine, 20);
    print(`look-up @1,000: median ${ms(percentile(l1k, 50))}, p95 ${ms(percentile(l1k, 95))} (${l1k.length} queries)`);

    const t9k = await fill(engine, 9000, 1000);
    print(`ingest: 9,000 more in ${ms(t9k)} = ${(9000 / (t9k / 1000)).toFixed(0)} articles/s`);
    const l10k = await lookups(engine, 20);
    print(`look-up @10,000: median ${ms(percentile(l10k, 50))}, p95 ${ms(percentile(l10k, 95))} (${l10k.length} uncached queries; target p95 <= 10 ms)`);
    const c10k = await lookups(engine, 20, true);
    print(`look-up @10,000, repeated queries (answer cache): median ${ms(percentile(c10k, 50))}, p95 ${ms(percentile(c10k, 95))}`);

    const persist: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await engine.execute({ name: 'add', input: { kind: 'text', text: generateArticle(50_000 + i).text } }, admin);
      persist.push(performance.now() - t0);
    }
    print(`add + persist one article @10,000: median ${ms(percentile(persist, 50))}, p95 ${ms(percentile(persist, 95))} (target <= 100 ms)`);
    await engine.close();

    const cold = coldStart(dir);
    print(`cold start @${cold.articles.toLocaleString('en')} (fresh process: load store, build stories and index): ${ms(cold.coldMs)}; first look-up ${ms(cold.firstQueryMs)} (target <= 2000 ms)`);
    print(
      `resident memory @${cold.articles.toLocaleString('en')} under tsx (npm start): ${cold.settledRssMB.toFixed(0)} MB rss once settled (15 s idle; ${cold.rssMB.toFixed(0)} MB right after start), of which ${cold.baseRssMB.toFixed(0)} MB is Node + tsx + modules before opening; ${cold.heapMB.toFixed(0)} MB heap after GC (target <= 300 MB)`,
    );
    const js = compiledColdStart(dir);
    print(
      `resident memory @${js.articles.toLocaleString('en')} compiled (as in the Docker image): ${js.settledRssMB.toFixed(0)} MB rss once settled (${js.rssMB.toFixed(0)} MB right after start), ${js.baseRssMB.toFixed(0)} MB before opening; cold start ${ms(js.coldMs)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
