// Incremental same-event grouping. Each article's translation-proof signals are
// indexed (signal -> articles), so assigning a new article only scores articles
// sharing a rare signal with it: no rescan of the corpus, fast at 10,000 articles.
// A match needs weighted overlap of rare signals and a compatible event date;
// editions of one series (different ordinal or a date days apart) stay apart.
import type { ArticleRecord } from '../model/article.js';
import { dayDistance } from '../nlp/find-dates.js';
import { differentSeriesEditions, storySignals, type StoryInput, type StorySignals } from './story-signals.js';

export type NewArticle = StoryInput;

/** Days two reports of one event may differ in the date they give. */
const DATE_WINDOW_DAYS = 3;
/** Share of the smaller article's signal weight that must be shared. */
const MIN_OVERLAP = 0.35;
const MIN_OVERLAP_UNDATED = 0.5;
const MIN_SHARED = 3;
/** Signals carried by more articles than this are too common to find candidates with. */
const MAX_POSTINGS = 500;

interface Entry {
  record: ArticleRecord;
  signals: StorySignals;
  /** The assignment that last looked at this entry: dedupes candidates without building a set. */
  visit: number;
}

export class StoryIndex {
  private readonly byStory = new Map<string, ArticleRecord[]>();
  private readonly articles = new Map<string, Entry>();
  /** Signal -> the articles carrying it, in the order they were added (arrays build faster than sets at start-up). */
  private readonly postings = new Map<string, Entry[]>();
  private visits = 0;
  /** Signals computed by the last `assign`, reused by the `add` that follows it. */
  private lastAssigned: { article: NewArticle; signals: StorySignals } | null = null;

  constructor(articles: readonly ArticleRecord[]) {
    for (const a of articles) this.add(a);
  }

  /** The story a new article belongs to: an existing story id, or its own id for a new story. */
  assign(article: NewArticle): string {
    const signals = storySignals(article);
    this.lastAssigned = { article, signals };
    // Rarity depends only on the corpus, which does not change during one assignment.
    const rarities = new Map<string, number>();
    const rarity = (key: string): number => {
      let r = rarities.get(key);
      if (r === undefined) rarities.set(key, (r = this.rarity(key)));
      return r;
    };
    let ownTotal: number | null = null;
    let best: { storyId: string; score: number } | null = null;
    const visit = ++this.visits;
    for (const entries of this.candidatePostings(signals)) {
      for (const other of entries) {
        if (other.visit === visit) continue;
        other.visit = visit;
        if (other.record.id === article.id || !compatible(signals, other.signals)) continue;
        ownTotal ??= total(signals, rarity);
        const score = this.overlap(signals, ownTotal, other.signals, rarity);
        if (score > 0 && (!best || score > best.score)) best = { storyId: other.record.storyId, score };
      }
    }
    return best?.storyId ?? article.id;
  }

  add(article: ArticleRecord): void {
    if (this.articles.has(article.id)) this.remove(this.articles.get(article.id)!.record);
    const signals = this.reusableSignals(article) ?? storySignals(article);
    this.lastAssigned = null;
    const entry: Entry = { record: article, signals, visit: 0 };
    this.articles.set(article.id, entry);
    for (const key of signals.weights.keys()) {
      const entries = this.postings.get(key);
      if (entries) entries.push(entry);
      else this.postings.set(key, [entry]);
    }
    const list = this.byStory.get(article.storyId);
    if (list) list.push(article);
    else this.byStory.set(article.storyId, [article]);
  }

  remove(article: ArticleRecord): void {
    const entry = this.articles.get(article.id);
    if (entry) {
      for (const key of entry.signals.weights.keys()) {
        const entries = this.postings.get(key);
        const at = entries ? entries.indexOf(entry) : -1;
        if (at !== -1) entries!.splice(at, 1);
        if (entries && entries.length === 0) this.postings.delete(key);
      }
      this.articles.delete(article.id);
    }
    const storyId = entry?.record.storyId ?? article.storyId;
    const list = (this.byStory.get(storyId) ?? []).filter((a) => a.id !== article.id);
    if (list.length) this.byStory.set(storyId, list);
    else this.byStory.delete(storyId);
  }

  members(storyId: string): readonly ArticleRecord[] {
    return this.byStory.get(storyId) ?? [];
  }

  /** The signals `assign` computed, when `article` is that same draft with its story id added. */
  private reusableSignals(article: ArticleRecord): StorySignals | null {
    const last = this.lastAssigned;
    if (!last || last.article.id !== article.id) return null;
    const a = last.article;
    const same = a.entities === article.entities && a.keyFigures === article.keyFigures && a.body === article.body
      && a.eventDate === article.eventDate && a.publishedDate === article.publishedDate && a.language === article.language;
    return same ? last.signals : null;
  }

  /** Postings that find candidates: not places (they alone never make a story), not too common. */
  private *candidatePostings(signals: StorySignals): Generator<readonly Entry[]> {
    for (const key of signals.weights.keys()) {
      if (key.startsWith('l:')) continue;
      const entries = this.postings.get(key);
      if (entries && entries.length <= MAX_POSTINGS) yield entries;
    }
  }

  /** Rarity of a signal in the current corpus (1 for a signal no other article has). */
  private rarity(key: string): number {
    const df = this.postings.get(key)?.length ?? 0;
    const n = this.articles.size + 1;
    return Math.log(1 + n / (df + 1)) / Math.log(1 + n);
  }

  /** Weighted overlap of two compatible articles' signals, or 0 when too little is shared. */
  private overlap(a: StorySignals, totalA: number, b: StorySignals, rarity: (key: string) => number): number {
    let shared = 0;
    let count = 0;
    for (const [key, w] of a.weights) {
      const o = b.weights.get(key);
      if (o === undefined) continue;
      shared += Math.min(w, o) * rarity(key);
      count += key.startsWith('l:') ? 0 : 1;
    }
    if (count < MIN_SHARED) return 0;
    const overlap = shared / Math.max(1e-9, Math.min(totalA, total(b, rarity)));
    const dated = a.date !== null && b.date !== null;
    return overlap >= (dated ? MIN_OVERLAP : MIN_OVERLAP_UNDATED) ? overlap : 0;
  }
}

function total(s: StorySignals, rarity: (key: string) => number): number {
  let sum = 0;
  for (const [k, w] of s.weights) sum += w * rarity(k);
  return sum;
}

/** False when two articles cannot report one event: other series edition, dates apart. */
function compatible(a: StorySignals, b: StorySignals): boolean {
  if (a.day !== null && b.day !== null) {
    if (Math.abs(a.day - b.day) > DATE_WINDOW_DAYS) return false;
  } else if (a.date !== null && b.date !== null) {
    if (dayDistance(a.date, b.date) > DATE_WINDOW_DAYS) return false;
  } else if ((a.series.length === 0) !== (b.series.length === 0)) {
    // Without dates, a named series edition on one side only is too weak a link.
    return false;
  }
  return !differentSeriesEditions(a.series, b.series);
}
