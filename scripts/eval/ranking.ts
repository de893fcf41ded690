// Retrieval and grouping metrics: recall@k, reciprocal rank and pairwise
// precision/recall/F1 of a clustering against gold groups.

export function recallAtK(ranked: readonly (readonly string[])[], expected: readonly string[], k: number): number {
  if (expected.length === 0) return 1;
  const covered = new Set(ranked.slice(0, k).flat());
  return expected.filter((e) => covered.has(e)).length / expected.length;
}

/** 1 / rank of the first result covering any expected item (0 when none does). */
export function reciprocalRank(ranked: readonly (readonly string[])[], expected: readonly string[]): number {
  const i = ranked.findIndex((group) => group.some((id) => expected.includes(id)));
  return i === -1 ? 0 : 1 / (i + 1);
}

function pairs(groups: readonly (readonly string[])[]): Set<string> {
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

export function pairwiseScores(predicted: readonly (readonly string[])[], gold: readonly (readonly string[])[]): PairScores {
  const p = pairs(predicted);
  const g = pairs(gold);
  const hit = [...p].filter((x) => g.has(x)).length;
  // No pairs predicted and none expected is perfect agreement.
  const precision = p.size === 0 ? (g.size === 0 ? 1 : 0) : hit / p.size;
  const recall = g.size === 0 ? (p.size === 0 ? 1 : 0) : hit / g.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
