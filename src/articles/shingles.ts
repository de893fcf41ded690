// Three-word shingles of a cleaned body, kept as 32-bit hashes, and a 1,024-bit
// signature of them: what the near-duplicate check compares texts by.
import { normaliseForFingerprint } from '../ingest/fingerprint.js';

const SHINGLE_WORDS = 3;

/** FNV-1a of text[from, to): shingles are kept as 32-bit hashes, a tenth of the memory of strings. */
function hash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The hashes of every run of three words, ascending, each once. The normalised
 * text has single spaces between words, so a shingle is hashed where it stands
 * in the text (the same hash as of the three words joined) instead of being cut
 * out as a string; a sorted array serves every use (smallest hashes, signature,
 * overlap by merging) without building a hash set per text.
 */
export function shingles(body: string): Uint32Array {
  return shinglesOfNormalised(normaliseForFingerprint(body));
}

/** `shingles` of a body already normalised (`normaliseForFingerprint`: cleaning did it for the fingerprint). */
export function shinglesOfNormalised(text: string): Uint32Array {
  const starts: number[] = [];
  if (text.length > 0) starts.push(0);
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) starts.push(i + 1);
  const all = new Uint32Array(Math.max(0, starts.length - SHINGLE_WORDS + 1));
  for (let i = 0; i < all.length; i += 1) {
    const end = i + SHINGLE_WORDS < starts.length ? starts[i + SHINGLE_WORDS]! - 1 : text.length;
    all[i] = hash(text, starts[i]!, end);
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i += 1) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}

/** Share of the smaller of two ascending hash lists found in the other. */
export function shingleOverlap(a: Uint32Array, b: Uint32Array): number {
  const small = Math.min(a.length, b.length);
  if (small === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return shared / small;
}

/** Words of the shingle signature: 512 bits keep it sparse enough for articles of a few hundred shingles. */
export const SIGNATURE_WORDS = 16;

/**
 * Writes a text's shingles as bits into `words` from `at`. A signature
 * over-counts the shingles another text shares with it (two shingles may set one
 * bit), never under-counts, so a text that reaches too few of its bits surely
 * shares too few shingles.
 */
export function writeSignature(hashes: Uint32Array, words: Uint32Array, at: number): void {
  words.fill(0, at, at + SIGNATURE_WORDS);
  for (let i = 0; i < hashes.length; i += 1) words[at + ((hashes[i]! >>> 5) % SIGNATURE_WORDS)]! |= 1 << (hashes[i]! & 31);
}

/**
 * False when the signature at `words[at]` surely holds fewer than `needed` of
 * `mine`. Stops as soon as too many are missing: most candidates share little
 * and are set aside after a few dozen shingles.
 */
export function signatureMayHold(mine: Uint32Array, words: Uint32Array, at: number, needed: number): boolean {
  let missing = mine.length - needed;
  if (missing < 0) return false;
  for (let i = 0; i < mine.length; i += 1) {
    const h = mine[i]!;
    if (((words[at + ((h >>> 5) % SIGNATURE_WORDS)]! >>> (h & 31)) & 1) === 0 && --missing < 0) return false;
  }
  return true;
}
