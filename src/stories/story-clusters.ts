// Incremental same-event grouping. Each article's translation-proof signals are
// indexed (signal -> articles), so assigning a new article only scores articles
// sharing a rare name or number with it: no rescan of the corpus, fast at
// 10,000 articles. The rule (docs/decisions/013-same-event-stories.md):
// a date gate first (reports of one event give dates days apart, never years;
// a missing date raises the bar instead of passing), then the rarity-weighted
// overlap of the two reports' signals, normalised by both sizes, must clear a
// threshold with at least two shared names or numbers.
import { backgroundStep, buildSliceMs, type BackgroundStep } from '../background-step.js';
import { storedPart, type ArticleRecord, type StoredArticle } from '../model/article.js';
import { dayDistance } from '../nlp/find-dates.js';
import type { Lexicon } from '../search/lexicon.js';
import { conceptsOf, type Concepts } from './event-signals.js';
import { SharedCounts } from './shared-counts.js';
import { SignalBlocks, unpack, type PackedSignals } from './signal-blocks.js';
import { SignalsAhead } from './signals-ahead.js';
import { differentSeriesEditions, storedSignals, storySignals, type SeriesEvent, type StoredSignals, type StoryInput, type StorySignals } from './story-signals.js';

export type NewArticle = StoryInput;

/** A new report's signals as an entry keeps them, with the number of each key (in the same order). */
interface NumberedSignals {
  signals: StoredSignals;
  nums: number[];
}

/** Signals of stored articles read in an earlier run, by article id (a Map, or a view of the derived-data snapshot). */
export interface KnownSignals {
  readonly size: number;
  get(id: string): StoredSignals | undefined;
}

/** Days two reports of one event may differ in the date they give (event vs publication day, time zones). */
const DATE_WINDOW_DAYS = 3;
/** Weighted overlap two reports with compatible full dates must reach. */
const MIN_SIMILARITY = 0.2;
/** The bar when either date is missing: a missing date makes a merge harder, never easier. */
const MIN_SIMILARITY_UNDATED = 0.4;
/** Shared names or numbers (not just vocabulary and places) a match needs. */
const MIN_SHARED_SPECIFIC = 2;
/** Signals carried by more articles than this are too common to find candidates with. */
const MAX_POSTINGS = 500;
/** Assigned drafts whose signals are kept for their `add` (concurrent adds interleave; a failed write never adds). */
const MAX_AWAITING_ADD = 256;
/** Stored articles to read from their text before a worker thread reads some ahead (starting one costs ~1 s of CPU). */
const READ_AHEAD_FROM = 4_000;

export interface StoryIndexOptions {
  /** A worker thread may read stored articles' signals ahead of the background build (signals-ahead.ts). */
  readAhead?: boolean;
}

interface Entry {
  record: StoredArticle;
  signals: PackedSignals;
  /** Its number in the postings (numbers are never reused). */
  num: number;
  /** Rarity-weighted total, and the corpus size it was computed at (rarity drifts slowly). */
  total: number;
  totalAt: number;
}

export class StoryIndex {
  private readonly byStory = new Map<string, StoredArticle[]>();
  private readonly articles = new Map<string, Entry>();
  /**
   * Signal keys numbered in the order first seen (one string per key, shared by
   * every entry and signal read; a number is never reused), and by number the
   * numbers of the entries carrying it, in the order they were added (arrays
   * build faster than sets at start-up).
   */
  private readonly keyNumber = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly postings: (number[] | undefined)[] = [];
  /** Entries' signals, packed (signal-blocks.ts). */
  private readonly blocks = new SignalBlocks(this.keys, (key) => this.numberOf(key));
  /** Entries by number (undefined once removed). */
  private readonly byNum: (Entry | undefined)[] = [];
  /**
   * Each entry's day (its signals' `day`, NaN for none) by number: the date gate
   * turns most candidates away on this alone, without reaching their entries.
   */
  private readonly dayByNum: number[] = [];
  private readonly sharedCounts = new SharedCounts();
  /**
   * Signals computed by `assign`, by article id, reused by the `add` of that article:
   * concurrent adds assign several drafts before the first of them is added.
   */
  private readonly awaitingAdd = new Map<string, { article: NewArticle; kept: NumberedSignals }>();
  /** Signals read in an earlier run (the derived-data snapshot), taken instead of reading the text again. */
  private known: KnownSignals | null;

  private readonly concepts: Concepts;
  /** Reads a stored record's body (kept out of memory) when its signals are read from the text. */
  private readonly bodyOf: (id: string) => string | undefined;

