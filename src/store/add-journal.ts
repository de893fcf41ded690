// Acknowledging adds through an append-only journal, folded into the shards later.
// Appending an article to its shard copies the shard (2.6 MB at 100,000 articles)
// and costs ~9 file operations per add; a burst of 50 adds touches ~40 shards.
// Here adds waiting at the same moment go out as one appended line (one write for
// N articles) and are acknowledged once it is written; the articles wait in memory
// (bodies too) until a fold appends each shard's waiting articles to it in one
// shard write (15 s later, or once 16 MB wait). A fold starts a new journal
// file first, and removes the old files once every article in them is in its
// shard; a start reads any journal left (journal-files.ts) and skips what its
// shards already hold, so a crash anywhere loses nothing acknowledged. A removal
// folds everything first, so no journal line can bring the article back.
import { closeSync, openSync, writeSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { storedPart, type ArticleRecord, type KeyFigure, type StoredArticle } from '../model/article.js';
import { journalNumbers, journalPath, readJournalFile } from './journal-files.js';

/** An acknowledged article not yet in its shard file. */
export interface Journaled {
  shard: number;
  stored: StoredArticle;
  body: string;
  keyFigures: KeyFigure[] | undefined;
  /** The number of the journal file holding it. */
  file: number;
}

export interface JournalHooks {
  /** Appends these articles to shard `shard`'s file; resolves once the file holds them. */
  fold: (shard: number, entries: readonly Journaled[]) => Promise<void>;
  /** Runs before each journal write; throwing fails it (the folder's lock was lost). */
  beforeWrite: () => Promise<void>;
  /** Turns a failed write of `file` into the error callers see. */
  describeFailure: (file: string, cause: unknown) => unknown;
  /** A fold nobody waits for failed (the articles stay in the journal and memory; the next fold tries again). */
  backgroundFoldFailed: (err: unknown) => void;
}

interface Waiting {
  shard: number;
  record: ArticleRecord;
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface JournalFile {
  n: number;
  /** Opened by its first write. */
  fd: number | null;
  size: number;
}

/**
 * Fold once this much body text waits in memory, or this long after the first
 * waiting add. A fold copies every shard it appends to (all 128 once a few
 * hundred adds wait), so the longer the wait the fewer copies per article: at
 * 300 adds/s, ~4,500 articles (~14 MB) per fold, 0.03 shard copies per article
 * where appending each add to its shard made ~0.8 (bursts of 50 touch ~40 shards).
 */
const FOLD_BYTES = 16 * 2 ** 20;
const FOLD_AFTER_MS = 15_000;
/** Shard writes at once during a fold: the rest of the thread pool stays free for the adds' own writes. */
const FOLD_CONCURRENCY = 2;

const journaled = (record: ArticleRecord, shard: number, file: number): Journaled => ({ shard, stored: storedPart(record), body: record.body, keyFigures: record.keyFigures, file });

export class AddJournal {
  private readonly held = new Map<string, Journaled>();
  private heldBytes = 0;
  private queue: Waiting[] = [];
  private writing: Promise<void> | null = null;
  /** The journal write in flight (never rejects). */
  private inFlight: Promise<void> = Promise.resolve();
  private current: JournalFile | null = null;
  private nextNumber: number;
  /** Journal files that may exist on disk. */
  private readonly onDisk: Set<number>;
  private folding: Promise<void> = Promise.resolve();
  private queuedFold: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly dir: string,
    existing: readonly number[],
    replayed: readonly Journaled[],
    private readonly hooks: JournalHooks,
  ) {
    this.onDisk = new Set(existing);
    this.nextNumber = (existing.at(-1) ?? 0) + 1;
    for (const e of replayed) this.hold(e);
    if (this.onDisk.size > 0) this.foldLater();
  }

  /** Reads the journal a data folder holds: the articles it acknowledged that `isStored` says no shard holds wait to be folded. */
  static open(dir: string, isStored: (id: string) => boolean, shardOf: (id: string) => number, hooks: JournalHooks): AddJournal {
    const existing = journalNumbers(dir);
    const replayed: Journaled[] = [];
    const seen = new Set<string>();
    for (const n of existing) {
      for (const record of readJournalFile(journalPath(dir, n))) {
        if (isStored(record.id) || seen.has(record.id)) continue;
        seen.add(record.id);
        replayed.push(journaled(record, shardOf(record.id), n));
      }
    }
    return new AddJournal(dir, existing, replayed, hooks);
  }

  /** The articles waiting to be folded, in the order they were acknowledged. */
  waiting(): IterableIterator<Journaled> {
    return this.held.values();
  }

  /** The article if it is acknowledged but not yet in its shard file. */
  holding(id: string): Journaled | undefined {
    return this.held.get(id);
  }

  /** Resolves once the article is on disk (in the journal); rejects, writing nothing that counts, if it could not be. */
  add(shard: number, record: ArticleRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ shard, record, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Folds every article acknowledged so far into its shard and removes the journal files holding them; rejects if a write failed. */
  async settle(): Promise<void> {
    if (this.onDisk.size > 0 || this.held.size > 0) await this.fold();
  }

  /** Waits for the writes in flight and folds what waits (a journal left behind is read at the next start). */
  async close(): Promise<void> {
    while (this.writing) await this.writing;
    await this.fold().catch(() => undefined);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<void> {
    // Adds made in this turn of the event loop go out together.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const file = (this.current ??= this.create());
      const done = this.append(file, batch);
      this.inFlight = done;
      await done;
    }
    this.writing = null;
  }

  private create(): JournalFile {
    const n = this.nextNumber++;
    this.onDisk.add(n);
    return { n, fd: null, size: 0 };
  }

  /**
   * One line for the whole batch; acknowledged only once all of it, newline last, is
   * written. Written from this thread: a line is a few KB into the page cache (tens of
   * microseconds), where handing it to the thread pool cost a round trip per line that
   * a loaded machine stretched to milliseconds, with every add of the batch waiting.
   */
  private async append(file: JournalFile, batch: readonly Waiting[]): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(batch.map((w) => w.record))}\n`, 'utf8');
    try {
      await this.hooks.beforeWrite();
      file.fd ??= openSync(journalPath(this.dir, file.n), 'wx');
      for (let done = 0; done < line.length; ) {
        const bytesWritten = writeSync(file.fd, line, done, line.length - done, file.size + done);
        if (bytesWritten <= 0) throw Object.assign(new Error('journal write made no progress'), { code: 'EIO' });
        done += bytesWritten;
      }
      file.size += line.length;
    } catch (e) {
      // What reached the file is a line without its newline (never acknowledged, skipped
      // at start): later lines go to a new file, so such a line is always a file's last.
      if (this.current === file) this.current = null;
      closeFile(file);
      const err = this.hooks.describeFailure(journalPath(this.dir, file.n), e);
      for (const w of batch) w.reject(err);
      return;
    }
    for (const w of batch) this.hold(journaled(w.record, w.shard, file.n));
    for (const w of batch) w.resolve();
    if (this.heldBytes >= FOLD_BYTES) this.foldInBackground();
    else this.foldLater();
  }

  private hold(e: Journaled): void {
    this.held.set(e.stored.id, e);
    this.heldBytes += e.body.length;
  }

  private release(e: Journaled): void {
    if (this.held.get(e.stored.id) !== e) return;
    this.held.delete(e.stored.id);
    this.heldBytes -= e.body.length;
  }

  private foldLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.foldInBackground();
    }, FOLD_AFTER_MS);
    this.timer.unref();
  }

  private foldInBackground(): void {
    this.fold().catch((err: unknown) => this.hooks.backgroundFoldFailed(err));
  }

  /** One fold at a time; a fold asked for while one runs is the next one (shared by every caller meanwhile). */
  private fold(): Promise<void> {
    if (this.queuedFold) return this.queuedFold;
    const run = this.folding.then(() => {
      this.queuedFold = null;
      return this.foldOnce();
    });
    this.queuedFold = run;
    this.folding = run.catch(() => undefined);
    return run;
  }

  private async foldOnce(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // From here later adds go to a new file; every file numbered up to `upTo` takes no more lines.
    const last = this.current;
    this.current = null;
    const upTo = this.nextNumber - 1;
    await this.inFlight;
    if (last) closeFile(last);
    const byShard = new Map<number, Journaled[]>();
    for (const e of this.held.values()) {
      if (e.file > upTo) continue;
      const list = byShard.get(e.shard);
      if (list) list.push(e);
      else byShard.set(e.shard, [e]);
    }
    const failures: unknown[] = [];
    await inParallel([...byShard.entries()], FOLD_CONCURRENCY, async ([shard, entries]) => {
      try {
        await this.hooks.fold(shard, entries);
        for (const e of entries) this.release(e);
      } catch (e) {
        failures.push(e);
      }
    });
    const stillNeeded = new Set([...this.held.values()].map((e) => e.file));
    for (const n of [...this.onDisk]) {
      if (n > upTo || stillNeeded.has(n)) continue;
      try {
        await unlink(journalPath(this.dir, n));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
          failures.push(this.hooks.describeFailure(journalPath(this.dir, n), e));
          continue;
        }
      }
      this.onDisk.delete(n);
    }
    if (failures.length > 0) {
      if (this.held.size > 0 || this.onDisk.size > 0) this.foldLater();
      throw failures[0];
    }
  }
}

function closeFile(file: JournalFile): void {
  if (file.fd === null) return;
  try {
    closeSync(file.fd);
  } catch {
    // already closed
  }
  file.fd = null;
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
