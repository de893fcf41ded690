// How many names and numbers each stored entry shares with the article being
// assigned, counted in one typed array by entry number. A story assignment at
// 100,000 articles walks ~1,700 postings; counting on the entry objects
// themselves touched one scattered heap object per posting (and wrote to it),
// where numbers in a posting list and one flat array stay in cache. An entry's
// visit mark and count sit side by side, so a posting touches one cache line,
// not one in each of two arrays (decision 039).
export class SharedCounts {
  /** Per entry n: at 2n the assignment that last counted it (a stale count is reset on first touch), at 2n + 1 its count. */
  private marks = new Int32Array(2048);
  private visit = 0;

  /** Starts counting for a new assignment: every entry's count is 0 again. */
  begin(): void {
    this.visit += 1;
  }

  /** Counts one more shared signal for entry `n` in this assignment; returns its count so far. */
  bump(n: number): number {
    const at = 2 * n;
    if (at >= this.marks.length) this.grow(at);
    const marks = this.marks;
    if (marks[at] !== this.visit) {
      marks[at] = this.visit;
      marks[at + 1] = 0;
    }
    return ++marks[at + 1]!;
  }

  private grow(at: number): void {
    let size = this.marks.length;
    while (size <= at + 1) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.marks);
    this.marks = grown;
  }
}
