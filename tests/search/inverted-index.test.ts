import { describe, expect, it } from 'vitest';
import { InvertedIndex } from '../../src/search/inverted-index.js';

type Scored = ReturnType<InvertedIndex['score']>;
const idsOf = (ix: InvertedIndex, r: Scored) => [...r.slots].map((slot) => ix.idOf(slot));
const asMap = (ix: InvertedIndex, r: Scored) => new Map(idsOf(ix, r).map((id, i) => [id, r.scores[i]!]));
import { TypoNeighbours } from '../../src/search/typo-neighbours.js';

const doc = (id: string, head: string, body: string) => ({ id, head: head.split(' '), body: body.split(' ') });

describe('InvertedIndex', () => {
  it('scores rarer terms and head matches higher (BM25F)', () => {
    const ix = new InvertedIndex(3);
    ix.add(doc('a', 'nickel smelter', 'nickel plant opens in sulawesi'));
    ix.add(doc('b', 'battery plant', 'nickel supply for the battery plant'));
    ix.add(doc('c', 'steel mill', 'steel output rises'));
    const s = asMap(ix, ix.score(new Map([['smelter', 1]])));
    expect([...s.keys()]).toEqual(['a']);
    const n = asMap(ix, ix.score(new Map([['nickel', 1]])));
    expect(n.get('a')!).toBeGreaterThan(n.get('b')!); // in the head of a, only the body of b
    expect(n.has('c')).toBe(false);
  });

  it('weighs terms by the weight they are asked with', () => {
    const ix = new InvertedIndex(3);
    ix.add(doc('a', 'x', 'mobil listrik'));
    ix.add(doc('b', 'y', 'electric car'));
    const s = asMap(ix, ix.score(new Map([['electric', 1], ['listrik', 0.5]])));
    expect(s.get('b')!).toBeGreaterThan(s.get('a')!);
  });

  it('forgets removed documents, and re-adding replaces', () => {
    const ix = new InvertedIndex(3);
    ix.add(doc('a', 'zinc', 'zinc'));
    ix.add(doc('b', 'zinc', 'zinc'));
    ix.remove('a');
    expect(idsOf(ix, ix.score(new Map([['zinc', 1]])))).toEqual(['b']);
    expect(ix.size).toBe(1);
    ix.add(doc('b', 'tin', 'tin'));
    expect(idsOf(ix, ix.score(new Map([['zinc', 1]])))).toEqual([]);
    expect([...ix.liveIds()]).toEqual(['b']);
  });
});

describe('TypoNeighbours', () => {
  it('finds substitutions, insertions, deletions and transpositions, never the word itself', () => {
    const t = new TypoNeighbours();
    for (const w of ['ijepa', 'biofuel', 'recycling', 'kendaraan', 'listrik']) t.add(w);
    expect(t.near('ijpea')).toEqual(['ijepa']);
    expect(t.near('biofeul')).toEqual(['biofuel']);
    expect(t.near('recyling')).toEqual(['recycling']);
    expect(t.near('kendaran')).toEqual(['kendaraan']);
    expect(t.near('listrik')).toEqual([]);
    expect(t.near('lestrak')).toEqual([]);
  });
});
