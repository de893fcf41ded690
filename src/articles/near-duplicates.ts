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

/** Bits of the shingle signature: 1,024 keep it sparse for articles of a few hundred shingles. */
const SIGNATURE_WORDS = 32;

/**
 * A stored article's shingles as a bit signature, with their count. A candidate whose
 * signature holds too few of the new article's shingles cannot reach the overlap (a
 * signature over-counts shared shingles, never under-counts), so it is set aside
 * without looking it up or shingling its body again: the answer is exactly the same.
 */
export interface FiledShingles {
  fingerprint: string;
  signature: Uint32Array;
  count: number;
  /** The smallest shingle hashes, the article is found under. */
  sketch: number[];
}

export const SIGNATURE_LENGTH = SIGNATURE_WORDS;

function file(fingerprint: string, set: ReadonlySet<number>): FiledShingles {
  const signature = new Uint32Array(SIGNATURE_WORDS);
  for (const h of set) signature[(h >>> 5) % SIGNATURE_WORDS]! |= 1 << (h & 31);
  return { fingerprint, signature, count: set.size, sketch: sketch(set) };
}

/** What the check files for a stored article (read from its body). */
export function fileShingles(article: Pick<ArticleRecord, 'fingerprint' | 'body'>): FiledShingles {
  return file(article.fingerprint, shingles(article.body));
}

/** False only when the overlap is surely below the bar. */
function mayOverlap(mine: ReadonlySet<number>, other: FiledShingles): boolean {
  const small = Math.min(mine.size, other.count);
  if (small === 0) return false;
  let found = 0;
  for (const h of mine) if ((other.signature[(h >>> 5) % SIGNATURE_WORDS]! >>> (h & 31)) & 1) found += 1;
  return found / small >= MIN_OVERLAP;
}

export class NearDuplicates {
  private readonly byKey = new Map<number, Set<string>>();
  // Id -> what was filed for the text indexed; a removed id coming back with other text is indexed again.
  // Candidates' shingles are recomputed when compared, only for those the signature cannot rule out.
  private readonly indexed = new Map<string, FiledShingles>();

  /** `known`: what an earlier run filed (the derived-data snapshot), used instead of shingling the body again. */
  constructor(private known: ((id: string) => FiledShingles | undefined) | null = null) {}

  /** What is filed for a stored article (for the derived-data snapshot): indexed, known, or read now. */
  filedFor(article: ArticleRecord): FiledShingles {
    const filed = this.indexed.get(article.id) ?? this.known?.(article.id);
    return filed?.fingerprint === article.fingerprint ? filed : fileShingles(article);
  }

  /** The stored article this one nearly repeats, if any. `stored` looks an id up in the store. */
  find(article: CleanArticle, all: Iterable<ArticleRecord>, stored: (id: string) => ArticleRecord | undefined): ArticleRecord | null {
    this.catchUp(all);
    const mine = shingles(article.body);
    if (mine.size < MIN_SHINGLES) return null;
    const candidates = new Set<string>();
    for (const key of sketch(mine)) for (const id of this.byKey.get(key) ?? []) candidates.add(id);
    for (const id of candidates) {
      const filed = this.indexed.get(id);
      if (!filed || !mayOverlap(mine, filed)) continue;
      const other = stored(id);
      if (!other || filed.fingerprint !== other.fingerprint || other.language !== article.language) continue;
      const ratio = Math.min(article.body.length, other.body.length) / Math.max(article.body.length, other.body.length);
      if (ratio >= LENGTH_RATIO && shingleOverlap(mine, shingles(other.body)) >= MIN_OVERLAP) return other;
    }
    return null;
  }

  /** Indexes stored articles not seen yet (all of them on first use, then each new one). */
  private catchUp(all: Iterable<ArticleRecord>): void {
    for (const a of all) {
      if (this.indexed.get(a.id)?.fingerprint === a.fingerprint) continue;
      const known = this.known?.(a.id);
      const filed = known?.fingerprint === a.fingerprint ? known : fileShingles(a);
      this.indexed.set(a.id, filed);
      for (const key of filed.sketch) {
        const ids = this.byKey.get(key) ?? new Set<string>();
        ids.add(a.id);
        this.byKey.set(key, ids);
      }
    }
    // Everything stored is indexed now: what the snapshot knew is no longer needed.
    this.known = null;
  }
}
