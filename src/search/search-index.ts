// Full-text index over articles, searched with a query plan. Ranking: BM25F
// (inverted-index.ts), a bonus for articles tagged with a brief the query names
// and for verbatim phrases, recency as the tie-breaker. Articles outside the
// briefing's scope answer only when no in-scope article matches. A query with a
// word found nowhere (not as typed, translated or one typo away) has no good answer.
import type { ArticleText, StoredArticle } from '../model/article.js';
import type { BriefingStore } from '../store/briefing-store.js';
import type { Brief } from '../briefs/brief-schema.js';
import { Scope } from '../briefs/scope.js';
import { foldText } from '../text/normalize.js';
import { InvertedIndex, type NumberedDocuments, type NumberedIndex, type PostedIndex, type TermPostings } from './inverted-index.js';
import { kthLargest } from './kth-largest.js';
import { MatchFacts } from './match-facts.js';
import type { QueryPlan } from './query-plan.js';
import { FIELD_BOOST, prepareDocument, type DocumentText, type PreparedDocument } from './search-document.js';
import { ResultCache } from './result-cache.js';
import { TypoNeighbours } from './typo-neighbours.js';

export type { PreparedDocument } from './search-document.js';

export interface SearchHit {
  id: string;
  score: number;
}

/** Indexed articles numbered in one vocabulary, with their scope flags: what the derived-data snapshot keeps of search. */
export interface NumberedSearch extends NumberedIndex {
  inScope: Uint8Array;
}

/** Indexed articles with their postings by term and their scope flags: what the derived-data snapshot file keeps of search. */
export interface PostedSearch extends PostedIndex {
  inScope: Uint8Array;
}

export interface SearchResult {
  /** The best hits, ranked, at most RANKED_DEPTH (more only when scores tie at the cut). */
  ranked: SearchHit[];
  /** How many stories the documents that passed the relevance cut make, the ranked ones included. */
  stories: number;
  /** The user's words found in no article (then nothing is ranked: the query has no good answer). */
  missing: string[];
}

/** How many hits are ranked in full; the rest are only counted. */
const RANKED_DEPTH = 200;

const TOPIC_BONUS = 0.5;
const PHRASE_BONUS = 0.6;
const MIN_RELATIVE_SCORE = 0.12;
/** Raw matches weaker than this share of the best cannot climb into the results. */
const CANDIDATE_FLOOR = 0.04;
const RESCORE_DEPTH = 40;
/** A word found through a typo counts for less than the word as typed. */
const TYPO_WEIGHT = 0.45;
/** Articles whose folded text is kept for phrase checks (~1.5 KB each). */
const FOLDED_CACHE = 2_000;

export class SearchIndex {
  private readonly index = new InvertedIndex(FIELD_BOOST.head / FIELD_BOOST.body);
  private readonly typos = new TypoNeighbours();
  /** Articles that do not mention every side of the briefing's field. */
  private readonly outOfScope = new Set<string>();
  private readonly briefsById: ReadonlyMap<string, Brief>;
  /** Look-up answers, valid until the next add or remove. */
  readonly answers = new ResultCache<unknown>();

  constructor(
    briefs: readonly Brief[],
    /** The stored articles: their fields, and their bodies read on demand (phrase checks). */
    private readonly articles: Pick<BriefingStore, 'getArticle' | 'readBody'>,
    private readonly scope: Scope = Scope.everything,
  ) {
    this.briefsById = new Map(briefs.map((b) => [b.id, b]));
    this.facts = new MatchFacts(this.index, (id) => {
      const a = this.articles.getArticle(id);
      return a && { storyId: a.storyId, topics: a.topics, outOfScope: this.outOfScope.has(id) };
    });
  }

  /** Story, field and briefs of every indexed document, for look-ups that match thousands. */
  private readonly facts: MatchFacts;

  /** Adds and removals so far: a changed count means the index changed (e.g. since the snapshot was written). */
  get changes(): number {
    return this.changeCount;
  }

  private changeCount = 0;
  private readonly preparedListeners = new Set<(id: string, prepared: PreparedDocument) => void>();

