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

  it('ranks after a removal or a replacement as an index built without the old document would', () => {
    const docs = [
      doc('a', 'nickel smelter', 'nickel smelter sulawesi'),
      doc('b', 'nickel battery', 'nickel battery plant'),
      doc('c', 'steel mill', 'steel smelter output'),
      doc('d', 'tin', 'tin export'),
    ];
    const query = new Map([['smelter', 1], ['nickel', 1], ['steel', 0.5]]);
    const changed = new InvertedIndex(3);
    for (const d of docs) changed.add(d);
    changed.remove('a');
    changed.add(doc('c', 'steel mill', 'steel output'));
    const fresh = new InvertedIndex(3);
    for (const d of [docs[1]!, docs[3]!, doc('c', 'steel mill', 'steel output')]) fresh.add(d);
    expect(asMap(changed, changed.score(query))).toEqual(asMap(fresh, fresh.score(query)));
    expect(changed.documentFrequency('smelter')).toBe(0);
    expect(changed.documentFrequency('nickel')).toBe(1);
  });

  it('counts removals in bulk-loaded (typed) postings too', () => {
    const many = Array.from({ length: 40 }, (_, i) => doc(`d${i}`, 'zinc', i % 2 === 0 ? 'zinc ore' : 'zinc'));
    const changed = new InvertedIndex(3);
    const vocabulary = ['zinc', 'ore'];
    const termIds: number[] = [];
    const packed: number[] = [];
    const start: number[] = [0];
    for (let i = 0; i < many.length; i++) {
      termIds.push(0);
      packed.push(2 ** 16 + 1);
      if (i % 2 === 0) {
        termIds.push(1);
        packed.push(1);
      }
      start.push(termIds.length);
    }
    const body = many.map((d) => d.body.length);
    changed.load(vocabulary, { ids: many.map((d) => d.id), headLen: many.map(() => 1), bodyLen: body, start, termIds, packed });
    for (let i = 0; i < 30; i += 2) changed.remove(`d${i}`);
    expect(changed.documentFrequency('ore')).toBe(5);
    expect(changed.documentFrequency('zinc')).toBe(25);
    const fresh = new InvertedIndex(3);
    for (const d of many.filter((_, i) => !(i < 30 && i % 2 === 0))) fresh.add(d);
    const query = new Map([['ore', 1], ['zinc', 1]]);
    const a = asMap(changed, changed.score(query));
    const b = asMap(fresh, fresh.score(query));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [id, v] of b) expect(a.get(id)!).toBeCloseTo(v, 12);
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
