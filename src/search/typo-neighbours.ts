// Finds indexed terms one or two typos away from a word without scanning the
// vocabulary: each term is filed under its one-letter deletions (SymSpell), so
// substitutions, insertions, deletions and transpositions meet on a shared key.
//
// Filing every term costs ~1.7 s at 100,000 articles (~90,000 terms), so terms
// are filed in the background, in slices of a few milliseconds, after start.
// Until then a look-up also scans the terms not filed yet for one that shares
// a key with the word: the same answer as once all are filed, only slower.
import { backgroundStep, type BackgroundStep } from '../background-step.js';
import { editDistance, typoBudget } from '../text/edit-distance.js';

const MIN_LENGTH = 5;
/** How long one background slice files terms before the event loop gets a turn. */
const FILING_SLICE_MS = 8;

/** A term and its one-letter deletions: the keys it is filed under. */
function keysOf(term: string): string[] {
  const out = [term];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

export class TypoNeighbours {
  private readonly byKey = new Map<string, string | string[]>();
  /** Terms added and not filed yet (filed in order from `filedUpTo`). */
  private pending: string[] = [];
  private filedUpTo = 0;
  private step: BackgroundStep | null = null;
  private stopped = false;
  private whenFiled: (() => void)[] = [];
  private taken = 0;
  private filedCount = 0;

  /** Takes a term in; it is filed in the background (look-ups find it at once all the same). */
  add(term: string): void {
    if (term.length < MIN_LENGTH) return;
    this.pending.push(term);
    this.taken++;
    if (this.step === null && !this.stopped) this.schedule();
  }

  /**
   * Indexed terms within the typo budget of `word` (the word itself excluded),
   * sorted: the same answer whatever order the terms were indexed in (a start
   * from the derived-data snapshot meets them in another order) and whether
   * they are filed yet.
   */
  near(word: string): string[] {
    if (word.length < MIN_LENGTH) return [];
    const budget = typoBudget(word.length);
    if (budget === 0) return [];
    const found = new Set<string>();
    const keys = keysOf(word);
    const close = (term: string) => term !== word && !found.has(term) && editDistance(word, term, budget) <= budget;
    for (const key of keys) {
      const hit = this.byKey.get(key);
      if (hit === undefined) continue;
      for (const term of typeof hit === 'string' ? [hit] : hit) if (close(term)) found.add(term);
    }
    if (this.filedUpTo < this.pending.length) {
      const keySet = new Set(keys);
      for (let i = this.filedUpTo; i < this.pending.length; i++) {
        const term = this.pending[i]!;
        if (Math.abs(term.length - word.length) <= 1 && keysOf(term).some((k) => keySet.has(k)) && close(term)) found.add(term);
      }
    }
    return [...found].sort();
  }

  /** Resolves once every term taken in so far is filed (keeps the process alive until then). */
  filed(): Promise<void> {
    if (this.filedUpTo === this.pending.length) return Promise.resolve();
    return new Promise((resolve) => this.whenFiled.push(resolve));
  }

  /** Terms taken in and terms filed, for tests and benches. */
  stats(): { terms: number; filed: number } {
    return { terms: this.taken, filed: this.filedCount };
  }

  /** Stops filing in the background (the engine is closing); look-ups still find every term. */
  stop(): void {
    this.stopped = true;
    this.step?.cancel();
    this.step = null;
  }

  /** Keeps the process alive until every term is filed; close stops it. */
  private schedule(): void {
    this.step = backgroundStep(() => {
      this.step = null;
      const deadline = performance.now() + FILING_SLICE_MS;
      while (this.filedUpTo < this.pending.length && performance.now() < deadline) {
        for (let k = 0; k < 64 && this.filedUpTo < this.pending.length; k++) {
          this.file(this.pending[this.filedUpTo++]!);
          this.filedCount++;
        }
      }
      if (this.filedUpTo < this.pending.length) return this.schedule();
      this.pending = [];
      this.filedUpTo = 0;
      for (const resolve of this.whenFiled.splice(0)) resolve();
    }, true);
  }

  private file(term: string): void {
    for (const key of keysOf(term)) {
      const cur = this.byKey.get(key);
      if (cur === undefined) this.byKey.set(key, term);
      else if (typeof cur === 'string') {
        if (cur !== term) this.byKey.set(key, [cur, term]);
      } else if (!cur.includes(term)) cur.push(term);
    }
  }
}
