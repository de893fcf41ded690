// Re-indexing 10,000 articles costs seconds at start; loading the index saved
// at the last clean shutdown costs a fraction. The snapshot is used only when
// its stamp (the exact article ids, the briefs, the document format) matches
// what is stored now, so a crash or an edited brief simply means a rebuild.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Brief } from '../briefs/brief-schema.js';
import type { Logger } from '../logger.js';
import type { ArticleRecord } from '../model/article.js';
import { SearchIndex } from './search-index.js';

const FORMAT = 'search-index/v1';
const FILE = 'search-index.json';

export function indexStamp(articles: Iterable<ArticleRecord>, briefs: readonly Brief[]): string {
  const ids: string[] = [];
  for (const a of articles) ids.push(a.id);
  ids.sort();
  const h = createHash('sha256').update(FORMAT);
  for (const b of briefs) h.update(`\0${b.id}\0${b.name}`);
  h.update(`\0${ids.length}\0`);
  for (const id of ids) h.update(id).update(',');
  return h.digest('hex');
}

export function openSearchIndex(
  dataDir: string,
  stamp: string,
  briefs: readonly Brief[],
  getArticle: (id: string) => ArticleRecord | undefined,
  articles: () => Iterable<ArticleRecord>,
  logger: Logger,
): SearchIndex {
  const file = path.join(dataDir, FILE);
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    if (text.slice(0, newline) === stamp) {
      const index = new SearchIndex(briefs, getArticle, text.slice(newline + 1));
      logger.debug({ event: 'index_snapshot_loaded' }, 'search index loaded from snapshot');
      return index;
    }
    logger.info({ event: 'index_snapshot_stale' }, 'search index snapshot is stale; rebuilding');
  } catch {
    // No snapshot (first start) or unreadable: rebuild below.
  }
  // A stale snapshot must not survive a crash after articles change.
  rmSync(file, { force: true });
  const index = new SearchIndex(briefs, getArticle);
  index.addAll(articles());
  return index;
}

export function saveSearchIndex(dataDir: string, stamp: string, index: SearchIndex): void {
  const file = path.join(dataDir, FILE);
  const tmp = path.join(dataDir, `.${FILE}.tmp`);
  writeFileSync(tmp, `${stamp}\n${index.toSnapshot()}`);
  renameSync(tmp, file);
}
