import { ArrayBlocks } from './array-blocks.js';

// A small BM25F inverted index tuned for look-ups at 10k+ articles: postings are
// plain integer arrays, scores are summed into one reused Float64Array, so a
// look-up costs one pass over the postings of its terms and nothing else.
// (MiniSearch, measured here, spent 10-20 ms per multi-term look-up at 10k.)

const K1 = 1.2;
const HEAD_UNIT = 2 ** 16;
const B = 0.75;

export interface IndexedDocument {
  id: string;
  /** Short, strong text (headline, key points, entities, topics). */
  head: string[];
  body: string[];
}

/**
 * A document's distinct terms, each with its head and body counts packed in one
 * number (head * 2^16 + body), and its field lengths: what indexing takes from
 * the text, and what the derived-data snapshot keeps so a restart need not read it.
 */
export interface TermCounts {
  terms: string[];
  packed: number[];
  headLen: number;
  bodyLen: number;
}

/** Counts a document's words (no per-term tuple to allocate: this runs for every article at start). */
export function countTerms(head: readonly string[], body: readonly string[]): TermCounts {
  const tf = new Map<string, number>();
  for (const t of head) tf.set(t, (tf.get(t) ?? 0) + HEAD_UNIT);
  for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { terms: [...tf.keys()], packed: [...tf.values()], headLen: head.length, bodyLen: body.length };
}

/**
 * Documents numbered in a shared vocabulary, as the derived-data snapshot keeps
 * them: document k's terms are `termIds`/`packed` from `start[k]` to `start[k + 1]`.
 */
export interface NumberedDocuments {
  ids: readonly string[];
  headLen: ArrayLike<number>;
  bodyLen: ArrayLike<number>;
  start: ArrayLike<number>;
  /**
   * Where each document's run of terms ends. Absent: where the next one's
   * begins (`start` then has one entry more). Given, runs may lie anywhere in
   * `termIds` (e.g. the derived-data snapshot's rows, taken as they are).
   */
  end?: ArrayLike<number>;
  termIds: ArrayLike<number>;
  packed: ArrayLike<number>;
}

/**
 * A term's postings. Loaded in bulk at start, the longer lists are typed arrays
 * of their final size (a third of the memory of number arrays, no growth
 * garbage); an add that extends one grows it by half in place of turning it into
 * number arrays (which cost a copy of the whole list, up to every document for a
 * common word, on the first add after start, and three times the memory).
 */
interface Postings {
  docs: number[] | Uint32Array;
  /** Term frequency in head and body, per posting. */
  head: number[] | Uint16Array;
  body: number[] | Uint16Array;
  /** Postings of removed or replaced documents still in the lists: they no longer count in the term's document frequency. */
  dead?: number;
  /** Postings in use: the arrays' first `n` entries (typed arrays keep spare room after them). */
  n: number;
}

