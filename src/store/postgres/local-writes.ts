// Our own writes to rows that other instances also change. A re-read of a row
// (after another instance's note) that overlaps one of our writes to it may
// return the row from before our write; since our own notes are skipped,
// memory would keep that older row for good. So a re-read first waits for our
// writes to its rows in flight, and reads again the rows we wrote meanwhile.

export class LocalWrites {
  /** Per row id: how many of our writes have started, and the latest one. */
  private readonly writes = new Map<string, { started: number; last: Promise<unknown> }>();

  /** Notes a write of ours to row `id`; returns it unchanged. */
  track<T>(id: string, write: Promise<T>): Promise<T> {
    const started = (this.writes.get(id)?.started ?? 0) + 1;
    this.writes.set(id, { started, last: write });
    return write;
  }

  /**
   * Re-reads rows `ids` with `read` (which applies what it read through the
   * `apply` it is given, for the rows no write of ours overlapped) until every
   * row has been applied from a read that no write of ours overlapped.
   */
  async reread<R>(ids: readonly string[], read: (ids: readonly string[]) => Promise<R>, apply: (read: R, ids: readonly string[]) => void): Promise<void> {
    let pending = ids;
    while (pending.length > 0) {
      const before = pending.map((id) => this.writes.get(id));
      await Promise.all(before.map((w) => w?.last.catch(() => undefined)));
      const result = await read(pending);
      const moved = pending.filter((id, i) => this.writes.get(id)?.started !== before[i]?.started);
      const still = new Set(moved);
      apply(
        result,
        pending.filter((id) => !still.has(id)),
      );
      pending = moved;
    }
  }
}
