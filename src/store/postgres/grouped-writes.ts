// Group commit for one kind of write: the writes asked for while one statement
// is in flight go together in the next, so a burst of concurrent adds costs a
// few statements (one transaction and one round trip each) instead of one per
// add, and a lone write waits for nothing but the turn of the event loop it was
// asked in. Each write's promise settles only once its statement has committed
// (durable when answered). A statement that fails is tried again in halves, in
// order, down to single writes, so a bad row fails only its own write, with its
// own error, and rows that clash still go first-come as one by one.
// Decision 036.

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

export interface GroupedWritesOptions {
  /** Writes per statement at most (a statement's size grows with it). */
  maxBatch?: number;
}

export class GroupedWrites<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private busy = false;
  private readonly maxBatch: number;

  /** `write` returns one outcome per item, in the items' order. */
  constructor(
    private readonly write: (items: readonly I[]) => Promise<readonly O[]>,
    options: GroupedWritesOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
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
      while (this.queue.length > 0) await this.run(this.queue.splice(0, this.maxBatch));
    } finally {
      this.busy = false;
    }
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
