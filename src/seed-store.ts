// First start with an empty store: ingest the seed articles once. Later starts
// (and a store someone emptied on purpose) add nothing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EngineServices } from './services.js';

const ARTICLE_FILE = /\.(txt|md|html?)$/i;

export async function seedIfEmpty(s: EngineServices): Promise<void> {
  const { store, config, logger, clock } = s;
  if (store.seededAt !== null) return;
  if (store.articleCount > 0 || !config.seedOnEmpty) {
    await store.markSeeded(clock.now());
    return;
  }
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
      logger.warn({ event: 'seed_skipped', file, err: e }, 'seed article skipped');
    }
  }
  await store.markSeeded(clock.now());
  logger.info({ event: 'seeded', added, files: files.length }, 'seed articles ingested');
}
