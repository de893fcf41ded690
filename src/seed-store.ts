// First start with an empty store: ingest the seed articles once. Seeding is
// marked as started before the first seed and as done after the last, so a start
// cut short (kill -9) finishes seeding on the next start; seeds already in are
// found as duplicates. A store seeded once (and perhaps emptied on purpose since)
// gets nothing, and neither does a store that already had articles.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EngineServices } from './services.js';
import { StoreError } from './store/store-errors.js';
import { StoreWriteError, writeFailureReason } from './store/write-failure.js';

const ARTICLE_FILE = /\.(txt|md|html?)$/i;

/** A write that fails while starting stops the start, naming the file. */
function startWriteFailure(e: unknown): unknown {
  return e instanceof StoreWriteError ? new StoreError(e.file, `could not be written: ${writeFailureReason(e.cause)}.`, { cause: e }) : e;
}

export async function seedIfEmpty(s: EngineServices): Promise<void> {
  const { store, config, logger, clock } = s;
  if (store.seeding === 'done') return;
  try {
    if (store.seeding === 'not-started') {
      // Articles that all came from seeding in a store never marked seeded: an older
      // Ringkas was stopped while seeding (it kept no "started" mark). Finish it.
      const interrupted = store.articleCount > 0 && [...store.listArticles()].every((a) => a.addedBy === 'seed');
      if ((store.articleCount > 0 && !interrupted) || !config.seedOnEmpty) {
        await store.markSeeded(clock.now());
        return;
      }
      await store.markSeedingStarted(clock.now());
    } else {
      logger.warn({ event: 'seeding_resumed' }, 'the last start stopped while seeding; finishing it');
    }
    await addSeeds(s);
    await store.markSeeded(clock.now());
  } catch (e) {
    throw startWriteFailure(e);
  }
}

async function addSeeds(s: EngineServices): Promise<void> {
  const { config, logger } = s;
  let files: string[] = [];
  try {
    files = readdirSync(config.seedsDir).filter((f) => ARTICLE_FILE.test(f)).sort();
  } catch {
    logger.warn({ event: 'seeds_missing', dir: config.seedsDir }, 'no seeds folder; starting empty');
  }
  let added = 0;
  for (const file of files) {
    const content = readFileSync(path.join(config.seedsDir, file), 'utf8');
    try {
      const { duplicate } = await s.articles.add({ kind: 'file', filename: file, content }, 'seed');
      if (!duplicate) added++;
    } catch (e) {
      // A seed that cannot be saved would be missing for good once seeding is marked done.
      if (e instanceof StoreWriteError) throw e;
      logger.warn({ event: 'seed_skipped', file, err: e }, 'seed article skipped');
    }
  }
  logger.info({ event: 'seeded', added, files: files.length }, 'seed articles ingested');
}