  /** Stored records whose signals are not indexed yet, and how many of them are done (see the constructor). */
  private pending: readonly StoredArticle[] = [];
  private pendingDone = 0;
  /** The scheduled next step of the background build, and whether it may keep the process alive. */
  private step: BackgroundStep | null = null;
  private keepAlive = false;
  private finished: () => void = () => {};
  private readonly built: Promise<void>;
  /** Resolves when the background build is stopped (closing). */
  private halt: () => void = () => {};
  private readonly halted = new Promise<void>((resolve) => {
    this.halt = resolve;
  });
  /** Signal readings so far (for the stats; the costly part of a change). */
  private signalsComputed = 0;
  /** Signals a worker thread read ahead of the build, while it runs. */
  private ahead: SignalsAhead | null = null;
  private signalsAhead = 0;
  /** Requests awaiting the build (untilIndexed): its slices are then longer (background-step.ts). */
  private awaited = 0;

  /**
   * `lexicon` maps content words across languages ("hidrogen" = "hydrogen").
   * Stored records join their stories at once, so look-ups and cards answer
   * right after start; their signals (read from the text, ~1 ms each) are
   * indexed after start in small slices between other work. A change that
   * arrives before that build is done first indexes the rest, because the
   * rarity of every signal depends on the whole corpus: results never depend
   * on when the change came. `known` signals (from the derived-data snapshot)
   * are taken instead of reading the text, in the same build and the same
   * order: they cost little to index, but at 100,000 articles indexing them
   * all took ~1.7 s of a restart, which nothing answered before a change needs.
   * With `readAhead`, a worker thread reads the signals of the build's last
   * articles meanwhile (signals-ahead.ts; the same answers).
   */
  constructor(
    articles: readonly StoredArticle[],
    lexicon: Lexicon,
    known?: KnownSignals,
    bodyOf: (id: string) => string | undefined = () => undefined,
    options: StoryIndexOptions = {},
  ) {
    this.bodyOf = bodyOf;
    this.concepts = conceptsOf(lexicon);
    this.known = known && known.size > 0 ? known : null;
    for (const a of articles) {
      const list = this.byStory.get(a.storyId);
      if (list) list.push(a);
      else this.byStory.set(a.storyId, [a]);
    }
    this.pending = [...articles];
    this.built = new Promise<void>((resolve) => {
      this.finished = resolve;
    });
    if (this.pending.length === 0) this.finished();
    else this.schedule();
    if (options.readAhead && this.pending.length - (this.known?.size ?? 0) >= READ_AHEAD_FROM) {
      this.ahead = new SignalsAhead(this.pending, () => this.pendingDone, (a) => this.bodyOf(a.id) ?? ownBody(a), this.share, lexicon);
    }
  }

  /** Resolves once every stored record's signals are indexed, without keeping the process alive for it. */
  onceIndexed(): Promise<void> {
    return this.built;
  }

  /** The signals indexed for a stored article, as arrays; undefined while not built yet. */
  signalsFor(id: string): StoredSignals | undefined {
    const entry = this.articles.get(id);
    return entry && unpack(entry.signals);
  }

  /** The signals indexed for a stored article as the index keeps them (for the derived-data snapshot, nothing copied); undefined while not built yet. */
  packedSignalsFor(id: string): PackedSignals | undefined {
    return this.articles.get(id)?.signals;
  }

  /**
   * Resolves once every stored record's signals are indexed. Waiting keeps the
   * process alive until then; otherwise the build never holds an exit up.
   */
  whenIndexed(): Promise<void> {
    this.keepAlive = true;
    this.step?.ref();
    return this.built;
  }

  /** True once every stored record's signals are indexed (a change then indexes nothing first). */
  indexed(): boolean {
    return this.pendingDone >= this.pending.length;
  }

  /**
   * Resolves once every stored record's signals are indexed by the background
   * build (the event loop keeps its turns meanwhile), or once the build is
   * stopped (closing: a change then indexes the rest itself). Keeps the process alive meanwhile.
   */
  untilIndexed(): Promise<void> {
    if (this.indexed()) return Promise.resolve();
    this.awaited += 1;
    return Promise.race([this.whenIndexed(), this.halted]).finally(() => {
      this.awaited -= 1;
    });
  }

  /** Stops the background build (the engine is closing); a later change still indexes the rest first. */
  stop(): void {
    this.step?.cancel();
    this.step = null;
    this.ahead?.stop();
    this.ahead = null;
    this.halt();
  }

