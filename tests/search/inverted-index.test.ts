import { describe, expect, it } from 'vitest';
import { InvertedIndex } from '../../src/search/inverted-index.js';

type Scored = ReturnType<InvertedIndex['score']>;
const idsOf = (ix: InvertedIndex, r: Scored) => [...r.slots].map((slot) => ix.idOf(slot));
const asMap = (ix: InvertedIndex, r: Scored) => new Map(idsOf(ix, r).map((id, i) => [id, r.scores[i]!]));
import { TypoNeighbours } from '../../src/search/typo-neighbours.js';

/** The index numbered as the snapshot writer takes it, run to the end in one go. */
function numberedOf(ix: InvertedIndex) {
  const steps = ix.numberedSteps();
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

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

  it('extends typed postings loaded in bulk in place, scoring as an index built one add at a time', () => {
    const docs = Array.from({ length: 60 }, (_, i) => doc(`d${i}`, `nickel h${i % 7}`, `the plant ${i % 3 === 0 ? 'smelter' : 'mill'} the ${'word '.repeat(i % 4)}end`));
    const later = Array.from({ length: 40 }, (_, i) => doc(`e${i}`, 'nickel news', `the smelter ${i}`));
    const oneByOne = new InvertedIndex(3);
    for (const d of [...docs, ...later]) oneByOne.add(d);
    const first = new InvertedIndex(3);
    for (const d of docs) first.add(d);
    const { vocabulary, ...numbered } = numberedOf(first);
    const loaded = new InvertedIndex(3);
    loaded.load(vocabulary, numbered);
    const typedAtLoad = loaded.postingKinds().typed;
    expect(typedAtLoad).toBeGreaterThan(0);
    for (const d of later) loaded.add(d);
    // 'the', 'nickel', 'smelter' … were typed lists at load: adds keep them typed.
    expect(loaded.postingKinds().typed).toBe(typedAtLoad);
    const query = new Map([['nickel', 1], ['smelter', 1], ['the', 0.5], ['end', 1]]);
    expect(asMap(loaded, loaded.score(query))).toEqual(asMap(oneByOne, oneByOne.score(query)));
    expect(loaded.documentFrequency('smelter')).toBe(oneByOne.documentFrequency('smelter'));
    const again = numberedOf(loaded);
    const expected = numberedOf(oneByOne);
    expect(again.ids).toEqual(expected.ids);
    expect(Array.from(again.start)).toEqual(Array.from(expected.start));
  });
});

describe('InvertedIndex postings loaded with room for adds', () => {
  it('extends long lists into their room, scoring and counting as an index built one add at a time', () => {
    const docs = Array.from({ length: 40 }, (_, i) => doc(`d${i}`, `nickel h${i % 5}`, `the plant ${i % 2 === 0 ? 'smelter' : 'mill'} end`));
    const later = Array.from({ length: 12 }, (_, i) => doc(`e${i}`, 'nickel news', `the smelter ${i}`));
    const oneByOne = new InvertedIndex(3);
    for (const d of [...docs, ...later]) oneByOne.add(d);
    const first = new InvertedIndex(3);
    for (const d of docs) first.add(d);
    const steps = first.postedSteps();
    let r = steps.next();
    while (!r.done) r = steps.next();
    const { vocabulary, ids, headLen, bodyLen, postings } = r.value;
    // Each term's stretch with 5 spare places after its postings (the spare places hold junk, as reused memory may).
    const terms = vocabulary.length;
    const flat = <A extends Uint32Array | Uint16Array>(parts: readonly A[]) => parts.flatMap((a) => [...a]);
    const [allDocs, allHead, allBody] = [flat(postings.docs), flat(postings.head), flat(postings.body)];
    const start = new Uint32Array(terms + 1);
    const ends = new Uint32Array(terms);
    const size = postings.start[terms]! + 5 * terms;
    const [d, h, b] = [new Uint32Array(size).fill(7), new Uint16Array(size).fill(7), new Uint16Array(size).fill(7)];
    for (let t = 0, at = 0; t < terms; t++) {
      start[t] = at;
      for (let e = postings.start[t]!; e < postings.start[t + 1]!; e++, at++) [d[at], h[at], b[at]] = [allDocs[e]!, allHead[e]!, allBody[e]!];
      ends[t] = at;
      at += 5;
      start[t + 1] = at;
    }
    const loaded = new InvertedIndex(3);
    loaded.loadPostings(vocabulary, { ids, headLen, bodyLen }, { start, docs: d, head: h, body: b, ends });
    for (const x of later) loaded.add(x);
    const query = new Map([['nickel', 1], ['smelter', 1], ['the', 0.5], ['end', 1], ['mill', 1]]);
    expect(asMap(loaded, loaded.score(query))).toEqual(asMap(oneByOne, oneByOne.score(query)));
    for (const term of ['nickel', 'smelter', 'the', 'mill', 'news']) expect(loaded.documentFrequency(term)).toBe(oneByOne.documentFrequency(term));
    expect(numberedOf(loaded)).toEqual(numberedOf(oneByOne));
    loaded.remove('d0');
    oneByOne.remove('d0');
    expect(loaded.documentFrequency('smelter')).toBe(oneByOne.documentFrequency('smelter'));
  });
});

describe('InvertedIndex removals after a typed list grew', () => {
  it('counts only the postings in use, never the spare room of a grown list', () => {
    const docs = Array.from({ length: 40 }, (_, i) => doc(`d${i}`, 'zinc', i === 0 ? 'tin' : 'zinc ore'));
    const first = new InvertedIndex(3);
    for (const d of docs) first.add(d);
    const { vocabulary, ...numbered } = numberedOf(first);
    const loaded = new InvertedIndex(3);
    loaded.load(vocabulary, numbered);
    loaded.add(doc('e0', 'news', 'ore'));
    // d0 (slot 0) has no 'ore': the grown list's unused zeros must not count as its posting.
    loaded.remove('d0');
    expect(loaded.documentFrequency('ore')).toBe(40);
    loaded.remove('d1');
    expect(loaded.documentFrequency('ore')).toBe(39);
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
