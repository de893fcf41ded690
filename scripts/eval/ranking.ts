// Retrieval and grouping metrics: recall@k, reciprocal rank, precision@k and
// hard-negative hits over ranked cards (each card covers its article and the
// articles reported with it), and pairwise precision/recall/F1 of a clustering
// against gold groups.

type Ranked = readonly (readonly string[])[];

/**
 * Share of the expected articles on the first k cards. A query with nothing to
 * find scores 1 when it answers with no card and 0 when it shows cards anyway.
 */
export function recallAtK(ranked: Ranked, expected: readonly string[], k: number): number {
  if (expected.length === 0) return ranked.length === 0 ? 1 : 0;
  const covered = new Set(ranked.slice(0, k).flat());
  return expected.filter((e) => covered.has(e)).length / expected.length;
}

/** 1 / rank of the first card covering any expected item (0 when none does; empty-expected rule as recall). */
export function reciprocalRank(ranked: Ranked, expected: readonly string[]): number {
  if (expected.length === 0) return ranked.length === 0 ? 1 : 0;
  const i = ranked.findIndex((group) => group.some((id) => expected.includes(id)));
  return i === -1 ? 0 : 1 / (i + 1);
}

/**
 * Share of the distinct articles on the first k cards (also-reported-by
 * included) that are relevant or partial answers. No card at all is 1 for a
 * query with nothing to find and 0 for one that had answers.
 */
export function precisionAtK(ranked: Ranked, relevant: readonly string[], partial: readonly string[], k: number): number {
  const shown = new Set(ranked.slice(0, k).flat());
  if (shown.size === 0) return relevant.length === 0 ? 1 : 0;
  const good = new Set([...relevant, ...partial]);
  return [...shown].filter((id) => good.has(id)).length / shown.size;
}

/** The hard negatives shown on the first k cards (also-reported-by included), each once. */
export function hardNegativesShown(ranked: Ranked, negatives: readonly string[], k: number): string[] {
  const shown = new Set(ranked.slice(0, k).flat());
  return negatives.filter((id, i) => shown.has(id) && negatives.indexOf(id) === i);
}

function pairs(groups: Ranked): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    const sorted = [...g].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.add(`${sorted[i]}|${sorted[j]}`);
  }
  return out;
}

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
}

export function pairwiseScores(predicted: Ranked, gold: Ranked): PairScores {
  const p = pairs(predicted);
  const g = pairs(gold);
  const hit = [...p].filter((x) => g.has(x)).length;
  // No pairs predicted and none expected is perfect agreement.
  const precision = p.size === 0 ? (g.size === 0 ? 1 : 0) : hit / p.size;
  const recall = g.size === 0 ? (p.size === 0 ? 1 : 0) : hit / g.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
