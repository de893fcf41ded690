// TF-IDF vectors over an article's sentences and cosine similarity, the basis
// for centrality (similarity to the rest of the article and to its title).
import type { Language } from '../model/article.js';
import { terms, type TermOptions } from '../nlp/tokenize.js';

export type Vector = Map<string, number>;

export interface SentenceSpace {
  vectors: Vector[];
  /** Vector of the text the space was asked to compare against (the title). */
  embed(text: string): Vector;
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const o = b.get(t);
    if (o !== undefined) dot += w * o;
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function buildSpace(sentences: readonly string[], language: Language, options: TermOptions): SentenceSpace {
  const bags = sentences.map((s) => terms(s, language, options));
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of new Set(bag)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = bags.length;
  const vectorOf = (bag: string[]): Vector => {
    const v: Vector = new Map();
    for (const t of bag) v.set(t, (v.get(t) ?? 0) + 1);
    for (const [t, tf] of v) v.set(t, (1 + Math.log(tf)) * Math.log(1 + n / (df.get(t) ?? 0.5)));
    return v;
  };
  return { vectors: bags.map(vectorOf), embed: (text) => vectorOf(terms(text, language, options)) };
}

/** Sum of vectors: the article's centroid. */
export function centroid(vectors: readonly Vector[]): Vector {
  const c: Vector = new Map();
  for (const v of vectors) for (const [t, w] of v) c.set(t, (c.get(t) ?? 0) + w);
  return c;
}
