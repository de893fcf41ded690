// Near-duplicates: the same article pasted again with a few words changed (a
// corrected typo, another headline, a trimmed byline). Compared on three-word
// shingles of the cleaned body: when 90% of the shorter text's shingles are in
// the other, it is the same article and the stored card answers.
import type { ArticleRecord, CleanArticle } from '../model/article.js';
import { normaliseForFingerprint } from '../ingest/fingerprint.js';

const SHINGLE_WORDS = 3;
const MIN_OVERLAP = 0.9;
// Texts whose lengths differ more than this cannot share 90% of their shingles.
const LENGTH_RATIO = 0.75;
const MIN_SHINGLES = 20;

/** FNV-1a: shingles are kept as 32-bit hashes, a tenth of the memory of strings. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shingles(body: string): Set<number> {
  const words = normaliseForFingerprint(body).split(' ').filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i += 1) out.add(hash(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

/** Share of the smaller set found in the larger one. */
export function shingleOverlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / small.size;
}

export class NearDuplicates {
  // Keyed by id; the fingerprint guards against a removed id coming back with other text.
  private readonly cache = new Map<string, { fingerprint: string; shingles: Set<number> }>();

  find(article: CleanArticle, stored: Iterable<ArticleRecord>): ArticleRecord | null {
    const mine = shingles(article.body);
    if (mine.size < MIN_SHINGLES) return null;
    const length = article.body.length;
    for (const other of stored) {
      if (other.language !== article.language) continue;
      const ratio = Math.min(length, other.body.length) / Math.max(length, other.body.length);
      if (ratio < LENGTH_RATIO) continue;
      if (shingleOverlap(mine, this.shinglesOf(other)) >= MIN_OVERLAP) return other;
    }
    return null;
  }

  private shinglesOf(a: ArticleRecord): Set<number> {
    const cached = this.cache.get(a.id);
    if (cached && cached.fingerprint === a.fingerprint) return cached.shingles;
    const fresh = shingles(a.body);
    this.cache.set(a.id, { fingerprint: a.fingerprint, shingles: fresh });
    return fresh;
  }
}
