// Keeps the derived-data snapshot (snapshot-file.ts) up to date off the hot
// path: written a while after the story signals of every stored article are
// known when the snapshot did not cover them all at start, every few minutes
// while articles change, and at close (then also before the story build is
// done: rows it has not reached go without their signals, marked so in their
// stamp, and the next start reads only those signals from the text). The rows come from the indexes
// themselves (the search postings numbered back per article in two passes;
// nothing is read from the text again). A failed write is logged and tried
// later: the snapshot is a cache, the store stays the truth.
//
// The rows are built in slices of a few milliseconds (time-slices.ts) and
// written a section at a time, so the bot keeps answering while a write runs
// (one block took 4-7 s at 100k articles). An add or removal during the build
// drops it (its rows would mix two states) and the write is tried again a
// little later; one after the build is harmless: each row names the article
// (id, fingerprint, stamp) it was read from, and a start takes a row only for
// that very article.
import type { FilingCapture } from '../articles/near-duplicates.js';
import type { Logger } from '../logger.js';
import type { SearchIndex } from '../search/search-index.js';
import type { BriefingStore } from '../store/briefing-store.js';
import type { StoryIndex } from '../stories/story-clusters.js';
import type { StoredSignals } from '../stories/story-signals.js';
import { articleStamp, buildSnapshotSteps, releaseCopies, stampWithoutSignals, writeSnapshot, type RowRest, type SnapshotOut } from './snapshot-file.js';
import { runInSlices, type Steps } from './time-slices.js';

/** How often a changed index is written, at most (a crash loses at most this much re-reading at the next start). */
const WRITE_EVERY_MS = 10 * 60_000;
/**
 * How long after the story build completes the first write waits (the build
 * usually completes because a first add is waiting for it, and more may
 * follow), and how long after a build dropped for a change the next one starts.
 */
const AFTER_BUILD_MS = 30_000;
/** How long the build runs before the event loop gets a turn. */
const SLICE_MS = 10;
/** Builds tried at close when a change lands during one. */
const CLOSE_ATTEMPTS = 3;
/** What a row written without its story signals holds in their place (its stamp says they are missing). */
const NO_SIGNALS: StoredSignals = { keys: [], weights: [], date: null, day: null, series: [] };

/** Where a snapshot goes instead of `file` (a store shared by many instances keeps it in the database, shared-snapshot.ts). */
export interface SnapshotSink {
  /** False when a write now is not needed (e.g. another instance wrote one recently). */
  wanted(): Promise<boolean>;
  save(built: SnapshotOut): Promise<void>;
}

export interface SnapshotWriterDeps {
  file: string;
  sink?: SnapshotSink;
  inputs: string;
  store: BriefingStore;
  index: SearchIndex;
  stories: StoryIndex;
  logger: Logger;
  /** The snapshot on disk holds exactly the stored articles: nothing to write until something changes. */
  upToDate: boolean;
  /** How long the build runs between turns of the event loop (default SLICE_MS). */
  sliceMs?: number;
  /** The near-duplicate check, whose filing the snapshot keeps (decision 033); none: the snapshot has no filing. */
  filing?: FilingSource;
}

/** What the writer takes of the near-duplicate check (near-duplicates.ts). */
export interface FilingSource {
  capture(): FilingCapture | null;
  /** Resolves once every stored article is filed (or the filing stopped), without keeping the process alive. */
  onceFiled(): Promise<void>;
}

export class SnapshotWriter {
  /** The index's change count the snapshot on disk matches (null: it matches none). */
  private written: number | null;
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly d: SnapshotWriterDeps) {
    this.written = d.upToDate ? d.index.changes : null;
  }

  /** Writes a while after every stored article's story signals and filing are known (if needed), then checks now and then. */
  start(): void {
    void Promise.all([this.d.stories.onceIndexed(), this.d.filing?.onceFiled()]).then(() => {
      if (this.closed) return;
      const first = setTimeout(() => void this.flush(), AFTER_BUILD_MS);
      first.unref();
      this.first = first;
    });
    this.timer = setInterval(() => void this.flush(), WRITE_EVERY_MS);
    this.timer.unref();
  }

  /** Stops checking and writes what changed (rows whose story signals are not read yet go without them). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    if (this.retry) clearTimeout(this.retry);
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
    const { index, logger, file, sink } = this.d;
    if (sink && !(await sink.wanted().catch(() => false))) return;
    const started = performance.now();
    let slices = 1;
    let changes = index.changes;
    // Nobody awaits a snapshot while the engine runs: it gives way to commands (decision 040); closing, it does not.
    const slicing = () => ({ stillValid: () => index.changes === changes, onTurn: () => slices++, giveWay: () => !this.closed });
    let built = await runInSlices(this.build(), this.d.sliceMs ?? SLICE_MS, slicing());
    // Changed during the build. Closing: adds have stopped, build again now.
    for (let again = 0; built === null && this.closed && again < CLOSE_ATTEMPTS; again++) {
      changes = index.changes;
      built = await runInSlices(this.build(), this.d.sliceMs ?? SLICE_MS, slicing());
    }
    if (built === null) return this.tryAgainLater();
    if (built === 'not yet') return;
    const builtMs = performance.now() - started;
    try {
      await (sink ? sink.save(built) : writeSnapshot(file, built));
      this.written = changes;
      const ms = (t: number) => Math.round(t);
      logger.info({ event: 'derived_snapshot_written', file, articles: built.ids.length, ms: ms(performance.now() - started), buildMs: ms(builtMs), slices }, 'derived-data snapshot written');
    } catch (err) {
      logger.warn({ event: 'derived_snapshot_write_failed', file, err }, 'derived-data snapshot not written; will try again');
    } finally {
      releaseCopies(built);
    }
  }

  /** A build dropped for a change: one a little later has it. */
  private tryAgainLater(): void {
    if (this.closed || this.retry !== null) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.flush();
    }, AFTER_BUILD_MS);
    this.retry.unref();
  }

  /** The snapshot of the indexes as they are, in steps; 'not yet' while some article's story signals are unknown. */
  private *build(): Steps<SnapshotOut | 'not yet'> {
    const { store, index, stories } = this.d;
    // Taken first: articles filed during the build only add to the keys it sets aside.
    const filing = this.d.filing?.capture() ?? null;
    const search = yield* index.postedSteps();
    // An add or removal between the store and the indexes (a write settling now): a later write has it.
    if (search.ids.length !== store.articleCount) return 'not yet';
    const rows: RowRest[] = [];
    for (const id of search.ids) {
      const article = store.getArticle(id);
      if (!article) return 'not yet';
      const signals = stories.packedSignalsFor(id);
      if (signals) rows.push({ id, fingerprint: article.fingerprint, stamp: articleStamp(article), signals });
      // Signals not read yet (the story build is still running): a later write has them; at close, the row goes
      // without them, so the next start takes its search part and reads only its signals from the text.
      else if (this.closed) rows.push({ id, fingerprint: article.fingerprint, stamp: stampWithoutSignals(articleStamp(article)), signals: NO_SIGNALS });
      else return 'not yet';
      yield;
    }
    return yield* buildSnapshotSteps(this.d.inputs, search, rows, filing);
  }
}
