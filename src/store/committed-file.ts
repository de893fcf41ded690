// One JSON file whose in-memory copy changes only once the disk holds the change.
// Changes that arrive while a write is in flight go out together in the next write
// (group commit: a burst of adds costs one write per file), yet every caller
// learns whether its own change reached the disk, and a failed write leaves the
// in-memory copy exactly as the disk has it: no ghost records. We serialise our
// own writes, so steno never coalesces (its coalescing misreports failures).
import type { Low } from 'lowdb';

export type Change<T> = (data: T) => T;

interface Waiting<T> {
  change: Change<T>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export interface CommitHooks<T> {
  /** Runs before each write; throwing fails the whole batch (e.g. the manifest must catch up first). */
  beforeWrite?: (committed: T) => Promise<void>;
  /** Final touch on the data about to be written (e.g. a generation number). */
  stamp?: (next: T, committed: T) => T;
  /** Writes `next` over `committed` (default: the whole file through lowdb); may return `next` as written, which memory then holds. */
  write?: (next: T, committed: T) => Promise<T | void>;
  /** Runs once memory holds `next`, with what it held before (e.g. to let go of the old file). */
  committed?: (previous: T) => void;
  /** Turns a failed write into the error callers see. */
  describeFailure: (cause: unknown) => unknown;
}

export class CommittedFile<T> {
  private queue: Waiting<T>[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    readonly file: string,
    /** The data as committed, and (for files written whole through lowdb) its writer. */
    private readonly db: { data: T; adapter?: Pick<Low<T>['adapter'], 'write'> },
    private readonly hooks: CommitHooks<T>,
  ) {}

  /** What the disk holds (as far as this process knows). */
  get data(): T {
    return this.db.data;
  }

  /** Resolves once a write containing `change` succeeded; rejects, changing nothing, if it failed. */
  change(change: Change<T>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ change, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Waits until no write is in flight or queued. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const committed = this.db.data;
      let next = committed;
      const applied: Waiting<T>[] = [];
      for (const w of batch) {
        try {
          next = w.change(next);
          applied.push(w);
        } catch (e) {
          w.reject(e);
        }
      }
      if (applied.length === 0) continue;
      try {
        await this.hooks.beforeWrite?.(committed);
        if (this.hooks.stamp) next = this.hooks.stamp(next, committed);
        if (this.hooks.write) next = (await this.hooks.write(next, committed)) ?? next;
        else await this.db.adapter!.write(next);
      } catch (e) {
        const err = this.hooks.describeFailure(e);
        for (const w of applied) w.reject(err);
        continue;
      }
      this.db.data = next;
      this.hooks.committed?.(committed);
      for (const w of applied) w.resolve();
    }
    this.writing = null;
  }
}
