// Typo neighbours: a start's terms are filed in bulk (hashes of their keys in
// sorted typed arrays), later terms one by one under their key strings; both
// answer as a scan of every term for one that shares a SymSpell key and is
// within the typo budget.
import { describe, expect, it } from 'vitest';
import { deletionKeys } from '../../src/search/deletion-keys.js';
import { TypoNeighbours } from '../../src/search/typo-neighbours.js';
import { editDistance, typoBudget } from '../../src/text/edit-distance.js';

const TERMS = ['otomotif', 'otomatis', 'kendaraan', 'listrik', 'baterai', 'battery', 'batteries', 'investasi', 'investment', 'hidrogen', 'hydrogen', 'ijepa', 'jepang', 'industri', 'industry', 'motor', 'nikel', 'nickel'];
const WORDS = ['otomotf', 'otomotiv', 'kendaran', 'lsitrik', 'bateray', 'batery', 'investsi', 'hidrogne', 'ijpea', 'industr', 'nikkel', 'industri', 'zzzzzz'];

/** The answer by definition: every term sharing a key with the word, within its budget, sorted. */
function scanned(terms: readonly string[], word: string): string[] {
  if (word.length < 5 || typoBudget(word.length) === 0) return [];
  const keys = new Set(deletionKeys(word));
  const budget = typoBudget(word.length);
  const hits = terms.filter((t) => t.length >= 5 && t !== word && deletionKeys(t).some((k) => keys.has(k)) && editDistance(word, t, budget) <= budget);
  return [...new Set(hits)].sort();
}

function randomTerms(count: number, seed: number): string[] {
  const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const letters = 'aeiknrst';
  const terms: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    for (let n = 4 + Math.floor(next() * 7); n > 0; n--) t += letters[Math.floor(next() * letters.length)]!;
    terms.push(t);
  }
  return [...new Set(terms)];
}

describe('typo neighbours', () => {
  it('answers the same from terms filed in bulk as from terms filed one by one', () => {
    const bulk = new TypoNeighbours();
    bulk.addAll(TERMS);
    const single = new TypoNeighbours();
    for (const t of TERMS) single.add(t);
    expect(bulk.near('otomotf')).toEqual(['otomotif']);
    expect(bulk.near('bateray')).toEqual(['baterai']);
    expect(WORDS.map((w) => bulk.near(w))).toEqual(WORDS.map((w) => single.near(w)));
    expect(WORDS.map((w) => bulk.near(w))).toEqual(WORDS.map((w) => scanned(TERMS, w)));
  });

  it('finds terms added after the bulk as well', () => {
    const typos = new TypoNeighbours();
    typos.addAll(TERMS.slice(0, 9));
    for (const t of TERMS.slice(9)) typos.add(t);
    expect(typos.near('hidrogne')).toEqual(['hidrogen']);
    expect(WORDS.map((w) => typos.near(w))).toEqual(WORDS.map((w) => scanned(TERMS, w)));
    // A second bulk after terms are filed is filed one by one: the same answers.
    const again = new TypoNeighbours();
    again.add('otomatis');
    again.addAll(TERMS);
    expect(WORDS.map((w) => again.near(w))).toEqual(WORDS.map((w) => scanned(TERMS, w)));
  });

  it('answers as a scan of every term over 30,000 random terms (many keys shared)', () => {
    const terms = randomTerms(30_000, 11);
    const words = terms.slice(0, 60).map((t, i) => (i % 3 === 0 ? t.slice(1) : i % 3 === 1 ? t.slice(0, 2) + 'e' + t.slice(2) : t.slice(0, 1) + t[2]! + t[1]! + t.slice(3)));
    const typos = new TypoNeighbours();
    typos.addAll(terms.slice(0, 25_000));
    for (const t of terms.slice(25_000)) typos.add(t);
    const want = words.map((w) => scanned(terms, w));
    expect(want.flat().length).toBeGreaterThan(60);
    expect(words.map((w) => typos.near(w))).toEqual(want);
  });
});