  /** Counts for benches and tests: signals read so far, stored records still waiting for theirs. */
  stats(): { signalsComputed: number; pendingSignals: number; signalsAhead: number } {
    return { signalsComputed: this.signalsComputed, pendingSignals: this.pending.length - this.pendingDone, signalsAhead: this.signalsAhead };
  }

  private schedule(): void {
    this.step = backgroundStep(() => {
      this.step = null;
      this.indexPending(performance.now() + buildSliceMs(this.awaited > 0));
      if (this.pendingDone < this.pending.length) this.schedule();
    }, this.keepAlive);
  }

  /** Indexes the stored records' signals until `deadline` (all of them without one). */
  private indexPending(deadline = Infinity): void {
    while (this.pendingDone < this.pending.length) {
      if (performance.now() >= deadline) return;
      const a = this.pending[this.pendingDone++]!;
      this.index(a, this.storedSignalsOf(a));
    }
    if (this.pending.length > 0) {
      this.pending = [];
      this.pendingDone = 0;
      this.known = null;
      this.ahead?.stop();
      this.ahead = null;
      this.finished();
    }
  }

  private signalsOf(article: NewArticle): StorySignals {
    this.signalsComputed += 1;
    return storySignals(article, this.concepts);
  }

  /** A stored record's signals: from the snapshot when known, else read from its text. */
  private storedSignalsOf(article: StoredArticle): StoredSignals {
    const known = this.known?.get(article.id);
    if (known) return known;
    const ahead = this.ahead?.take(article.id);
    if (ahead) {
      this.signalsAhead += 1;
      return ahead;
    }
    return this.keep(this.signalsOf({ ...article, body: this.bodyOf(article.id) ?? ownBody(article) }));
  }

  /** The part of a report's signals an entry keeps, its keys shared with every other entry. */
  private keep(s: StorySignals): StoredSignals {
    return storedSignals(s, this.share);
  }

  /** As keep, with each key's number: an assignment and the add after it look each key up once, not in every step. */
  private keepNumbered(s: StorySignals): NumberedSignals {
    const nums: number[] = [];
    const signals = storedSignals(s, (key) => {
      const n = this.numberOf(key);
      nums.push(n);
      return this.keys[n]!;
    });
    return { signals, nums };
  }

  /** The one string every entry keeps for a signal key. */
  private readonly share = (key: string): string => this.keys[this.numberOf(key)]!;

  /** A signal key's number (a new one for a key not seen before). */
  private numberOf(key: string): number {
    let n = this.keyNumber.get(key);
    if (n === undefined) this.keyNumber.set(key, (n = this.keys.push(key) - 1));
    return n;
  }

  /**
   * The story a new article belongs to: an existing story id, or its own id for a new story.
   * `precomputed`: the article's signals read elsewhere (a worker thread) from this same text.
   */
  assign(article: NewArticle, precomputed?: StorySignals): string {
    this.indexPending();
    const signals = precomputed ?? this.signalsOf(article);
    const kept = this.keepNumbered(signals);
    this.awaitingAdd.delete(article.id);
    this.awaitingAdd.set(article.id, { article, kept });
    // Oldest first: a draft whose write failed is never added.
    if (this.awaitingAdd.size > MAX_AWAITING_ADD) this.awaitingAdd.delete(this.awaitingAdd.keys().next().value!);
    // Rarity depends only on the corpus, which does not change during one assignment.
    const rarities = new Map<number, number>();
    const rarity = (num: number): number => {
      let r = rarities.get(num);
      if (r === undefined) rarities.set(num, (r = this.rarityOf(num)));
      return r;
    };
    let ownTotal: number | null = null;
    const bestByStory = new Map<string, number>();
    for (const n of this.candidates(kept)) {
      // The date gate's first test (see compatible) on the days alone: most candidates fail it, their entries untouched.
      if (signals.day !== null && Math.abs(signals.day - this.dayByNum[n]!) > DATE_WINDOW_DAYS) continue;
      const other = this.byNum[n]!;
      if (!compatible(signals, other.signals) || other.record.id === article.id) continue;
      ownTotal ??= weightedTotal(kept.signals.weights, kept.nums, 0, kept.nums.length, rarity);
      const score = this.similarity(signals, ownTotal, other.signals, this.totalOf(other, rarity), rarity);
      const storyId = other.record.storyId;
      if (score > (bestByStory.get(storyId) ?? 0)) bestByStory.set(storyId, score);
    }
    // A story reports one event: the new article must fit the dates of all its reports, not only the closest.
    const ranked = [...bestByStory].sort((x, y) => y[1] - x[1]);
    for (const [storyId] of ranked) {
      if (this.members(storyId).every((m) => m.id === article.id || this.fits(signals, m.id))) return storyId;
    }
    return article.id;
  }

