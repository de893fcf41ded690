// Hands a pass's due roundups to its workers, claimed in batches: a worker that finds
// nothing claimed claims the next batch (one statement for all its keys, instead of
// one round trip per subscription) while the other workers go on sending. One batch
// is claimed at a time, so an instance holds at most about two batches of claims it
// has not started on, and instances passing together share the work batch by batch.
export class ClaimBatches<Item, Turn> {
  private readonly ready: Turn[] = [];
  private claiming: Promise<void> | null = null;

  /** `claim` must not reject: a batch it cannot claim it answers with no turns (and reports). */
  constructor(
    private readonly items: Item[],
    private readonly size: number,
    private readonly claim: (batch: Item[]) => Promise<Turn[]>,
  ) {}

  /** The next claimed turn, or null when every item has been handed out. */
  async next(): Promise<Turn | null> {
    for (;;) {
      if (this.ready.length > 0) return this.ready.shift()!;
      if (!this.claiming) {
        if (this.items.length === 0) return null;
        const batch = this.items.splice(0, this.size);
        this.claiming = this.claim(batch)
          .then((turns) => void this.ready.push(...turns))
          .finally(() => (this.claiming = null));
      }
      await this.claiming;
    }
  }
}
