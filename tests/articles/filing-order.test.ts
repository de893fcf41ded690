// The near-duplicate filing is the same whatever order the articles come in
// (decision 033): the keys set aside, each article's keys, and the answer of a
// look-up. That is what lets a restart take the filing from the derived-data
// snapshot (rows in the snapshot's order, the rest filed after) and answer
// exactly as a filing of every stored article from its text in the store's order.
import { describe, expect, it } from 'vitest';
import { NearDuplicates, type FilingCapture, type FilingRow, type KnownFiling } from '../../src/articles/near-duplicates.js';
import type { ArticleRecord, CleanArticle } from '../../src/model/article.js';

// Several standard paragraphs shared by overlapping groups of articles: their
// smallest shingles fill up keys at different moments of a filing, articles
// run out of spares, and keys set aside after an article was filed meet keys
// set aside before.
const paragraph = (p: number, words: number) => Array.from({ length: words }, (_, i) => `std${p}x${i % (7 + p)} w${p}n${i}`).join(' ');
const STANDARD = [paragraph(0, 70), paragraph(1, 50), paragraph(2, 40), paragraph(3, 60), paragraph(4, 30)];
const own = (n: number) => Array.from({ length: 25 + (n % 11) }, (_, i) => `s${n} t${i} u${(i * 7 + n) % 19}`).join(' ');
const bodyOf = (n: number) => `${STANDARD[n % 5]} ${n % 3 === 0 ? STANDARD[(n + 2) % 5] : ''} ${own(n)}`;
const record = (n: number, body = bodyOf(n)) => ({ id: `a${String(n).padStart(3, '0')}`, fingerprint: `f${n}:${body.length}`, body, language: 'en' }) as ArticleRecord;
const incoming = (body: string) => ({ body, language: 'en' }) as CleanArticle;
/** A few words of article n changed: still a near-duplicate of it. */
const changed = (n: number) => bodyOf(n).replace(`s${n} t3 `, `s${n} k3 `).replace(`s${n} t9 `, `s${n} k9 `);

const CORPUS = Array.from({ length: 400 }, (_, n) => record(n));
// Two stored texts both within 90% of a probe, the second closer: the closest answers, whichever was filed first.
const PAIR_BASE = Array.from({ length: 200 }, (_, i) => `pair${i % 97} q${i}`).join(' ');
const PAIR = [record(900, PAIR_BASE.replace('q10 ', 'z10 ').replace('q20 ', 'z20 ').replace('q30 ', 'z30 ')), record(901, PAIR_BASE.replace('q40 ', 'z40 '))];
const ALL = [...CORPUS, ...PAIR];

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Checker {
  near: NearDuplicates;
  bodiesRead: () => number;
}

/** A check over `stored` (filed in that order, as a start does), optionally from a known filing. */
function checker(stored: readonly ArticleRecord[], known?: KnownFiling): Checker {
  const byId = new Map(ALL.map((a) => [a.id, a]));
  let reads = 0;
  const near = new NearDuplicates(
    () => stored,
    (id) => byId.get(id),
    (id) => (reads++, byId.get(id)?.body),
    known,
  );
  return { near, bodiesRead: () => reads };
}

/** What the filing is: keys set aside, each article's keys, and the answers of look-ups. */
function filingOf(near: NearDuplicates) {
  fileAll(near);
  const probes = [...CORPUS.filter((_, n) => n % 37 === 0).map((a) => changed(Number(a.id.slice(1)))), PAIR_BASE, `${STANDARD[0]} ${own(777)}`];
  return {
    setAside: near.setAsideKeys(),
    keys: ALL.map((a) => [a.id, near.keysFor(a.id)]),
    answers: probes.map((body) => near.find(incoming(body))?.id ?? null),
    stats: near.stats(),
  };
}

/** A known filing made from a capture, as the snapshot carries it (rows copied). */
function knownFrom(capture: FilingCapture, articles: readonly ArticleRecord[]): KnownFiling {
  const rows = new Map<string, FilingRow>();
  for (const a of articles) {
    const row = capture.row(a.id, a.fingerprint);
    if (row) rows.set(a.id, { ...row, words: row.words.slice() });
  }
  return { setAside: capture.setAside.slice(), rows: rows.size, get: (id) => rows.get(id) };
}

/** Files every stored article now (a look-up files the rest first). */
function fileAll(near: NearDuplicates): NearDuplicates {
  near.find(incoming('x'));
  expect(near.allFiled()).toBe(true);
  return near;
}

describe('near-duplicate filing order', () => {
  const reference = filingOf(checker(ALL).near);

  it('sets keys aside and finds the probes (the test means something)', () => {
    expect(reference.setAside.length).toBeGreaterThan(10);
    expect(reference.answers.filter((id) => id !== null).length).toBeGreaterThan(8);
    expect(reference.answers.at(-2)).toBe('a901');
    expect(reference.answers.at(-1)).toBeNull();
  });

  it('is the same filing in any order, and with articles filed one by one after a look-up', () => {
    for (const seed of [1, 2, 3]) expect(filingOf(checker(shuffled(ALL, seed)).near)).toEqual(reference);
    expect(filingOf(checker([...ALL].reverse()).near)).toEqual(reference);
    // Half filed at the first look-up, the rest one by one as adds file them.
    const order = shuffled(ALL, 9);
    const { near } = checker(order.slice(0, 200));
    near.find(incoming('nothing like any stored text at all, only a few words here and there to make shingles'));
    for (const a of order.slice(200)) near.file(a);
    expect(filingOf(near)).toEqual(reference);
  });

  it('a filing taken from a capture answers as a filing from the text, without reading a body', () => {
    const first = checker(shuffled(ALL, 5));
    const capture = fileAll(first.near).capture()!;
    expect(capture).not.toBeNull();
    const again = checker(ALL, knownFrom(capture, ALL));
    fileAll(again.near);
    expect(again.bodiesRead()).toBe(0);
    expect(filingOf(again.near)).toEqual(reference);
  });

  it('a capture of some articles, the others filed from their text after, is the same filing', () => {
    const some = shuffled(ALL, 7).slice(0, 150);
    const capture = fileAll(checker(some).near).capture()!;
    const again = checker(shuffled(ALL, 8), knownFrom(capture, some));
    expect(filingOf(again.near)).toEqual(reference);
  });

  it('offers no capture once an article was unfiled, nor one taken before it that is still used', () => {
    const near = fileAll(checker(ALL).near);
    const capture = near.capture()!;
    near.forget(CORPUS[3]!);
    expect(capture.stillExact()).toBe(false);
    expect(near.capture()).toBeNull();
  });

  it('a capture does not hold once another article is filed', () => {
    const near = fileAll(checker(CORPUS).near);
    const capture = near.capture()!;
    expect(capture.stillExact()).toBe(true);
    near.file(PAIR[0]!);
    expect(capture.stillExact()).toBe(false);
  });
});