  /**
   * The numbers of the entries sharing at least MIN_SHARED_SPECIFIC names and
   * numbers with a new report, in the order they reach it: counted per entry
   * first (cheap); only these are dated and scored. Postings of names and
   * numbers only (vocabulary and places alone never make a story), and not too
   * common.
   */
  private candidates({ signals, nums }: NumberedSignals): number[] {
    const counts = this.sharedCounts;
    counts.begin();
    const found: number[] = [];
    for (let k = 0; k < nums.length; k++) {
      if (!isSpecific(signals.keys[k]!)) continue;
      const posting = this.postings[nums[k]!];
      if (!posting || posting.length > MAX_POSTINGS) continue;
      for (let i = 0; i < posting.length; i++) {
        const n = posting[i]!;
        if (counts.bump(n) === MIN_SHARED_SPECIFIC) found.push(n);
      }
    }
    return found;
  }

  private fits(signals: StorySignals, id: string): boolean {
    const entry = this.articles.get(id);
    return entry === undefined || compatible(signals, entry.signals);
  }

  add(article: ArticleRecord): void {
    this.indexPending();
    if (this.articles.has(article.id)) this.remove(this.articles.get(article.id)!.record);
    const reused = this.reusableSignals(article);
    const signals = reused?.signals ?? this.keep(this.signalsOf(article));
    this.awaitingAdd.delete(article.id);
    const record = storedPart(article); // entries keep no body (decision 025)
    this.index(record, signals, reused?.nums);
    const list = this.byStory.get(record.storyId);
    if (list) list.push(record);
    else this.byStory.set(record.storyId, [record]);
  }

  /** An entry's rarity-weighted total, recomputed once the corpus has grown by a fiftieth. */
  private totalOf(entry: Entry, rarity: (num: number) => number): number {
    const size = this.articles.size;
    if (entry.totalAt === 0 || Math.abs(size - entry.totalAt) > entry.totalAt / 50) {
      const s = entry.signals;
      entry.total = weightedTotal(s.weights, s.ids, s.from, s.to, rarity);
      entry.totalAt = Math.max(1, size);
    }
    return entry.total;
  }

  /** `nums`: the numbers of the signals' keys, when the caller has them. */
  private index(article: StoredArticle, signals: StoredSignals, nums?: readonly number[]): void {
    const num = this.byNum.length;
    const packed = this.blocks.pack(signals, nums);
    const entry: Entry = { record: article, signals: packed, num, total: 0, totalAt: 0 };
    this.byNum.push(entry);
    this.dayByNum.push(signals.day ?? NaN);
    this.articles.set(article.id, entry);
    for (let k = packed.from; k < packed.to; k++) {
      const key = packed.ids[k]!;
      const nums = this.postings[key];
      if (nums) nums.push(num);
      else this.postings[key] = [num];
    }
  }

  remove(article: StoredArticle): void {
    this.indexPending();
    const entry = this.articles.get(article.id);
    if (entry) {
      const s = entry.signals;
      for (let k = s.from; k < s.to; k++) {
        const key = s.ids[k]!;
        const nums = this.postings[key];
        const at = nums ? nums.indexOf(entry.num) : -1;
        if (at !== -1) nums!.splice(at, 1);
        if (nums && nums.length === 0) this.postings[key] = undefined;
      }
      this.byNum[entry.num] = undefined;
      this.articles.delete(article.id);
    }
    const storyId = entry?.record.storyId ?? article.storyId;
    const list = (this.byStory.get(storyId) ?? []).filter((a) => a.id !== article.id);
    if (list.length) this.byStory.set(storyId, list);
    else this.byStory.delete(storyId);
  }

  members(storyId: string): readonly StoredArticle[] {
    return this.byStory.get(storyId) ?? [];
  }

  /**
   * The other reports of an article's story, for "Also reported by": never the
   * article itself nor a copy of it, and each report once. Copies share a link,
   * or a headline from the same outlet in the same language (also through
   * another copy).
   */
  otherReports(article: StoredArticle): StoredArticle[] {
    const members = this.members(article.storyId);
    const all = members.some((m) => m.id === article.id) ? members : [article, ...members];
    const copyOf = copyGroups(all);
    const own = copyOf.get(article.id);
    const listed = new Set<number>();
    const out: StoredArticle[] = [];
    for (const m of all) {
      const group = copyOf.get(m.id)!;
      if (group === own || listed.has(group)) continue;
      listed.add(group);
      out.push(m);
    }
    return out;
  }

