// Finds indexed terms one or two typos away from a word without scanning the
// vocabulary: each term is filed under its one-letter deletions (SymSpell), so
// substitutions, insertions, deletions and transpositions meet on a shared key.
//
// The terms of a start (~90,000 at 100,000 articles) are filed in bulk
// (decision 033): each key's 32-bit hash, computed from the term's prefix and
// suffix hashes without building the key, goes in one pair of typed arrays
// sorted by hash (a radix sort), ~0.1 s at 100k where a map of key strings
// took ~1.5 s of background filing after start, during which look-ups also
// scanned the terms not filed yet. A look-up hashes the word's own keys,
// finds the terms under them by binary search, and keeps those that really
// share a key with it (`sharesDeletionKey`: a hash shared by two keys never
// adds a term). Terms indexed later are filed one by one under their key strings.
import { editDistance, typoBudget } from '../text/edit-distance.js';
import { deletionKeys, sharesDeletionKey } from './deletion-keys.js';

const MIN_LENGTH = 5;
/** The multiplier of the keys' polynomial hash (mod 2^32). */
const BASE = 0x01000193;
/** Radix sort passes of 11 bits: 2,048 buckets stay in cache. */
const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/** A key's hash: the same polynomial `bulkKeys` computes from a term's prefix and suffix hashes. */
function keyHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, BASE) + key.charCodeAt(i)) | 0;
  return h >>> 0;
}

/** Terms filed in bulk: each key's hash, ascending, beside the number of its term. */
interface BulkFiling {
  terms: readonly string[];
  hashes: Uint32Array;
  termOf: Uint32Array;
}

/** The hashes of every term's keys (itself and its one-letter deletions), and each key's term number. */
function bulkKeys(terms: readonly string[]): { hashes: Uint32Array; termOf: Uint32Array } {
  let total = 0;
  let longest = 0;
  for (const t of terms) {
    total += t.length + 1;
    longest = Math.max(longest, t.length);
  }
  const hashes = new Uint32Array(total);
  const termOf = new Uint32Array(total);
  const power = new Int32Array(longest + 1);
  power[0] = 1;
  for (let i = 1; i <= longest; i++) power[i] = Math.imul(power[i - 1]!, BASE);
  const prefix = new Int32Array(longest + 1);
  let e = 0;
  for (let id = 0; id < terms.length; id++) {
    const t = terms[id]!;
    const n = t.length;
    for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i]!, BASE) + t.charCodeAt(i)) | 0;
    hashes[e] = prefix[n]! >>> 0;
    termOf[e++] = id;
    // Without letter k: the prefix before it, shifted over the rest, plus the rest.
    for (let k = 0; k < n; k++) {
      const rest = (prefix[n]! - Math.imul(prefix[k + 1]!, power[n - 1 - k]!)) | 0;
      hashes[e] = ((Math.imul(prefix[k]!, power[n - 1 - k]!) + rest) | 0) >>> 0;
      termOf[e++] = id;
    }
  }
  return radixSorted(hashes, termOf);
}

/** `hashes` ascending with `termOf` alongside (LSD radix sort, stable). */
function radixSorted(hashes: Uint32Array, termOf: Uint32Array): { hashes: Uint32Array; termOf: Uint32Array } {
  let [a, ai]: Uint32Array[] = [hashes, termOf];
  let [b, bi]: Uint32Array[] = [new Uint32Array(hashes.length), new Uint32Array(hashes.length)];
  const count = new Uint32Array(RADIX + 1);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    count.fill(0);
    for (let k = 0; k < a!.length; k++) count[((a![k]! >>> shift) & (RADIX - 1)) + 1]!++;
    for (let d = 0; d < RADIX; d++) count[d + 1]! += count[d]!;
    for (let k = 0; k < a!.length; k++) {
      const at = count[(a![k]! >>> shift) & (RADIX - 1)]!++;
      b![at] = a![k]!;
      bi![at] = ai![k]!;
    }
    [a, b] = [b, a];
    [ai, bi] = [bi, ai];
  }
  return { hashes: a!, termOf: ai! };
}

/** The first index of `hash` in ascending `hashes` (or where it would go). */
function lowerBound(hashes: Uint32Array, hash: number): number {
  let lo = 0;
  let hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes[mid]! < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TypoNeighbours {
  private bulk: BulkFiling | null = null;
  private readonly byKey = new Map<string, string | string[]>();

  /**
   * Takes many terms in at once (a start's whole vocabulary): filed in bulk when
   * nothing is filed yet, else one by one. Either way the same answers.
   */
  addAll(terms: readonly string[]): void {
    const long = terms.filter((t) => t.length >= MIN_LENGTH);
    if (this.bulk !== null || this.byKey.size > 0) {
      for (const t of long) this.add(t);
      return;
    }
    this.bulk = { terms: long, ...bulkKeys(long) };
  }

  /** Takes one term in, filed under its keys at once. */
  add(term: string): void {
    if (term.length < MIN_LENGTH) return;
    for (const key of deletionKeys(term)) {
      const cur = this.byKey.get(key);
      if (cur === undefined) this.byKey.set(key, term);
      else if (typeof cur === 'string') {
        if (cur !== term) this.byKey.set(key, [cur, term]);
      } else if (!cur.includes(term)) cur.push(term);
    }
  }

  /**
   * Indexed terms within the typo budget of `word` (the word itself excluded),
   * sorted: the same answer whatever order the terms were indexed in and
   * whether they came in bulk or one by one.
   */
  near(word: string): string[] {
    if (word.length < MIN_LENGTH) return [];
    const budget = typoBudget(word.length);
    if (budget === 0) return [];
    const found = new Set<string>();
    const close = (term: string) => term !== word && !found.has(term) && editDistance(word, term, budget) <= budget;
    for (const key of deletionKeys(word)) {
      const hit = this.byKey.get(key);
      if (hit !== undefined) for (const term of typeof hit === 'string' ? [hit] : hit) if (close(term)) found.add(term);
      const bulk = this.bulk;
      if (bulk === null) continue;
      const hash = keyHash(key);
      for (let e = lowerBound(bulk.hashes, hash); e < bulk.hashes.length && bulk.hashes[e] === hash; e++) {
        const term = bulk.terms[bulk.termOf[e]!]!;
        if (sharesDeletionKey(word, term) && close(term)) found.add(term);
      }
    }
    return [...found].sort();
  }
}