  /** Hears each article's prepared terms as it is added (the shared row writer encodes its own adds from them, decision 036). Returns a stop. */
  onPrepared(listener: (id: string, prepared: PreparedDocument) => void): () => void {
    this.preparedListeners.add(listener);
    return () => this.preparedListeners.delete(listener);
  }

  add(article: ArticleText): void {
    this.addPrepared(article, this.prepare(article));
  }

  /** Reads an article's text for indexing: its counted terms and whether it is in the briefing's field (`bodyWords`: `foldTokens` of its body, when the caller has it). */
  prepare(article: DocumentText, bodyWords?: readonly string[]): PreparedDocument {
    return prepareDocument(article, this.briefsById, this.scope, bodyWords);
  }

  /** Adds an article prepared by `prepare`, now or in an earlier run (the derived-data snapshot). */
  addPrepared(article: ArticleText, prepared: PreparedDocument): void {
    this.answers.invalidate();
    this.changeCount++;
    this.index.addCounted(article.id, prepared.counts, (t) => this.typos.add(t));
    if (prepared.inScope) this.outOfScope.delete(article.id);
    else this.outOfScope.add(article.id);
    for (const listener of this.preparedListeners) listener(article.id, prepared);
  }

  /**
   * Adds articles prepared earlier (numbered in a shared vocabulary, the
   * derived-data snapshot's form) to an empty index, in their order: the same
   * index as adding them one by one, built with far less garbage.
   */
  load(articles: readonly StoredArticle[], vocabulary: readonly string[], docs: NumberedDocuments, inScope: ArrayLike<number>): void {
    this.answers.invalidate();
    this.changeCount += articles.length;
    const fresh: string[] = [];
    this.index.load(vocabulary, docs, (t) => fresh.push(t));
    this.typos.addAll(fresh);
    articles.forEach((article, k) => {
      if (!inScope[k]) this.outOfScope.add(article.id);
    });
  }

  /** As `load`, from postings already sorted by term (article k takes slot k): the derived-data snapshot file's form. */
  loadPostings(articles: readonly StoredArticle[], vocabulary: readonly string[], docs: Pick<NumberedDocuments, 'ids' | 'headLen' | 'bodyLen'>, postings: TermPostings, inScope: ArrayLike<number>): void {
    this.answers.invalidate();
    this.changeCount += articles.length;
    const fresh: string[] = [];
    this.index.loadPostings(vocabulary, docs, postings, (t) => fresh.push(t));
    this.typos.addAll(fresh);
    articles.forEach((article, k) => {
      if (!inScope[k]) this.outOfScope.add(article.id);
    });
  }

  /** Every indexed article's postings by term (`loadPostings`' form), taken back from the index in steps: valid only if `changes` did not move meanwhile. */
  *postedSteps(): Generator<void, PostedSearch, void> {
    const posted = yield* this.index.postedSteps();
    const inScope = new Uint8Array(posted.ids.length);
    for (let k = 0; k < posted.ids.length; k++) inScope[k] = this.outOfScope.has(posted.ids[k]!) ? 0 : 1;
    return { ...posted, inScope };
  }

  /**
   * Every indexed article as `prepare` read it, numbered (`load`'s form), taken
   * back from the index (for the derived-data snapshot), in steps (runInSlices):
   * valid only if `changes` did not move meanwhile.
   */
  *numberedSteps(): Generator<void, NumberedSearch, void> {
    const docs = yield* this.index.numberedSteps();
    return { ...docs, inScope: Uint8Array.from(docs.ids, (id) => (this.outOfScope.has(id) ? 0 : 1)) };
  }


  remove(id: string): void {
    this.answers.invalidate();
    this.changeCount++;
    this.index.remove(id);
    this.folded.delete(id);
    this.outOfScope.delete(id);
  }

  /** The plan's terms plus indexed words a typo away from the user's own words. */
  private weightedTerms(plan: QueryPlan): Map<string, number> {
    const weights = new Map(plan.terms);
    for (const [term, w] of plan.terms) {
      if (w !== 1 || term.length < 5) continue;
      for (const near of this.typos.near(term)) if (!weights.has(near)) weights.set(near, w * TYPO_WEIGHT);
    }
    return weights;
  }

