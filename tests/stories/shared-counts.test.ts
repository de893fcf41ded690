// Story assignment counts, per stored entry, the names and numbers it shares
// with the new article in flat arrays by entry number: each assignment starts
// from zero for every entry, and entry numbers past the arrays' size grow them
// without losing the counts already made.
import { describe, expect, it } from 'vitest';
import { SharedCounts } from '../../src/stories/shared-counts.js';

describe('shared counts', () => {
  it('counts per entry within one assignment and starts every entry from zero in the next', () => {
    const counts = new SharedCounts();
    counts.begin();
    expect([counts.bump(3), counts.bump(3), counts.bump(7), counts.bump(3)]).toEqual([1, 2, 1, 3]);
    counts.begin();
    expect([counts.bump(7), counts.bump(3), counts.bump(7)]).toEqual([1, 1, 2]);
  });

  it('keeps the counts made so far when an entry number outgrows the arrays', () => {
    const counts = new SharedCounts();
    counts.begin();
    counts.bump(5);
    counts.bump(1023);
    expect(counts.bump(70_000)).toBe(1);
    expect([counts.bump(5), counts.bump(1023), counts.bump(70_000)]).toEqual([2, 2, 2]);
    counts.begin();
    expect([counts.bump(70_000), counts.bump(5)]).toEqual([1, 1]);
  });
});
