// Finds indexed terms one or two typos away from a word without scanning the
// vocabulary: each term is filed under its one-letter deletions (SymSpell), so
// substitutions, insertions, deletions and transpositions meet on a shared key.
import { editDistance, typoBudget } from '../text/edit-distance.js';

const MIN_LENGTH = 5;

function deletions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

export class TypoNeighbours {
  private readonly byKey = new Map<string, string | string[]>();

  add(term: string): void {
    if (term.length < MIN_LENGTH) return;
    for (const key of [term, ...deletions(term)]) {
      const cur = this.byKey.get(key);
      if (cur === undefined) this.byKey.set(key, term);
      else if (typeof cur === 'string') {
        if (cur !== term) this.byKey.set(key, [cur, term]);
      } else if (!cur.includes(term)) cur.push(term);
    }
  }

  /**
   * Indexed terms within the typo budget of `word` (the word itself excluded),
   * sorted: the same answer whatever order the terms were indexed in (a start
   * from the derived-data snapshot meets them in another order).
   */
  near(word: string): string[] {
    if (word.length < MIN_LENGTH) return [];
    const budget = typoBudget(word.length);
    if (budget === 0) return [];
    const found = new Set<string>();
    for (const key of [word, ...deletions(word)]) {
      const hit = this.byKey.get(key);
      if (hit === undefined) continue;
      for (const term of typeof hit === 'string' ? [hit] : hit) {
        if (term !== word && !found.has(term) && editDistance(word, term, budget) <= budget) found.add(term);
      }
    }
    return [...found].sort();
  }
}
