// Group commit for one kind of write: the writes asked for while one statement
// is in flight go together in the next, so a burst of concurrent adds costs a
// few statements (one transaction and one round trip each) instead of one per
// add, and a lone write waits for nothing but the turn of the event loop it was
// asked in. Each write's promise settles only once its statement has committed
// (durable when answered). A statement that fails is tried again in halves, in
// order, down to single writes, so a bad row fails only its own write, with its
// own error, and rows that clash still go first-come as one by one.
// Decision 036.
//
// A burst of adds derives one article per turn of the event loop (the derive
// pool's hand-over), so a write asked for in one turn found the previous
// statement done and went alone: at 100,000 articles on PostgreSQL, 499 adds in
// batches of 50 took ~370 statements, each costing the main thread its
// round trip and the core a wake-up of the server. A statement may now wait
// while `holdWhile` answers true (more writes are on their way: commands in
// flight that have not reached the store yet), a turn at a time and
// `maxHoldMs` at most; a lone write still waits for nothing but its turn.
// Decision 036, ninth-session section.

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

export interface GroupedWritesOptions {
  /** Writes per statement at most (a statement's size grows with it). */
  maxBatch?: number;
  /** Asked before each statement: true while more writes are on their way, so the statement waits for them (a turn of the event loop at a time). */
  holdWhile?: () => boolean;
  /** How long a statement waits for more writes at most (default HOLD_MAX_MS). */
  maxHoldMs?: number;
}

/** A write waits this long at most for others on their way (an add's commit answers it, so this is added to its reply's time in a burst). */
export const HOLD_MAX_MS = 25;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class GroupedWrites<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private busy = false;
  private readonly maxBatch: number;
  private readonly holdWhile: () => boolean;
  private readonly maxHoldMs: number;

  /** `write` returns one outcome per item, in the items' order. */
  constructor(
    private readonly write: (items: readonly I[]) => Promise<readonly O[]>,
    options: GroupedWritesOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.holdWhile = options.holdWhile ?? (() => false);
    this.maxHoldMs = options.maxHoldMs ?? HOLD_MAX_MS;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length === 1 && !this.busy) setImmediate(() => void this.drain());
    });
  }

  /** One statement at a time; what queued meanwhile goes in the next. */
  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length > 0) {
        await this.untilGathered();
        await this.run(this.queue.splice(0, this.maxBatch));
      }
    } finally {
      this.busy = false;
    }
  }

  /** Waits, a turn at a time, while more writes are on their way and the statement has room (maxHoldMs at most). */
  private async untilGathered(): Promise<void> {
    const since = performance.now();
    while (this.queue.length < this.maxBatch && this.holdWhile() && performance.now() - since < this.maxHoldMs) await turn();
  }

  private async run(batch: readonly Waiting<I, O>[]): Promise<void> {
    try {
      const out = await this.write(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(out[i]!));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      // Which row was it? Halves, in order (the first of two clashing rows still wins): the others go in, the bad one gets its own error.
      const half = Math.ceil(batch.length / 2);
      await this.run(batch.slice(0, half));
      await this.run(batch.slice(half));
    }
  }
}
