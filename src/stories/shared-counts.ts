// How many names and numbers each stored entry shares with the article being
// assigned. A story assignment at 100,000 articles walks ~1,700 postings of
// entries scattered over the whole corpus; counting them in flat arrays by
// entry number (800 KB) cost a cache miss per posting, the adds' allocation
// sweeping those arrays out of the cache between assignments (most of the
// candidate walk's time in a profile, decision 039). The entries one
// assignment meets are counted instead in a small open-addressing table
// (32 KB, emptied at each assignment), which stays in the cache.
import { mixedSlot } from '../mixed-slot.js';

export class SharedCounts {
  /** Per slot s: at 2s the entry number + 1 (0: an empty slot), at 2s + 1 its count. */
  private table = new Int32Array(2 * INITIAL_SLOTS);
  /** Slots in use in this assignment. */
  private used = 0;

  /** Starts counting for a new assignment: every entry's count is 0 again. */
  begin(): void {
    if (this.table.length > 2 * INITIAL_SLOTS) this.table = new Int32Array(2 * INITIAL_SLOTS); // an outlier grew it
    else if (this.used > 0) this.table.fill(0);
    this.used = 0;
  }

  /** Counts one more shared signal for entry `n` (a number >= 0) in this assignment; returns its count so far. */
  bump(n: number): number {
    const key = n + 1;
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    for (let s = mixedSlot(n, mask); ; s = (s + 1) & mask) {
      const held = table[2 * s]!;
      if (held === key) return ++table[2 * s + 1]!;
      if (held === 0) break;
    }
    if (2 * (this.used + 1) > table.length >> 1) this.grow();
    this.place(key, 1);
    this.used += 1;
    return 1;
  }

  /** Twice the slots, the counts so far kept (the table stays at most half full). */
  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 2) if (old[at] !== 0) this.place(old[at]!, old[at + 1]!);
  }

  private place(key: number, count: number): void {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let s = mixedSlot(key - 1, mask);
    while (table[2 * s] !== 0) s = (s + 1) & mask;
    table[2 * s] = key;
    table[2 * s + 1] = count;
  }
}

/** Slots of an emptied table: room for the ~1,700 entries an assignment at 100,000 articles meets at most half full. */
const INITIAL_SLOTS = 4096;
