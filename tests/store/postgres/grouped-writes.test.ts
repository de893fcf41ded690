// Group commit without a database: which writes go together, and what a failed statement does.
import { describe, expect, it } from 'vitest';
import { GroupedWrites } from '../../../src/store/postgres/grouped-writes.js';

/** A write that records its batches, refuses any batch holding a negative number, and answers each item doubled once `release` is called. */
function recorder() {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const write = async (items: readonly number[]) => {
    batches.push([...items]);
    await gate;
    if (items.some((i) => i < 0)) throw new Error(`refused ${items.join(',')}`);
    return items.map((i) => i * 2);
  };
  return {
    batches,
    write,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

describe('GroupedWrites', () => {
  it('writes asked for in one turn go in one statement; those asked while it is in flight go together in the next', async () => {
    const r = recorder();
    const grouped = new GroupedWrites(r.write, { maxBatch: 3 });
    r.hold();
    const first = [1, 2, 3, 4].map((i) => grouped.submit(i));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [5, 6].map((i) => grouped.submit(i));
    r.release();
    expect(await Promise.all([...first, ...later])).toEqual([2, 4, 6, 8, 10, 12]);
    expect(r.batches).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('a failed statement is tried again in halves, in order: only the bad write fails, with its own error', async () => {
    const r = recorder();
    const grouped = new GroupedWrites(r.write);
    const results = await Promise.allSettled([1, 2, -3, 4, 5].map((i) => grouped.submit(i)));
    expect(results.map((x) => (x.status === 'fulfilled' ? x.value : (x.reason as Error).message))).toEqual([2, 4, 'refused -3', 8, 10]);
    expect(r.batches).toEqual([[1, 2, -3, 4, 5], [1, 2, -3], [1, 2], [-3], [4, 5]]);
  });

  it('while more writes are on their way (holdWhile), the statement waits for them a turn at a time; a lone write does not wait', async () => {
    const r = recorder();
    let coming = 3;
    const grouped = new GroupedWrites(r.write, { holdWhile: () => coming > 0, maxHoldMs: 10_000 });
    const asked: Promise<number>[] = [grouped.submit(1)];
    // One write a turn, as a burst of adds reaches the store: all go in the one statement.
    for (let i = 2; i <= 4; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      asked.push(grouped.submit(i));
      coming--;
    }
    expect(await Promise.all(asked)).toEqual([2, 4, 6, 8]);
    expect(r.batches).toEqual([[1, 2, 3, 4]]);
    // Nothing on its way: the next write goes at its turn.
    expect(await grouped.submit(5)).toBe(10);
    expect(r.batches).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('a held statement goes after maxHoldMs even if the writes said to be coming never come, and at once when full', async () => {
    const r = recorder();
    const grouped = new GroupedWrites(r.write, { holdWhile: () => true, maxHoldMs: 30 });
    const started = performance.now();
    expect(await grouped.submit(1)).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    // Held for a minute unless full: the test would time out.
    const full = new GroupedWrites(r.write, { holdWhile: () => true, maxHoldMs: 60_000, maxBatch: 2 });
    expect(await Promise.all([full.submit(2), full.submit(3)])).toEqual([4, 6]);
    expect(r.batches).toEqual([[1], [2, 3]]);
  });
});
