// Content fingerprint for de-duplication: the same article pasted twice with
// different spacing, punctuation or case yields the same hash.
import { hash } from 'node:crypto';
import { foldSlow, wordsByChunk, wordsByChunkUnder } from '../text/normalize.js';

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** The definition: NFKC, lower case, letters and digits only, words joined by single spaces. */
function normaliseSlow(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOT_WORD, ' ').trim();
}

/**
 * `normaliseSlow` of the body, plain-ASCII stretches by char codes (2-3x faster
 * on article text; the near-duplicate check shingles every stored body with it).
 */
export function normaliseForFingerprint(body: string): string {
  return wordsByChunk(body, normaliseSlow).join(' ');
}

/**
 * The body's normal form (`normaliseForFingerprint`) and its folded words
 * (`foldTokens`, for its topics and search terms), from one pass over it.
 */
export function normaliseAndFold(body: string): { normalised: string; folded: string[] } {
  const [normal, folded] = wordsByChunkUnder(body, [normaliseSlow, foldSlow]);
  return { normalised: normal!.join(' '), folded: folded! };
}

/** The fingerprint of a body already normalised (`normaliseForFingerprint`): an add fingerprints a body, then shingles the same normal form. */
export function fingerprintOfNormalised(normalised: string): string {
  // One-shot hashing: no Hash object (a stream) per article.
  return hash('sha256', normalised, 'hex').slice(0, 32);
}

export function fingerprint(body: string): string {
  return fingerprintOfNormalised(normaliseForFingerprint(body));
}
