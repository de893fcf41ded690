// How many names and numbers each stored entry shares with the article being
// assigned, counted in typed arrays by entry number. A story assignment at
// 100,000 articles walks ~1,700 postings; counting on the entry objects
// themselves touched one scattered heap object per posting (and wrote to it),
// where numbers in a posting list and two flat arrays stay in cache.
export class SharedCounts {
  /** The assignment that last counted each entry (stale counts are reset on first touch). */
  private visitOf = new Int32Array(1024);
  private countOf = new Int32Array(1024);
  private visit = 0;

  /** Starts counting for a new assignment: every entry's count is 0 again. */
  begin(): void {
    this.visit += 1;
  }

  /** Counts one more shared signal for entry `n` in this assignment; returns its count so far. */
  bump(n: number): number {
    if (n >= this.visitOf.length) this.grow(n);
    if (this.visitOf[n] !== this.visit) {
      this.visitOf[n] = this.visit;
      this.countOf[n] = 0;
    }
    return ++this.countOf[n]!;
  }

  private grow(n: number): void {
    let size = this.visitOf.length;
    while (size <= n) size *= 2;
    const visits = new Int32Array(size);
    visits.set(this.visitOf);
    const counts = new Int32Array(size);
    counts.set(this.countOf);
    this.visitOf = visits;
    this.countOf = counts;
  }
}
