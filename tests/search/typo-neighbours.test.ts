// Typo neighbours are filed in the background after start (filing ~90,000
// terms took ~1.7 s of a 100k restart); a look-up before that answers the
// same as after.
import { describe, expect, it } from 'vitest';
import { TypoNeighbours } from '../../src/search/typo-neighbours.js';

const TERMS = ['otomotif', 'otomatis', 'kendaraan', 'listrik', 'baterai', 'battery', 'batteries', 'investasi', 'investment', 'hidrogen', 'hydrogen', 'ijepa', 'jepang', 'industri', 'industry', 'motor', 'nikel', 'nickel'];
const WORDS = ['otomotf', 'otomotiv', 'kendaran', 'lsitrik', 'bateray', 'batery', 'investsi', 'hidrogne', 'ijpea', 'industr', 'nikkel', 'industri', 'zzzzzz'];

describe('typo neighbours', () => {
  it('answers a look-up before the terms are filed as after, and files them in the background', async () => {
    const typos = new TypoNeighbours();
    for (const t of TERMS) typos.add(t);
    // Nothing filed yet: the add only took the terms in.
    expect(typos.stats().filed).toBe(0);
    const before = WORDS.map((w) => typos.near(w));
    expect(typos.near('otomotf')).toEqual(['otomotif']);
    expect(typos.near('bateray')).toEqual(['baterai']);
    await typos.filed();
    expect(typos.stats()).toEqual({ terms: TERMS.filter((t) => t.length >= 5).length, filed: TERMS.filter((t) => t.length >= 5).length });
    expect(WORDS.map((w) => typos.near(w))).toEqual(before);
    typos.stop();
  });

  it('finds terms added after the filing as well, filed or not', async () => {
    const typos = new TypoNeighbours();
    for (const t of TERMS.slice(0, 9)) typos.add(t);
    await typos.filed();
    for (const t of TERMS.slice(9)) typos.add(t);
    const mixed = WORDS.map((w) => typos.near(w));
    expect(typos.near('hidrogne')).toEqual(['hidrogen']);
    await typos.filed();
    expect(WORDS.map((w) => typos.near(w))).toEqual(mixed);
    typos.stop();
  });

  it('answers the same while filing is part done, whatever the terms\' lengths', async () => {
    let seed = 11;
    const next = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const letters = 'aeiknrst';
    const terms: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      let t = '';
      for (let n = 4 + Math.floor(next() * 7); n > 0; n--) t += letters[Math.floor(next() * letters.length)]!;
      terms.push(t);
    }
    const words = terms.slice(0, 40).map((t, i) => (i % 2 === 0 ? t.slice(1) : t.slice(0, 2) + 'e' + t.slice(2)));
    const settled = new TypoNeighbours();
    for (const t of terms) settled.add(t);
    await settled.filed();
    const want = words.map((w) => settled.near(w));
    expect(want.flat().length).toBeGreaterThan(40);

    const typos = new TypoNeighbours();
    for (const t of terms) typos.add(t);
    const states = new Set<number>();
    while (typos.stats().filed < typos.stats().terms) {
      states.add(typos.stats().filed);
      expect(words.map((w) => typos.near(w))).toEqual(want);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    // Several part-filed states were seen, not just "none" and "all".
    expect(states.size).toBeGreaterThan(2);
    expect(words.map((w) => typos.near(w))).toEqual(want);
    settled.stop();
    typos.stop();
  });
});
