// GrowingPairs (src/snapshot/growing-pairs.ts): pairs appended past the first
// capacity, many times over, read back in order and nothing beyond them.
import { describe, expect, it } from 'vitest';
import { GrowingPairs } from '../../src/snapshot/growing-pairs.js';

describe('GrowingPairs', () => {
  it('keeps every pair in order across growths', () => {
    const pairs = new GrowingPairs(3);
    const n = 10_000;
    for (let i = 0; i < n; i++) pairs.push(i * 7, (i * 2654435761) >>> 0);
    expect(pairs.length).toBe(n);
    const ids = pairs.ids();
    const values = pairs.values();
    expect(ids.length).toBe(n);
    expect(values.length).toBe(n);
    for (let i = 0; i < n; i++) {
      expect(ids[i]).toBe(i * 7);
      expect(values[i]).toBe((i * 2654435761) >>> 0);
    }
  });
});
