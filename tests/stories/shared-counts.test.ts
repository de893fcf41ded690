// Story assignment counts, per stored entry, the names and numbers it shares
// with the new article in a small table of the entries it meets: each
// assignment starts from zero for every entry, any entry number is counted,
// and more entries than the table holds grow it without losing the counts
// already made.
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

  it('counts entries of any number', () => {
    const counts = new SharedCounts();
    counts.begin();
    counts.bump(5);
    counts.bump(1023);
    expect(counts.bump(70_000)).toBe(1);
    expect([counts.bump(5), counts.bump(1023), counts.bump(70_000)]).toEqual([2, 2, 2]);
    counts.begin();
    expect([counts.bump(70_000), counts.bump(5)]).toEqual([1, 1]);
  });

  it('keeps the counts made so far when more entries come than the table holds, and starts from zero after', () => {
    const counts = new SharedCounts();
    counts.begin();
    const entries = Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(entries.map((n) => counts.bump(n)).every((c) => c === 1)).toBe(true);
    expect(entries.map((n) => counts.bump(n)).every((c) => c === 2)).toBe(true);
    expect(counts.bump(entries[0]!)).toBe(3);
    counts.begin();
    expect([counts.bump(entries[0]!), counts.bump(entries[19_999]!), counts.bump(entries[0]!)]).toEqual([1, 1, 2]);
  });
});
