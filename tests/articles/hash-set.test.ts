// The near-duplicate check's set-aside keys: a set of 32-bit hashes that must
// answer as a JS Set would, for 0, for hashes above 2^31 and across growth, and
// list its hashes in the order they came (the snapshot keeps them so).
import { describe, expect, it } from 'vitest';
import { HashSet32 } from '../../src/articles/hash-set.js';

describe('hash set of 32-bit hashes', () => {
  it('answers as a Set for 0, the largest hash and hashes alike in their low bits', () => {
    const set = new HashSet32();
    const hashes = [0, 0xffffffff, 1, 2 ** 31, 0x10000, 0x20000, 0x30000];
    for (const h of hashes) set.add(h);
    set.add(0x10000);
    set.add(0);
    for (const h of hashes) expect(set.has(h)).toBe(true);
    for (const h of [3, 0xfffffffe, 0x40000, 2 ** 31 + 1]) expect(set.has(h)).toBe(false);
    expect(set.size).toBe(hashes.length);
    expect(set.values()).toEqual(hashes);
  });

  it('keeps every hash through growth and lists them in the order added', () => {
    const set = new HashSet32();
    const reference = new Set<number>();
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 20_000; i++) {
      const h = i % 7 === 0 ? ((next() & 0xfff) << 20) >>> 0 : next(); // some alike in their low bits
      set.add(h);
      reference.add(h);
    }
    expect(set.size).toBe(reference.size);
    expect(set.values()).toEqual([...reference]);
    for (const h of reference) expect(set.has(h)).toBe(true);
    let absent = 0;
    for (let i = 0; i < 20_000; i++) {
      const h = next();
      expect(set.has(h)).toBe(reference.has(h));
      if (!reference.has(h)) absent += 1;
    }
    expect(absent).toBeGreaterThan(19_000);
  });
});