/** Where `slot` is among the first `n` of an ascending list of slots, or -1. */
function slotIndex(docs: ArrayLike<number>, n: number, slot: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = docs[mid]!;
    if (d === slot) return mid;
    if (d < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Lists up to this long stay number arrays (a typed array's own overhead would outweigh its saving). */
const TYPED_FROM = 16;

/** `NumberedDocuments` as `numberedSteps` makes them: flat typed arrays, `start` with one entry more than `ids`. */
export interface NumberedIndex extends NumberedDocuments {
  vocabulary: string[];
  ids: string[];
  headLen: Uint32Array;
  bodyLen: Uint32Array;
  start: Uint32Array;
  termIds: Uint32Array;
  packed: Uint32Array;
}

/**
 * Postings sorted by term, the index's own form (what the derived-data
 * snapshot file keeps, so a restart need not sort ~10 million postings by
 * term again): term t's postings are entries `start[t]` to `start[t + 1]` of
 * `docs` (ascending document numbers), `head` and `body` (term frequencies).
 */
export interface TermPostings {
  start: Uint32Array;
  docs: Uint32Array;
  head: Uint16Array;
  body: Uint16Array;
  /**
   * Where each term's postings end, when its stretch is longer: the rest, up
   * to the next term's start, is room for adds (a long list extends in place
   * until it is used up). None: each stretch is full.
   */
  ends?: Uint32Array;
}

/** The live documents in slot order and their postings by term, numbered 0.. in that order; the flat arrays in blocks (array-blocks.ts). */
export interface PostedIndex {
  vocabulary: string[];
  ids: string[];
  headLen: Uint32Array;
  bodyLen: Uint32Array;
  postings: { start: Uint32Array; docs: Uint32Array[]; head: Uint16Array[]; body: Uint16Array[] };
}

export class InvertedIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly ids: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly headLen: number[] = [];
  private readonly bodyLen: number[] = [];
  private readonly alive: boolean[] = [];
  private liveCount = 0;
  private headTotal = 0;
  private bodyTotal = 0;
  /** Score accumulator and the slots it holds a score for, reused by every look-up. */
  private acc = new Float64Array(0);
  private touched = new Int32Array(0);
  private scored = new Float64Array(0);
  /**
   * Per slot, BM25's length normaliser of head and body for the average lengths
   * they were computed at: two divisions per posting fewer, recomputed only
   * after an add or removal changed the averages.
   */
  private headNorm = new Float64Array(0);
  private bodyNorm = new Float64Array(0);
  private normsAt = { slots: 0, avgHead: NaN, avgBody: NaN };

  constructor(private readonly headBoost: number) {}

  get size(): number {
    return this.liveCount;
  }

  add(doc: IndexedDocument, onNewTerm?: (term: string) => void): void {
    this.addCounted(doc.id, countTerms(doc.head, doc.body), onNewTerm);
  }

  /** Adds a document whose terms are counted already (by `countTerms`, now or in an earlier run). */
  addCounted(id: string, counts: TermCounts, onNewTerm?: (term: string) => void): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.ids.length;
    this.ids.push(id);
    this.slotOf.set(id, slot);
    this.headLen.push(counts.headLen);
    this.bodyLen.push(counts.bodyLen);
    this.alive.push(true);
    this.liveCount++;
    this.headTotal += counts.headLen;
    this.bodyTotal += counts.bodyLen;
    const { terms, packed } = counts;
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      const h = Math.floor(packed[k]! / HEAD_UNIT);
      const b = packed[k]! % HEAD_UNIT;
      let p = this.postings.get(term);
      if (!p) {
        p = { docs: [], head: [], body: [], n: 0 };
        this.postings.set(term, p);
        onNewTerm?.(term);
      }
      if (Array.isArray(p.docs)) {
        (p.docs as number[]).push(slot);
        (p.head as number[]).push(h);
        (p.body as number[]).push(b);
      } else {
        if (p.n === p.docs.length) grow(p);
        p.docs[p.n] = slot;
        p.head[p.n] = h;
        p.body[p.n] = b;
      }
      p.n++;
    }
  }

  /**
   * Adds documents numbered in a shared vocabulary to an empty index, in their
   * order, as `addCounted` one by one would. The postings are sorted by term
   * in one counting pass into three flat arrays (no list allocated per term,
   * one monomorphic fill loop); a long list is a view of its stretch of them
   * (`grow` gives it arrays of its own when an add extends it), a short one
   * a number array copied out.
   */
  load(vocabulary: readonly string[], docs: NumberedDocuments, onNewTerm?: (term: string) => void): void {
    if (this.ids.length > 0) throw new Error('load is for an empty index');
    const n = docs.ids.length;
    const { start, end, termIds, packed } = docs;
    const endOf = end ? (d: number) => end[d]! : (d: number) => start[d + 1]!;
    const terms = vocabulary.length;
    // Where each term's postings begin in the flat arrays (df counted first).
    const from = new Uint32Array(terms + 1);
    for (let d = 0; d < n; d++) for (let e = start[d]!, to = endOf(d); e < to; e++) from[termIds[e]! + 1]!++;
    for (let t = 0; t < terms; t++) from[t + 1]! += from[t]!;
    const total = from[terms]!;
    const allDocs = new Uint32Array(total);
    const allHead = new Uint16Array(total);
    const allBody = new Uint16Array(total);
    const next = from.slice(0, terms);
    for (let d = 0; d < n; d++) {
      for (let e = start[d]!, to = endOf(d); e < to; e++) {
        const at = next[termIds[e]!]!++;
        const p = packed[e]!;
        allDocs[at] = d;
        allHead[at] = Math.floor(p / HEAD_UNIT);
        allBody[at] = p % HEAD_UNIT;
      }
    }
    this.loadPostings(vocabulary, docs, { start: from, docs: allDocs, head: allHead, body: allBody }, onNewTerm);
  }

  /**
   * Adds documents to an empty index from postings already sorted by term
   * (document k takes slot k): no sorting, the long lists are views of the
   * given arrays (an add that extends one gives it arrays of its own).
   */
  loadPostings(vocabulary: readonly string[], docs: Pick<NumberedDocuments, 'ids' | 'headLen' | 'bodyLen'>, postings: TermPostings, onNewTerm?: (term: string) => void): void {
    if (this.ids.length > 0) throw new Error('load is for an empty index');
    const n = docs.ids.length;
    for (let d = 0; d < n; d++) {
      const id = docs.ids[d]!;
      this.ids.push(id);
      this.slotOf.set(id, d);
      this.headLen.push(docs.headLen[d]!);
      this.bodyLen.push(docs.bodyLen[d]!);
      this.alive.push(true);
      this.headTotal += docs.headLen[d]!;
      this.bodyTotal += docs.bodyLen[d]!;
    }
    this.liveCount = n;
    this.takePostings(vocabulary, postings, onNewTerm);
  }

  /** Files each term's stretch of flat postings: a view for a long list, a number array for a short one. */
  private takePostings(vocabulary: readonly string[], { start, docs, head, body, ends }: TermPostings, onNewTerm?: (term: string) => void): void {
    for (let t = 0; t < vocabulary.length; t++) {
      const a = start[t]!;
      const m = (ends ? ends[t]! : start[t + 1]!) - a;
      const room = start[t + 1]! - a;
      if (m === 0) continue;
      const list: Postings =
        m < TYPED_FROM
          ? { docs: numbers(docs, a, m), head: numbers(head, a, m), body: numbers(body, a, m), n: m }
          : { docs: docs.subarray(a, a + room), head: head.subarray(a, a + room), body: body.subarray(a, a + room), n: m };
      this.postings.set(vocabulary[t]!, list);
      onNewTerm?.(vocabulary[t]!);
    }
  }

  /**
   * The live documents in slot order and their postings by term (`loadPostings`'
   * form, what the derived-data snapshot file keeps), copied out of the
   * index, in steps (runInSlices may pause after each term): valid only if no
   * add or removal came meanwhile (the caller checks and drops it).
   */
  *postedSteps(): Generator<void, PostedIndex, void> {
    const rowOf = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (!this.alive[d]) continue;
      rowOf[d] = ids.length;
      ids.push(this.ids[d]!);
    }
    const headLen = new Uint32Array(ids.length);
    const bodyLen = new Uint32Array(ids.length);
    for (let d = 0; d < this.ids.length; d++) {
      if (rowOf[d]! < 0) continue;
      headLen[rowOf[d]!] = this.headLen[d]!;
      bodyLen[rowOf[d]!] = this.bodyLen[d]!;
    }
    yield;
    const start = new Uint32Array(this.postings.size + 1);
    const docs = new ArrayBlocks((n) => new Uint32Array(n));
    const head = new ArrayBlocks((n) => new Uint16Array(n));
    const body = new ArrayBlocks((n) => new Uint16Array(n));
    const vocabulary: string[] = [];
    let at = 0;
    for (const [term, p] of this.postings) {
      const t = vocabulary.push(term) - 1;
      start[t] = at;
      for (let i = 0; i < p.n; i++) {
        const r = rowOf[p.docs[i]!]!;
        if (r < 0) continue;
        docs.push(r);
        head.push(p.head[i]!);
        body.push(p.body[i]!);
        at++;
      }
      yield;
    }
    start[vocabulary.length] = at;
    return { vocabulary, ids, headLen, bodyLen, postings: { start, docs: docs.parts(), head: head.parts(), body: body.parts() } };
  }

  /**
   * Tombstones the document: its postings are skipped until the next start
   * rebuilds the index, and no longer count in their terms' document frequency
   * (so a removal ranks the rest as a fresh start would). Finding them costs one
   * binary search per term (slots are ascending in every list): a few ms at
   * 100,000 articles, for a rare admin action.
   */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const p of this.postings.values()) if (slotIndex(p.docs, p.n, slot) >= 0) p.dead = (p.dead ?? 0) + 1;
    this.slotOf.delete(id);
    this.alive[slot] = false;
    this.liveCount--;
    this.headTotal -= this.headLen[slot]!;
    this.bodyTotal -= this.bodyLen[slot]!;
  }

  /** How many live documents hold the term. */
  documentFrequency(term: string): number {
    const p = this.postings.get(term);
    return p ? p.n - (p.dead ?? 0) : 0;
  }

  /** Slots taken so far: each add takes the next one, and a removed or replaced document keeps its (dead) slot. */
  get slotCount(): number {
    return this.ids.length;
  }

  /** The document that took a slot (it may have been removed or replaced since). */
  idOf(slot: number): string {
    return this.ids[slot]!;
  }

  /**
   * BM25F scores for weighted terms, for the documents that match, as parallel
   * arrays of slots and scores (views valid until the next call), with the best
   * score. `floorSlots` (optional) are documents that count as matches whatever
   * their words (dead slots among them are skipped): they get at least
   * `floorShare` (> 0) of the best score.
   */
  score(terms: ReadonlyMap<string, number>, floorSlots: readonly ArrayLike<number>[] = [], floorShare = 0): { slots: Int32Array; scores: Float64Array; top: number } {
    const n = this.ids.length;
    if (this.acc.length < n) {
      const size = Math.max(n, this.acc.length * 2);
      this.acc = new Float64Array(size);
      this.touched = new Int32Array(size);
      this.scored = new Float64Array(size);
    }
    const avgHead = this.headTotal / Math.max(1, this.liveCount) || 1;
    const avgBody = this.bodyTotal / Math.max(1, this.liveCount) || 1;
    this.updateNorms(avgHead, avgBody);
    const { acc, touched, alive, headNorm, bodyNorm, headBoost } = this;
    let count = 0;
    for (const [term, weight] of terms) {
      const p = this.postings.get(term);
      if (!p || weight <= 0) continue;
      const { docs, head, body, n: listed } = p;
      const df = listed - (p.dead ?? 0);
      const idf = Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
      const w = weight * idf;
      for (let i = 0; i < listed; i++) {
        const d = docs[i]!;
        if (!alive[d]) continue;
        // A body-only posting: adding its zero head share would change nothing.
        const h = head[i]!;
        const bodyTf = body[i]! / bodyNorm[d]!;
        const tf = h === 0 ? bodyTf : (headBoost * h) / headNorm[d]! + bodyTf;
        if (acc[d] === 0) touched[count++] = d;
        acc[d]! += (w * tf * (K1 + 1)) / (tf + K1);
      }
    }
    if (floorSlots.length > 0) count = this.raiseToFloor(count, floorSlots, floorShare);
    const scores = this.scored;
    let top = count > 0 ? -Infinity : 0;
    for (let i = 0; i < count; i++) {
      const d = touched[i]!;
      const v = acc[d]!;
      scores[i] = v;
      if (v > top) top = v;
      acc[d] = 0;
    }
    return { slots: touched.subarray(0, count), scores: scores.subarray(0, count), top };
  }

  private updateNorms(avgHead: number, avgBody: number): void {
    const n = this.ids.length;
    const at = this.normsAt;
    const same = at.avgHead === avgHead && at.avgBody === avgBody;
    if (same && at.slots === n) return;
    if (this.headNorm.length < n) {
      const size = Math.max(n, this.headNorm.length * 2);
      this.headNorm = new Float64Array(size);
      this.bodyNorm = new Float64Array(size);
    }
    for (let d = same ? at.slots : 0; d < n; d++) {
      this.headNorm[d] = 1 - B + (B * this.headLen[d]!) / avgHead;
      this.bodyNorm[d] = 1 - B + (B * this.bodyLen[d]!) / avgBody;
    }
    this.normsAt = { slots: n, avgHead, avgBody };
  }

  /** Raises the floor documents to `share` of the best score so far; returns the new count of touched slots. */
  private raiseToFloor(count: number, floorSlots: readonly ArrayLike<number>[], share: number): number {
    const { acc, touched, alive } = this;
    let top = 0;
    for (let i = 0; i < count; i++) if (acc[touched[i]!]! > top) top = acc[touched[i]!]!;
    const floor = top > 0 ? top * share : 1;
    // A zero floor would list a document once per list it is in.
    if (!(floor > 0)) return count;
    for (const list of floorSlots) {
      for (let i = 0; i < list.length; i++) {
        const d = list[i]!;
        if (!alive[d]) continue;
        if (acc[d] === 0) touched[count++] = d;
        if (acc[d]! < floor) acc[d] = floor;
      }
    }
    return count;
  }

  /**
   * The live documents, in slot order, numbered in the postings' vocabulary
   * (the form `load` takes and the derived-data snapshot keeps): two passes
   * over the postings into flat arrays, no per-document list. Yields after
   * each term's postings (runInSlices may pause there); an add or removal
   * during a pause makes the result wrong: the caller checks `changes`-like
   * counts and drops it.
   */
  *numberedSteps(): Generator<void, NumberedIndex, void> {
    const rowOf = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const headLen: number[] = [];
    const bodyLen: number[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (!this.alive[d]) continue;
      rowOf[d] = ids.length;
      ids.push(this.ids[d]!);
      headLen.push(this.headLen[d]!);
      bodyLen.push(this.bodyLen[d]!);
    }
    const start = new Uint32Array(ids.length + 1);
    for (const p of this.postings.values()) {
      for (let i = 0; i < p.n; i++) if (rowOf[p.docs[i]!]! >= 0) start[rowOf[p.docs[i]!]! + 1]!++;
      yield;
    }
    for (let r = 0; r < ids.length; r++) start[r + 1]! += start[r]!;
    const termIds = new Uint32Array(start[ids.length]!);
    const packed = new Uint32Array(start[ids.length]!);
    const next = start.slice(0, ids.length);
    const vocabulary: string[] = [];
    for (const [term, p] of this.postings) {
      const t = vocabulary.push(term) - 1;
      for (let i = 0; i < p.n; i++) {
        const r = rowOf[p.docs[i]!]!;
        if (r < 0) continue;
        const at = next[r]!++;
        termIds[at] = t;
        packed[at] = p.head[i]! * HEAD_UNIT + p.body[i]!;
      }
      yield;
    }
    return { vocabulary, ids, headLen: Uint32Array.from(headLen), bodyLen: Uint32Array.from(bodyLen), start, termIds, packed };
  }

  /** How many terms' postings are typed arrays and how many number arrays (for tests and benches). */
  postingKinds(): { typed: number; numbers: number } {
    let typed = 0;
    for (const p of this.postings.values()) if (!Array.isArray(p.docs)) typed++;
    return { typed, numbers: this.postings.size - typed };
  }

  *liveIds(): Generator<string> {
    for (let d = 0; d < this.ids.length; d++) if (this.alive[d]) yield this.ids[d]!;
  }
}

/** `m` entries of a typed array from `at`, as a number array. */
function numbers(a: Uint32Array | Uint16Array, at: number, m: number): number[] {
  const out = new Array<number>(m);
  for (let i = 0; i < m; i++) out[i] = a[at + i]!;
  return out;
}

/** Makes room for more postings in a typed list: half as much again (amortised, one native copy). */
function grow(p: Postings): void {
  const size = Math.ceil(p.docs.length * 1.5) + 1;
  const docs = new Uint32Array(size);
  const head = new Uint16Array(size);
  const body = new Uint16Array(size);
  docs.set(p.docs);
  head.set(p.head);
  body.set(p.body);
  p.docs = docs;
  p.head = head;
  p.body = body;
}
