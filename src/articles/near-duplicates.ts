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

// Each article is indexed under its few smallest shingle hashes: a near-duplicate shares
// 90% of its shingles, so it all but surely shares one of these, and only those
// candidates are compared in full.
const SKETCH = 8;

function sketch(set: ReadonlySet<number>): number[] {
  return [...set].sort((a, b) => a - b).slice(0, SKETCH);
}

export class NearDuplicates {
  private readonly byKey = new Map<number, Set<string>>();
  // Id -> fingerprint of the text indexed; a removed id coming back with other text is indexed again.
  // Only the sketch is kept: candidates are few, so their shingles are recomputed when compared.
  private readonly indexed = new Map<string, string>();

  /** The stored article this one nearly repeats, if any. `stored` looks an id up in the store. */
  find(article: CleanArticle, all: Iterable<ArticleRecord>, stored: (id: string) => ArticleRecord | undefined): ArticleRecord | null {
    this.catchUp(all);
    const mine = shingles(article.body);
    if (mine.size < MIN_SHINGLES) return null;
    const candidates = new Set<string>();
    for (const key of sketch(mine)) for (const id of this.byKey.get(key) ?? []) candidates.add(id);
    for (const id of candidates) {
      const other = stored(id);
      if (!other || this.indexed.get(id) !== other.fingerprint || other.language !== article.language) continue;
      const ratio = Math.min(article.body.length, other.body.length) / Math.max(article.body.length, other.body.length);
      if (ratio >= LENGTH_RATIO && shingleOverlap(mine, shingles(other.body)) >= MIN_OVERLAP) return other;
    }
    return null;
  }

  /** Indexes stored articles not seen yet (all of them on first use, then each new one). */
  private catchUp(all: Iterable<ArticleRecord>): void {
    for (const a of all) {
      if (this.indexed.get(a.id) === a.fingerprint) continue;
      this.indexed.set(a.id, a.fingerprint);
      for (const key of sketch(shingles(a.body))) {
        const ids = this.byKey.get(key) ?? new Set<string>();
        ids.add(a.id);
        this.byKey.set(key, ids);
      }
    }
  }
}