  /** Ranked article hits, best first; weak tail cut relative to the best. */
  search(plan: QueryPlan): SearchResult {
    const none: SearchResult = { ranked: [], stories: 0, missing: [] };
    if (plan.terms.size === 0 && plan.briefIds.length === 0) return none;
    const missing = plan.words.filter((_, i) => !this.found(plan, i));
    if (missing.length > 0) return { ...none, missing };
    this.facts.sync();
    // Articles tagged with a brief the query names count as matches even when
    // they share no word with it ("ev" lists the articles about kendaraan
    // listrik); they rank on the topic bonus.
    const { slots, scores, top } = this.index.score(this.weightedTerms(plan), this.facts.taggedWith(plan.briefIds), CANDIDATE_FLOOR);
    if (slots.length === 0) return none;
    // Only the head of the list is ranked: the score of the RANKED_DEPTH-th
    // hit admits it, found without sorting every match.
    const cutoff = Math.max(top * CANDIDATE_FLOOR, kthLargest(scores, RANKED_DEPTH));
    const head: [number, number][] = [];
    for (let i = 0; i < slots.length; i++) if (scores[i]! >= cutoff) head.push([slots[i]!, scores[i]!]);
    head.sort((a, b) => b[1] - a[1]);
    const hits: (SearchHit & { slot: number; date: string })[] = [];
    for (const [rank, [slot, raw]] of head.entries()) {
      const id = this.index.idOf(slot);
      const article = this.articles.getArticle(id);
      if (!article) continue;
      let score = raw / top;
      if (rank < RESCORE_DEPTH) score += this.bonus(article, plan);
      hits.push({ id, slot, score, date: article.eventDate ?? article.publishedDate ?? article.addedAt.slice(0, 10) });
    }
    // Articles outside the briefing's field answer only when nothing inside it does:
    // a Korean plant must not take a card from the Japanese one the user is after.
    const anyInScope = hits.some((h) => !this.facts.isOutside(h.slot));
    const shown = (slot: number) => !anyInScope || !this.facts.isOutside(slot);
    let best = 0;
    for (const h of hits) if (h.score > best && shown(h.slot)) best = h.score;
    const tie = 0.02 * best;
    const floor = best * MIN_RELATIVE_SCORE;
    const kept = hits
      .filter((h) => h.score >= floor && shown(h.slot))
      .sort((a, b) => (Math.abs(a.score - b.score) > tie ? b.score - a.score : a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    // Below the ranked head no bonus applies, so the raw share decides the cut.
    const stories = this.facts.countStories(kept.map((h) => h.slot), slots, scores, top, floor, anyInScope);
    return { ranked: kept.map(({ id, score }) => ({ id, score })), stories, missing: [] };
  }

  /** Whether the user's i-th word is in any article: as typed, translated, or one typo away. */
  private found(plan: QueryPlan, i: number): boolean {
    const inIndex = (t: string) => this.index.documentFrequency(t) > 0;
    const forms = plan.forms[i] ?? [];
    return forms.some(inIndex) || this.typos.near(plan.words[i]!).some(inIndex);
  }

  private bonus(article: StoredArticle, plan: QueryPlan): number {
    let bonus = 0;
    if (plan.briefIds.some((id) => article.topics.includes(id))) bonus += TOPIC_BONUS;
    if (plan.phrases.length) {
      const text = this.foldedText(article);
      let best = 0;
      for (const p of plan.phrases) if (p.weight > best && text.includes(p.text)) best = p.weight;
      bonus += best * PHRASE_BONUS;
    }
    return bonus;
  }

  /** Folded text of the articles that keep coming back near the top, for phrase checks. */
  private readonly folded = new Map<string, string>();

  private foldedText(article: StoredArticle): string {
    let text = this.folded.get(article.id);
    if (text === undefined) {
      text = foldText(`${article.title} ${article.keyPoints.join(' ')} ${this.articles.readBody(article.id) ?? ''}`);
      if (this.folded.size >= FOLDED_CACHE) this.folded.delete(this.folded.keys().next().value!);
      this.folded.set(article.id, text);
    }
    return text;
  }

  /** Indexed words close to a word, most common first, for "did you mean". */
  suggest(word: string, limit = 5): string[] {
    const w = foldText(word);
    return this.typos
      .near(w)
      .map((t) => [t, this.index.documentFrequency(t)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([t]) => t);
  }
}
