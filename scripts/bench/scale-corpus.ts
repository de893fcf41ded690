// Synthetic stores for the scale bench, built once and cached under the OS temp
// folder (keyed by corpus version and size), so a rerun starts measuring at
// once. Articles go through the engine's own ingest stages (clean, summarise,
// tag in child processes, story assignment here in order); the store files are
// then written directly in the lowdb layout (decision 002), one write per shard,
// because adding 100,000 articles one by one through the store would rewrite
// each shard hundreds of times.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ArticleRecord } from '../../src/model/article.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { shardOf } from '../../src/store/store.js';
import { DEFAULT_SHARD_COUNT, SCHEMA_VERSION } from '../../src/store/store-schema.js';
import { StoryIndex } from '../../src/stories/story-clusters.js';
import { CORPUS_NOW, CORPUS_VERSION } from './scale-corpus-version.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const cacheDir = path.join(os.tmpdir(), `ringkas-scale-corpus-v${CORPUS_VERSION}`);
type Draft = Omit<ArticleRecord, 'id' | 'storyId'>;

async function* jsonLines<T>(file: string): AsyncGenerator<T> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) yield JSON.parse(line) as T;
}

/** A cached records file holding at least `n` articles (the first n of a larger corpus are the corpus of size n). */
function cachedRecords(n: number): string | null {
  if (!existsSync(cacheDir)) return null;
  const sizes = readdirSync(cacheDir)
    .map((f) => /^records-(\d+)\.ndjson$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .map(Number)
    .filter((s) => s >= n)
    .sort((a, b) => a - b);
  return sizes.length ? path.join(cacheDir, `records-${sizes[0]}.ndjson`) : null;
}

/** Ids as the article service makes them: a prefix of the fingerprint's hash, lengthened on a clash. */
function idFor(fingerprint: string, taken: Set<string>): string {
  const hex = createHash('sha256').update(fingerprint).digest('hex');
  for (let len = 8; len <= hex.length; len += 2) if (!taken.has(hex.slice(0, len))) return hex.slice(0, len);
  throw new Error('id space exhausted');
}

async function buildRecords(n: number, log: (line: string) => void): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const started = performance.now();
  const workers = Math.max(1, Math.min(2, os.cpus().length));
  const ranges = Array.from({ length: workers }, (_, w) => [Math.floor((w * n) / workers), Math.floor(((w + 1) * n) / workers)] as const);
  const parts = ranges.map((_, w) => path.join(cacheDir, `drafts-${n}-${w}.ndjson`));
  await Promise.all(
    ranges.map(([from, to], w) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(here, 'scale-corpus-worker.ts'), String(from), String(to), parts[w]!], { maxBuffer: 1 << 20 }),
    ),
  );
  log(`  corpus ${n.toLocaleString('en')}: cleaned, summarised and tagged in ${((performance.now() - started) / 1000).toFixed(0)} s (${workers} processes)`);
  const stories = new StoryIndex([], loadLexicon(path.join(here, '../../lexicon/en-id.yaml')));
  const taken = new Set<string>();
  const tmp = path.join(cacheDir, `records-${n}.ndjson.tmp`);
  const out = createWriteStream(tmp);
  for (const part of parts) {
    for await (const draft of jsonLines<Draft>(part)) {
      const withId = { ...draft, id: idFor(draft.fingerprint, taken) };
      taken.add(withId.id);
      const record: ArticleRecord = { ...withId, storyId: stories.assign(withId) };
      stories.add(record);
      if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    rmSync(part);
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const file = path.join(cacheDir, `records-${n}.ndjson`);
  renameSync(tmp, file);
  log(`  corpus ${n.toLocaleString('en')}: built in ${((performance.now() - started) / 1000).toFixed(0)} s, cached in ${file}`);
  return file;
}

/** JSON lines of `n` stored article records (built on first use, then cached). */
export async function corpusRecords(n: number, log: (line: string) => void): Promise<string> {
  return cachedRecords(n) ?? buildRecords(n, log);
}

/** The first `n` records of the cached corpus, in order. */
export async function* readRecords(n: number, log: (line: string) => void): AsyncGenerator<ArticleRecord> {
  let k = 0;
  if (n === 0) return;
  for await (const r of jsonLines<ArticleRecord>(await corpusRecords(n, log))) {
    yield r;
    if (++k >= n) return;
  }
}

/**
 * A lowdb data folder holding the first `n` articles, as the store writes it
 * (shards, manifest, main file), cached; copy it before opening an engine on it.
 */
export async function lowdbStore(n: number, log: (line: string) => void): Promise<string> {
  const dir = path.join(cacheDir, `lowdb-${n}`);
  if (existsSync(path.join(dir, 'ringkas.json'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  const shards: ArticleRecord[][] = Array.from({ length: DEFAULT_SHARD_COUNT }, () => []);
  for await (const r of readRecords(n, log)) shards[shardOf(r.id, DEFAULT_SHARD_COUNT)]!.push(r);
  shards.forEach((articles, i) => {
    const file = path.join(dir, 'articles', `shard-${String(i).padStart(2, '0')}.json`);
    writeFileSync(file, JSON.stringify({ schemaVersion: SCHEMA_VERSION, generation: 1, articles }));
  });
  const manifest = { schemaVersion: SCHEMA_VERSION, shards: shards.map((s) => ({ generation: 1, count: s.length })) };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  // The main file last: its presence marks the folder complete.
  const at = CORPUS_NOW.toISOString();
  writeFileSync(path.join(dir, 'ringkas.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, seededAt: at, seedingStartedAt: at, shardCount: DEFAULT_SHARD_COUNT, subscriptions: [] }));
  return dir;
}
