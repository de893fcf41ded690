// What the near-duplicate check keeps per filed article, in fixed-size slots of one
// growing Uint32Array: its shingle count, its shingle signature, its smallest
// shingle hashes (spares for when a key is set aside) and the keys it is filed
// under. A look-up tests ~380 candidates' signatures against their counts: the
// count sits in the word just before the signature, mostly in the same cache
// line, not in each candidate's object (decision 039). One shared array
// instead of small typed arrays per article, each of which costs more in
// bookkeeping than its content (~40 MB saved at 100,000 articles).
import { SIGNATURE_WORDS } from './shingles.js';

/** Keys an article is filed under. */
export const SKETCH = 8;
/** Smallest hashes kept per article, so setting a key aside seldom needs its body shingled again. */
export const SPARE = 20;
/** Where a slot's words are, from the word its signature starts at (the slot, as the check names it). */
const COUNT_AT = -1;
const SPARE_AT = SIGNATURE_WORDS;
const KEYS_AT = SPARE_AT + SPARE;
const STRIDE = 1 + KEYS_AT + SKETCH;
/** A slot's signature and spares: what the derived-data snapshot keeps of it (its keys follow from them). */
export const ROW_WORDS = KEYS_AT;

/** A slot's number (0, 1, 2, ... in the order slots were first taken), from the word its signature starts at. */
export function slotNumber(slot: number): number {
  return (slot + COUNT_AT) / STRIDE;
}

export class FilingSlots {
  words = new Uint32Array(STRIDE * 1024);
  private used = 0;
  private readonly free: number[] = [];

  /** A slot: the word its signature starts at (its count is in the word before). */
  take(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if ((this.used + 1) * STRIDE > this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    return this.used++ * STRIDE - COUNT_AT;
  }

  release(slot: number): void {
    this.free.push(slot);
  }

  /** Keeps the first SPARE of `sorted`; returns how many were kept. */
  setSpares(slot: number, sorted: Uint32Array): number {
    const n = Math.min(SPARE, sorted.length);
    this.words.set(sorted.subarray(0, n), slot + SPARE_AT);
    return n;
  }

  /** The slot's signature and spares (a view, valid until the next `take`). */
  row(slot: number): Uint32Array {
    return this.words.subarray(slot, slot + ROW_WORDS);
  }

  /** Writes a slot's signature and spares as `row` gave them. */
  setRow(slot: number, words: Uint32Array): void {
    this.words.set(words.subarray(0, ROW_WORDS), slot);
  }

  /** The filed article's shingle count. */
  count(slot: number): number {
    return this.words[slot + COUNT_AT]!;
  }

  setCount(slot: number, count: number): void {
    this.words[slot + COUNT_AT] = count;
  }

  spare(slot: number, i: number): number {
    return this.words[slot + SPARE_AT + i]!;
  }

  key(slot: number, i: number): number {
    return this.words[slot + KEYS_AT + i]!;
  }

  setKey(slot: number, i: number, key: number): void {
    this.words[slot + KEYS_AT + i] = key;
  }
}
