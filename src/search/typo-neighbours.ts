// Finds indexed terms one or two typos away from a word without scanning the
// vocabulary: each term is filed under its one-letter deletions (SymSpell), so
// substitutions, insertions, deletions and transpositions meet on a shared key.
//
// Filing every term costs ~1.7 s at 100,000 articles (~90,000 terms), so terms
// are filed in the background, in slices of a few milliseconds, after start.
// Until then a look-up also scans the terms not filed yet, of the word's length
// give or take one, for one that shares a key with the word (a test that builds
// no strings): the same answer as once all are filed, only slower.
import { backgroundStep, type BackgroundStep } from '../background-step.js';
import { editDistance, typoBudget } from '../text/edit-distance.js';
import { deletionKeys, sharesDeletionKey } from './deletion-keys.js';

const MIN_LENGTH = 5;
/** How long one background slice files terms before the event loop gets a turn. */
const FILING_SLICE_MS = 8;

interface PendingTerms {
  terms: string[];
  filedUpTo: number;
}

export class TypoNeighbours {
  private readonly byKey = new Map<string, string | string[]>();
  /**
   * Terms added and not filed yet, by length (a word only meets terms one
   * letter longer or shorter at most); each list is filed in order from its
   * `filedUpTo`.
   */
  private readonly pending = new Map<number, PendingTerms>();
  private unfiled = 0;
  private step: BackgroundStep | null = null;
  private stopped = false;
  private whenFiled: (() => void)[] = [];
  private taken = 0;
  private filedCount = 0;

  /** Takes a term in; it is filed in the background (look-ups find it at once all the same). */
  add(term: string): void {
    if (term.length < MIN_LENGTH) return;
    let same = this.pending.get(term.length);
    if (same === undefined) this.pending.set(term.length, (same = { terms: [], filedUpTo: 0 }));
    same.terms.push(term);
    this.unfiled++;
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
    const keys = deletionKeys(word);
    const close = (term: string) => term !== word && !found.has(term) && editDistance(word, term, budget) <= budget;
    for (const key of keys) {
      const hit = this.byKey.get(key);
      if (hit === undefined) continue;
      for (const term of typeof hit === 'string' ? [hit] : hit) if (close(term)) found.add(term);
    }
    // Terms not filed yet: the same key test, made without building keys
    // (~90,000 terms right after a 100k start, for every word of a look-up).
    for (let length = word.length - 1; this.unfiled > 0 && length <= word.length + 1; length++) {
      const unfiled = this.pending.get(length);
      if (unfiled === undefined) continue;
      for (let i = unfiled.filedUpTo; i < unfiled.terms.length; i++) {
        const term = unfiled.terms[i]!;
        if (sharesDeletionKey(word, term) && close(term)) found.add(term);
      }
    }
    return [...found].sort();
  }

  /** Resolves once every term taken in so far is filed (keeps the process alive until then). */
  filed(): Promise<void> {
    if (this.unfiled === 0) return Promise.resolve();
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
      for (const [length, unfiled] of this.pending) {
        while (unfiled.filedUpTo < unfiled.terms.length && performance.now() < deadline) {
          for (let k = 0; k < 64 && unfiled.filedUpTo < unfiled.terms.length; k++) {
            this.file(unfiled.terms[unfiled.filedUpTo++]!);
            this.unfiled--;
            this.filedCount++;
          }
        }
        if (unfiled.filedUpTo < unfiled.terms.length) break;
        this.pending.delete(length);
      }
      if (this.unfiled > 0) return this.schedule();
      for (const resolve of this.whenFiled.splice(0)) resolve();
    }, true);
  }

  private file(term: string): void {
    for (const key of deletionKeys(term)) {
      const cur = this.byKey.get(key);
      if (cur === undefined) this.byKey.set(key, term);
      else if (typeof cur === 'string') {
        if (cur !== term) this.byKey.set(key, [cur, term]);
      } else if (!cur.includes(term)) cur.push(term);
    }
  }
}
