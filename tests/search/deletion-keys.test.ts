// The look-up's scan of terms not filed yet decides "shares a deletion key"
// without building keys; it must agree with the keys themselves.
import { describe, expect, it } from 'vitest';
import { deletionKeys, sharesDeletionKey } from '../../src/search/deletion-keys.js';

function byKeys(a: string, b: string): boolean {
  const keys = new Set(deletionKeys(a));
  return deletionKeys(b).some((k) => keys.has(k));
}

/** A small deterministic generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function edited(word: string, next: () => number, alphabet: string): string {
  let w = word;
  const edits = Math.floor(next() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (w.length + 1));
    const letter = alphabet[Math.floor(next() * alphabet.length)]!;
    const kind = Math.floor(next() * 4);
    if (kind === 0) w = w.slice(0, at) + letter + w.slice(at);
    else if (kind === 1 && w.length > 0) w = w.slice(0, at) + w.slice(at + 1);
    else if (kind === 2 && at < w.length) w = w.slice(0, at) + letter + w.slice(at + 1);
    else if (at + 1 < w.length) w = w.slice(0, at) + w[at + 1]! + w[at]! + w.slice(at + 2);
  }
  return w;
}

describe('sharesDeletionKey', () => {
  it('meets substitutions, insertions, deletions and transpositions, as the keys do', () => {
    for (const [a, b, want] of [
      ['ijepa', 'ijpea', true],
      ['biofuel', 'biofeul', true],
      ['recycling', 'recyling', true],
      ['kendaraan', 'kendaran', true],
      ['listrik', 'lestrak', false],
      ['nikel', 'nickel', true],
      ['abcdef', 'bcdefa', true],
      ['abcdef', 'badcfe', false],
      ['abcde', 'abcde', true],
      ['abcde', 'abc', false],
      ['ab', 'ba', true],
      ['abxcd', 'abcyd', true],
    ] as const) {
      expect(sharesDeletionKey(a, b), `${a} ~ ${b}`).toBe(want);
      expect(sharesDeletionKey(b, a), `${b} ~ ${a}`).toBe(want);
      expect(byKeys(a, b), `keys of ${a} ~ ${b}`).toBe(want);
    }
  });

  it('agrees with the keys on 200,000 random pairs of near and far words', () => {
    const next = random(20261203);
    const alphabet = 'abcae';
    let met = 0;
    for (let n = 0; n < 200_000; n++) {
      const length = 1 + Math.floor(next() * 9);
      let a = '';
      for (let i = 0; i < length; i++) a += alphabet[Math.floor(next() * alphabet.length)]!;
      const b = next() < 0.8 ? edited(a, next, alphabet) : edited(a.split('').reverse().join(''), next, alphabet);
      const want = byKeys(a, b);
      if (sharesDeletionKey(a, b) !== want || sharesDeletionKey(b, a) !== want) expect.fail(`${a} ~ ${b}: keys say ${want}`);
      if (want) met++;
    }
    // Both answers occur often, so the comparison says something.
    expect(met).toBeGreaterThan(40_000);
    expect(met).toBeLessThan(160_000);
  });
});
