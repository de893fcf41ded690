// Keeps the derived-data snapshot (snapshot-file.ts) up to date off the hot
// path: written a while after the story signals of every stored article are
// known when the snapshot did not cover them all at start, every few minutes
// while articles change, and at close. The rows come from the indexes
// themselves (the search postings numbered back per article in two passes;
// nothing is read from the text again). A failed write is logged and tried
// later: the snapshot is a cache, the store stays the truth.
import type { Logger } from '../logger.js';
import type { SearchIndex } from '../search/search-index.js';
import type { BriefingStore } from '../store/briefing-store.js';
import type { StoryIndex } from '../stories/story-clusters.js';
import { articleStamp, buildSnapshot, writeSnapshot, type RowRest } from './snapshot-file.js';

/** How often a changed index is written, at most (a crash loses at most this much re-reading at the next start). */
const WRITE_EVERY_MS = 10 * 60_000;
/**
 * How long after the story build completes the first write waits: a write
 * blocks the event loop for a moment (~1 s at 10k articles on a busy machine),
 * and the build usually completes because a first add is waiting for it.
 */
const AFTER_BUILD_MS = 30_000;

export interface SnapshotWriterDeps {
  file: string;
  inputs: string;
  store: BriefingStore;
  index: SearchIndex;
  stories: StoryIndex;
  logger: Logger;
  /** The snapshot on disk holds exactly the stored articles: nothing to write until something changes. */
  upToDate: boolean;
}

export class SnapshotWriter {
  /** The index's change count the snapshot on disk matches (null: it matches none). */
  private written: number | null;
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly d: SnapshotWriterDeps) {
    this.written = d.upToDate ? d.index.changes : null;
  }

  /** Writes a while after every stored article's story signals are known (if needed), then checks now and then. */
  start(): void {
    void this.d.stories.onceIndexed().then(() => {
      if (this.closed) return;
      const first = setTimeout(() => void this.flush(), AFTER_BUILD_MS);
      first.unref();
      this.first = first;
    });
    this.timer = setInterval(() => void this.flush(), WRITE_EVERY_MS);
    this.timer.unref();
  }

  /** Stops checking and writes what changed, if the story signals are all known (else the next start reads those articles). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    this.timer = null;
    await this.writing;
    await this.flush();
  }

  private flush(): Promise<void> {
    if (this.written === this.d.index.changes) return Promise.resolve();
    this.writing ??= this.write().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  private async write(): Promise<void> {
    const { store, index, stories, logger, file } = this.d;
    const changes = index.changes;
    const search = index.numbered();
    // An add or removal between the store and the indexes (a write settling now): a later write has it.
    if (search.ids.length !== store.articleCount) return;
    const rows: RowRest[] = [];
    for (const id of search.ids) {
      const article = store.getArticle(id);
      const signals = stories.signalsFor(id);
      // Signals not read yet (the build is still running): a later write has them.
      if (!article || !signals) return;
      rows.push({ id, fingerprint: article.fingerprint, stamp: articleStamp(article), signals });
    }
    const started = performance.now();
    try {
      await writeSnapshot(file, buildSnapshot(this.d.inputs, search, rows));
      this.written = changes;
      logger.info({ event: 'derived_snapshot_written', file, articles: rows.length, ms: Math.round(performance.now() - started) }, 'derived-data snapshot written');
    } catch (err) {
      logger.warn({ event: 'derived_snapshot_write_failed', file, err }, 'derived-data snapshot not written; will try again');
    }
  }
}