  /** The signals `assign` computed, when `article` is that same draft with its story id added. */
  private reusableSignals(article: ArticleRecord): NumberedSignals | null {
    const last = this.awaitingAdd.get(article.id);
    if (!last) return null;
    const a = last.article;
    const same = a.title === article.title && a.body === article.body
      && a.eventDate === article.eventDate && a.publishedDate === article.publishedDate && a.language === article.language;
    return same ? last.kept : null;
  }

  /** Rarity of a signal (by its key's number) in the current corpus (1 for a signal no other article has). */
  private rarityOf(num: number): number {
    const df = this.postings[num]?.length ?? 0;
    const n = this.articles.size + 1;
    return Math.log(1 + n / (df + 1)) / Math.log(1 + n);
  }

  /**
   * Rarity-weighted overlap of two compatible reports, normalised by the
   * geometric mean of their sizes (so a long report with many side mentions
   * does not swallow a short one), or 0 when it is below the bar.
   */
  private similarity(a: StorySignals, totalA: number, b: PackedSignals, totalB: number, rarity: (num: number) => number): number {
    let shared = 0;
    let figures = 0;
    const specific = new Set<string>();
    for (let k = b.from; k < b.to; k++) {
      const key = b.names[b.ids[k]!]!;
      const w = a.weights.get(key);
      if (w === undefined) continue;
      shared += Math.min(w, b.weights[k]!) * rarity(b.ids[k]!);
      if (isSpecific(key)) specific.add(a.nameOf.get(key) ?? key);
      if (key.startsWith('n:')) figures += 1;
    }
    // "Airlangga" and "Hartarto" are one shared person, not two signals.
    if (specific.size < MIN_SHARED_SPECIFIC) return 0;
    const score = shared / Math.max(1e-9, Math.sqrt(totalA * totalB));
    // Day and month agreeing is as good as full dates. Without a date the same
    // people meet again and again: a shared figure (an amount, a count) must
    // pin the event instead, and the overlap must be larger.
    if (a.date !== null && b.date !== null) return score >= MIN_SIMILARITY ? score : 0;
    return figures > 0 && score >= MIN_SIMILARITY_UNDATED ? score : 0;
  }
}

/** The body a record carries itself (a store that keeps bodies, tests), else none. */
function ownBody(article: StoredArticle): string {
  return 'body' in article && typeof article.body === 'string' ? article.body : '';
}

/** Article id -> its copy group: the index of the first report it is a copy of (directly or through another copy). */
function copyGroups(reports: readonly StoredArticle[]): Map<string, number> {
  const group = new Map<string, number>();
  const byKey = new Map<string, number>();
  reports.forEach((r, i) => {
    const link = r.canonicalUrl ?? r.link;
    const keys = [`h:${r.language}|${(r.source ?? '').trim().toLowerCase()}|${r.title.trim().toLowerCase()}`, ...(link ? [`u:${link}`] : [])];
    const known = keys.map((k) => byKey.get(k)).find((g) => g !== undefined);
    const g = known ?? i;
    group.set(r.id, g);
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, g);
  });
  return group;
}

/** Names and numbers: the signals that single out one event (vocabulary and places only support them). */
type DatedSignals = Pick<StorySignals, 'date' | 'day'> & { series: readonly SeriesEvent[] };

const isSpecific = (key: string) => key.startsWith('w:') || key.startsWith('n:');

/**
 * A report's signal weights `from`..`to`, each times the rarity of its key
 * (by number), summed in order (packed or as arrays alike: float32 holds every weight exactly).
 */
function weightedTotal(weights: ArrayLike<number>, nums: ArrayLike<number>, from: number, to: number, rarity: (num: number) => number): number {
  let sum = 0;
  for (let k = from; k < to; k++) sum += weights[k]! * rarity(nums[k]!);
  return sum;
}

/** False when two reports cannot be of one event: dates apart (or years apart), other series edition. */
function compatible(a: DatedSignals, b: DatedSignals): boolean {
  if (a.day !== null && b.day !== null) {
    if (Math.abs(a.day - b.day) > DATE_WINDOW_DAYS) return false;
  } else if (a.date !== null && b.date !== null) {
    // A day and month without a year (in either) compare as if in the same year.
    if (dayDistance(a.date, b.date) > DATE_WINDOW_DAYS) return false;
  } else if ((a.series.length === 0) !== (b.series.length === 0)) {
    // Without dates, a named series edition on one side only is too weak a link.
    return false;
  }
  return !differentSeriesEditions(a.series, b.series);
}
