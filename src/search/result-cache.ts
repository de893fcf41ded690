// Teams ask the same few look-ups all week ("/brief ijepa"): answers are cached
// per folded query until the article set changes (any add or remove).
import { foldText } from '../text/normalize.js';

export class ResultCache<T> {
  private readonly entries = new Map<string, T>();
  private gen = 0;
  private cachedAt = 0;

  constructor(private readonly capacity = 256) {}

  /** Call on every change to the searchable articles. */
  invalidate(): void {
    this.gen++;
  }

  /** Changes whenever the article set does: lets other caches follow this one. */
  get generation(): number {
    return this.gen;
  }

  get(query: string): T | undefined {
    this.dropIfStale();
    const key = foldText(query);
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh recency: Map keeps insertion order, the oldest is evicted first.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(query: string, value: T): void {
    this.dropIfStale();
    this.entries.set(foldText(query), value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  private dropIfStale(): void {
    if (this.cachedAt !== this.gen) {
      this.entries.clear();
      this.cachedAt = this.gen;
    }
  }
}
