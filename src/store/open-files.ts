// Reading the data folder at start: the main file, the shard manifest and every
// shard, refusing (by name) a shard that is missing or does not hold what the
// manifest says, so lost articles are never silently replaced by an empty file.
// The rule for what counts as "what the manifest says" is in decision 002.
import type { Low } from 'lowdb';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openJsonDb, writeAtStart } from './json-file.js';
import { openShard, parseShard, readOpenShard, type ShardBytes } from './read-shard.js';
import { RecordsCache } from './records-cache.js';
import { closeQuietly } from './shard-bodies.js';
import { SharedEntities } from './shard-entities.js';
import { shardText } from './shard-writer.js';
import { StoreError } from './store-errors.js';
import { writeFailureReason } from './write-failure.js';
import { emptyMain, emptyManifest, emptyShard, generationOf, mainFileSchema, manifestFileSchema, type MainFile, type ManifestFile, type ShardCount, type ShardState } from './store-schema.js';

export interface DataFiles {
  main: Low<MainFile>;
  manifest: Low<ManifestFile>;
  shards: ShardState[];
  /** How many shards were taken from the records cache (the others were read from their text). */
  fromCache: number;
}

export const mainPath = (dir: string) => path.join(dir, 'ringkas.json');
export const manifestPath = (dir: string) => path.join(dir, 'manifest.json');
export const shardPath = (dir: string, i: number) => path.join(dir, 'articles', `shard-${String(i).padStart(2, '0')}.json`);

export const manifestEntry = (shard: ShardCount) => ({ generation: generationOf(shard), count: shard.articles.length });

/**
 * A shard matches its manifest entry when it is the write the manifest recorded,
 * or the one write after it (the shard is written first, the manifest after: a
 * crash between the two leaves the shard exactly one generation ahead).
 */
function checkShard(file: string, shard: ShardState, expected: { generation: number; count: number }, manifestFile: string): boolean {
  const generation = generationOf(shard);
  if (generation === expected.generation + 1) return true;
  if (generation === expected.generation && shard.articles.length === expected.count) return false;
  throw new StoreError(
    file,
    `holds ${shard.articles.length} articles (write ${generation}) where the manifest expects ${expected.count} (write ${expected.generation}): it may be an older copy or was cut short. Restore it from a backup; to go on with it as it is, delete ${manifestFile} and start again.`,
  );
}

export async function openDataFiles(dir: string): Promise<DataFiles> {
  const { db: main, existed: mainExisted } = await openJsonDb(mainPath(dir), mainFileSchema, emptyMain);
  const manifestFile = manifestPath(dir);
  const { db: manifest, existed: manifestExisted } = await openJsonDb(manifestFile, manifestFileSchema, emptyManifest);
  const count = main.data.shardCount;
  if (manifestExisted && manifest.data.shards.length !== count) {
    throw new StoreError(manifestFile, `lists ${manifest.data.shards.length} shards where ${mainPath(dir)} says ${count}; restore the two from one backup.`);
  }
  // One shard parsed at a time (reading all at once would hold every file's
  // bytes together, and V8 keeps that peak as resident memory); the next
  // file is read while this one is parsed.
  const shards: ShardState[] = [];
  const entities = new SharedEntities(); // one table for every shard: an entity is parsed once per start
  const created: number[] = [];
  let fromCache = 0;
  let manifestBehind = !manifestExisted;
  // A shard still the very file the records cache was written from is taken from it (records-cache.ts).
  const cache = RecordsCache.open(dir, count);
  let reading: Promise<ShardRead> | null = readShard(dir, 0, cache);
  try {
    for (let i = 0; i < count; i++) {
      const file = shardPath(dir, i);
      const read = await reading!;
      reading = i + 1 < count ? readShard(dir, i + 1, cache) : null;
      const existed = read !== null;
      const cached = read !== null && 'articles' in read;
      if (cached) fromCache++;
      const db = read === null ? emptyShard() : cached ? read : parseShard(file, read, entities);
      shards.push(db);
      if (!manifestExisted) {
        // A store from before the manifest (or one whose operator deleted it to accept
        // a loss): the shards as they are become the truth.
        if (!existed) created.push(i);
        continue;
      }
      const expected = manifest.data.shards[i]!;
      if (!existed) {
        throw new StoreError(file, `is missing; the manifest says it held ${expected.count} articles. Restore it from a backup; to go on without them, delete ${manifestFile} and start again.`);
      }
      if (checkShard(file, db, expected, manifestFile)) manifestBehind = true;
    }
  } catch (e) {
    // A refused start lets go of every shard file it opened.
    void reading?.then((r) => closeQuietly(r?.fd ?? null), () => undefined);
    for (const shard of shards) closeQuietly(shard.fd);
    throw e;
  } finally {
    cache?.close();
  }
  try {
    // Shards before the manifest before the main file: a start cut short leaves a
    // folder the next start reads as new or as a store to migrate, never as damaged.
    for (const i of created) await writeEmptyShard(shardPath(dir, i), shards[i]!);
    if (manifestBehind) {
      manifest.data = { ...manifest.data, shards: shards.map((s) => manifestEntry(s)) };
      await writeAtStart(manifestFile, manifest as Low<unknown>);
    }
    if (!mainExisted) await writeAtStart(mainPath(dir), main as Low<unknown>);
  } catch (e) {
    for (const shard of shards) closeQuietly(shard.fd);
    throw e;
  }
  return { main, manifest, shards, fromCache };
}

/** A shard from the records cache, its bytes to parse, or null when the file does not exist. */
type ShardRead = ShardState | ShardBytes | null;

async function readShard(dir: string, i: number, cache: RecordsCache | null): Promise<ShardRead> {
  const file = shardPath(dir, i);
  const fd = await openShard(file);
  if (fd === null) return null;
  return cache?.shardFor(i, fd) ?? readOpenShard(file, fd);
}

async function writeEmptyShard(file: string, shard: ShardState): Promise<void> {
  try {
    await writeFile(file, shardText(shard, []), 'utf8');
  } catch (cause) {
    throw new StoreError(file, `could not be written: ${writeFailureReason(cause)}.`, { cause });
  }
}
