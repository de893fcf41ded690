// The derived-data snapshot for a store shared by many instances (PostgreSQL):
// instead of a file of its own, each instance starts from rows kept beside the
// articles (one per article, src/store/shared-derived-rows.ts), assembled into the
// snapshot's form (derived-row-bytes.ts) and checked exactly as a file's rows
// are; and it writes the rows of what it read from text itself: the articles it
// adds (right after the add), and at start the articles that had no usable row
// (none yet, a changed article, another version or other briefs). Articles other
// instances add are theirs to write. Rows are a cache: a failed write is logged
// and tried again, and an article without a row is read from its text.
import type { Logger } from '../logger.js';
import type { StoredArticle } from '../model/article.js';
import type { PreparedDocument, SearchIndex } from '../search/search-index.js';
import { articleWithBody } from '../store/article-with-body.js';
import type { BriefingStore } from '../store/briefing-store.js';
import type { SharedDerivedRows, StoredDerivedRow } from '../store/shared-derived-rows.js';
import type { StoryIndex } from '../stories/story-clusters.js';
import { DerivedRowsAssembler, encodeDerivedRow } from './derived-row-bytes.js';
import { articleStamp, SNAPSHOT_VERSION, type SnapshotData } from './snapshot-file.js';
import { runInSlices, type Steps } from './time-slices.js';

/** How often the writer looks for articles without a row (only when the index changed, or some waited for their signals). */
const CHECK_EVERY_MS = 1_000;
/** Rows per write statement. */
const WRITE_BATCH = 500;
/** Encoding re-reads an article's terms (~0.5 ms): done in slices so requests are not held up. */
const SLICE_MS = 8;

/** Every usable row of the shared store (only those of `ids`, when given), as a snapshot; null when there is none or they cannot be read. Rows that do not decode are left out (and logged). */
export async function readSharedRows(shared: SharedDerivedRows, inputs: string, logger: Logger, ids?: readonly string[]): Promise<SnapshotData | null> {
  const started = performance.now();
  const assembler = new DerivedRowsAssembler();
  let refused = 0;
  try {
    for await (const batch of shared.read(SNAPSHOT_VERSION, inputs, ids)) {
      for (const row of batch) if (!assembler.add(row, row.data)) refused++;
    }
  } catch (err) {
    // A cache that cannot be read must not stop the start.
    logger.warn({ event: 'derived_rows_read_failed', err }, 'shared derived rows could not be read; articles are read from their text');
    return null;
  }
  if (refused > 0) logger.warn({ event: 'derived_rows_unreadable', rows: refused }, 'shared derived rows that do not decode are ignored; their articles are read from their text');
  logger.info({ event: 'derived_rows_read', rows: assembler.rows, asked: ids?.length ?? 'all', readMs: Math.round(performance.now() - started) }, 'shared derived rows read');
  return assembler.rows > 0 ? assembler.finish(inputs) : null;
}

export interface SharedRowWriterDeps {
  shared: SharedDerivedRows;
  inputs: string;
  store: BriefingStore;
  index: SearchIndex;
  stories: StoryIndex;
  logger: Logger;
  /** Stored articles whose row in the store was used at start (nothing to write for them). */
  usable: Iterable<string>;
  /** Asked at start: resolves once the near-duplicate check has filed every stored article (a background build an add waits for, as for the stories'); none: nothing to wait for. */
  filed?: () => Promise<void>;
}

export class SharedRowWriter {
  /** Records whose row is in the store (written by us or used at start): by object, so a removed and re-added article is written again. */
  private readonly written = new WeakSet<StoredArticle>();
  /** Records other instances added: theirs to write. */
  private readonly others = new WeakSet<StoredArticle>();
  /** The index's change count at the last look (null: look at the next tick). */
  private seen: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;
  /** Terms the index was given since the last pass (own adds' among them): encoded as they are rather than read from the text again. */
  private prepared = new Map<string, PreparedDocument>();
  private stopHearingPrepared: (() => void) | null = null;
  /** Ids that may lack a row: those without a usable one at start, then every article the index was given. A pass looks at these, not at every stored article (a walk of the whole store each second while adds come in). */
  private readonly candidates = new Set<string>();
  private running: Promise<void> | null = null;
  /** Whether the near-duplicate check's background filing is over. */
  private filed = false;

