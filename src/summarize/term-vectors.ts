// TF-IDF vectors over an article's sentences and cosine similarity, the basis
// for centrality (similarity to the rest of the article and to its title).
// Norms are kept with each vector: selection compares every pair of candidates.
import type { Language } from '../model/article.js';
import { terms, type TermOptions } from '../nlp/tokenize.js';

export interface Vector {
  weights: Map<string, number>;
  /** Euclidean norm of `weights`. */
  norm: number;
}

export interface SentenceSpace {
  vectors: Vector[];
  /** Vector of the text the space was asked to compare against (the title). */
  embed(text: string): Vector;
}

export function dot(a: Vector, b: Vector): number {
  const small = a.weights.size <= b.weights.size ? a.weights : b.weights;
  const large = small === a.weights ? b.weights : a.weights;
  let sum = 0;
  // Keys then a look-up, not entries: an entry is a new [key, value] array per term of every product.
  for (const t of small.keys()) {
    const o = large.get(t);
    if (o !== undefined) sum += small.get(t)! * o;
  }
  return sum;
}

export function cosine(a: Vector, b: Vector): number {
  return a.norm && b.norm ? dot(a, b) / (a.norm * b.norm) : 0;
}

function withNorm(weights: Map<string, number>): Vector {
  let sq = 0;
  for (const w of weights.values()) sq += w * w;
  return { weights, norm: Math.sqrt(sq) };
}

export function buildSpace(sentences: readonly string[], language: Language, options: TermOptions): SentenceSpace {
  const bags = sentences.map((s) => terms(s, language, options));
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of new Set(bag)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = bags.length;
  const vectorOf = (bag: string[]): Vector => {
    const v = new Map<string, number>();
    for (const t of bag) v.set(t, (v.get(t) ?? 0) + 1);
    for (const [t, tf] of v) v.set(t, (1 + Math.log(tf)) * Math.log(1 + n / (df.get(t) ?? 0.5)));
    return withNorm(v);
  };
  return { vectors: bags.map(vectorOf), embed: (text) => vectorOf(terms(text, language, options)) };
}

/** Sum of vectors: the article's centroid. */
export function centroid(vectors: readonly Vector[]): Vector {
  const c = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v.weights) c.set(t, (c.get(t) ?? 0) + w);
  return withNorm(c);
}

/**
 * Cosine of `v` with the centroid of all the other sentences (`whole` minus `v`),
 * from dot products alone: no per-sentence copy of the centroid.
 */
export function cosineWithRest(v: Vector, whole: Vector): number {
  const vw = dot(v, whole);
  const vv = v.norm * v.norm;
  const restSq = whole.norm * whole.norm - 2 * vw + vv;
  // Rounding leaves a tiny positive rest when `v` is the only sentence.
  if (!v.norm || restSq <= 1e-9 * Math.max(1, whole.norm * whole.norm)) return 0;
  return (vw - vv) / (v.norm * Math.sqrt(restSq));
}
