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
});