  constructor(private readonly d: SharedRowWriterDeps) {
    for (const id of d.usable) {
      const article = d.store.getArticle(id);
      if (article) this.written.add(article);
    }
    for (const article of d.store.listArticles()) if (!this.written.has(article)) this.candidates.add(article.id);
    // From now on (seeds go in before the start); terms are kept only once started, as a first start's reads from text would be every article's.
    this.stopHearingPrepared = d.index.onPrepared((id, prepared) => {
      this.candidates.add(id);
      if (this.timer) this.prepared.set(id, prepared);
    });
  }

  start(): void {
    void (this.d.filed?.() ?? Promise.resolve()).then(() => {
      this.filed = true;
      if (this.timer) void this.flush();
    });
    this.stopListening = this.d.store.onRemoteChange((change) => {
      // The stored article (memory's object, without the body), not the change's copy.
      const stored = change.kind === 'article-added' ? this.d.store.getArticle(change.article.id) : undefined;
      if (stored) this.others.add(stored);
    });
    this.timer = setInterval(() => void this.flush(), CHECK_EVERY_MS);
    this.timer.unref();
    void this.flush();
  }

  /** Stops looking, then writes the rows still missing whose signals are known. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopListening?.();
    this.stopHearingPrepared?.();
    await this.running;
    this.seen = null;
    await this.flush();
  }

  private flush(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const { index, store, stories } = this.d;
    if (this.seen === index.changes) return;
    // While the background builds after a start run (the story build reading the
    // stored articles' signals, the near-duplicate check filing them: after a first
    // start, every article's), the rows wait for them to end instead of sharing the
    // main thread with them, reading each article's text again: an add waits for
    // those builds, and at 100,000 articles the first one waited ~47 s instead of
    // ~2 s (decision 037). Closing (no timer) writes what it can, as before.
    if (this.timer !== null && !(stories.indexed() && this.filed)) return;
    this.seen = index.changes;
    // Terms heard from now on are the next pass's; those of articles not written in this one are read again if ever needed.
    const prepared = this.prepared;
    this.prepared = new Map();
    const todo: StoredArticle[] = [];
    let waiting = 0;
    for (const id of this.candidates) {
      const article = store.getArticle(id);
      if (!article || this.written.has(article) || this.others.has(article)) {
        this.candidates.delete(id);
        continue;
      }
      if (stories.packedSignalsFor(id)) todo.push(article);
      else waiting++;
    }
    // Articles whose signals the story build has not read yet: look again at the next tick.
    if (waiting > 0) this.seen = null;
    for (let from = 0; from < todo.length; from += WRITE_BATCH) {
      const batch = todo.slice(from, from + WRITE_BATCH);
      if (!(await this.write(batch, todo.length - from - batch.length + waiting, prepared))) {
        this.seen = null;
        return;
      }
    }
  }

  /** Writes one batch; false when the store refused the statement (tried again later). */
  private async write(articles: readonly StoredArticle[], pending: number, prepared: ReadonlyMap<string, PreparedDocument>): Promise<boolean> {
    const started = performance.now();
    const rows = await this.encode(articles, prepared);
    try {
      const written = await this.d.shared.write(SNAPSHOT_VERSION, this.d.inputs, rows);
      // Also those the store left alone (removed meanwhile, a newer version's row): nothing to retry for them.
      for (const a of articles) this.written.add(a);
      this.d.logger.info({ event: 'derived_rows_written', rows: written.length, pending, ms: Math.round(performance.now() - started) }, 'shared derived rows written');
      return true;
    } catch (err) {
      this.d.logger.warn({ event: 'derived_rows_write_failed', rows: rows.length, err }, 'shared derived rows not written; will try again');
      return false;
    }
  }

  private async encode(articles: readonly StoredArticle[], prepared: ReadonlyMap<string, PreparedDocument>): Promise<StoredDerivedRow[]> {
    // No command awaits rows: while the writer runs, each slice waits for the commands in flight (decision 040: after
    // a first start, re-reading every article's text shared the main thread with a burst of adds); closing, it does not wait.
    return (await runInSlices(this.encodeSteps(articles, prepared), SLICE_MS, { giveWay: () => this.timer !== null }))!;
  }

  private *encodeSteps(articles: readonly StoredArticle[], prepared: ReadonlyMap<string, PreparedDocument>): Steps<StoredDerivedRow[]> {
    const rows: StoredDerivedRow[] = [];
    for (const article of articles) {
      const signals = this.d.stories.signalsFor(article.id);
      const data = signals && encodeDerivedRow({ prepared: prepared.get(article.id) ?? this.d.index.prepare(articleWithBody(this.d.store, article)), signals });
      if (data) rows.push({ id: article.id, fingerprint: article.fingerprint, stamp: articleStamp(article), data });
      yield;
    }
    return rows;
  }

}
