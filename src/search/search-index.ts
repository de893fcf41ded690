// Full-text index over articles (MiniSearch), searched with a query plan.
// Ranking: BM25 from MiniSearch, a bonus for articles tagged with a brief the
// query names and for verbatim phrases, recency as the tie-breaker.
import MiniSearch from 'minisearch';
import type { ArticleRecord } from '../model/article.js';
import type { Brief } from '../briefs/brief-schema.js';
import { foldText, foldTokens } from '../text/normalize.js';
import type { QueryPlan } from './query-plan.js';
import { FIELD_BOOST, SEARCH_FIELDS, toSearchDocument, type SearchDocument } from './search-document.js';
import { ResultCache } from './result-cache.js';
import { STOPWORDS } from './stopwords.js';

export interface SearchHit {
  id: string;
  score: number;
}

const TOPIC_BONUS = 0.5;
const PHRASE_BONUS = 0.6;
const MIN_RELATIVE_SCORE = 0.12;
/** Raw matches weaker than this share of the best cannot climb into the results. */
const CANDIDATE_FLOOR = 0.04;
const RESCORE_DEPTH = 40;

export class SearchIndex {
  private readonly mini: MiniSearch<SearchDocument>;
  private readonly briefsById: ReadonlyMap<string, Brief>;

  constructor(
    briefs: readonly Brief[],
    private readonly getArticle: (id: string) => ArticleRecord | undefined,
    snapshot?: string,
  ) {
    this.briefsById = new Map(briefs.map((b) => [b.id, b]));
    const options = {
      fields: [...SEARCH_FIELDS],
      idField: 'id',
      tokenize: (text: string) => foldTokens(text),
      processTerm: (term: string) => (STOPWORDS.has(term) ? null : term),
      searchOptions: { boost: FIELD_BOOST },
    };
    this.mini = snapshot ? MiniSearch.loadJSON<SearchDocument>(snapshot, options) : new MiniSearch<SearchDocument>(options);
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** The index as JSON, to skip re-indexing on the next start (see index-snapshot.ts). */
  toSnapshot(): string {
    return JSON.stringify(this.mini);
  }

  addAll(articles: Iterable<ArticleRecord>): void {
    const docs: SearchDocument[] = [];
    for (const a of articles) docs.push(toSearchDocument(a, this.briefsById));
    this.mini.addAll(docs);
  }

  /** Look-up answers, valid until the next add or remove. */
  readonly answers = new ResultCache<unknown>();

  add(article: ArticleRecord): void {
    this.answers.invalidate();
    this.mini.add(toSearchDocument(article, this.briefsById));
  }

  remove(id: string): void {
    this.answers.invalidate();
    if (this.mini.has(id)) this.mini.discard(id);
  }

  /** Ranked article hits, best first; weak tail cut relative to the best. */
  search(plan: QueryPlan): SearchHit[] {
    if (plan.terms.size === 0 && plan.briefIds.length === 0) return [];
    const weights = plan.terms;
    const raw = this.mini.search([...weights.keys()].join(' '), {
      combineWith: 'OR',
      boostTerm: (term) => weights.get(term) ?? 0.5,
      // Typos only for the user's own words; expansions match exactly. No prefix
      // matching: each extra word-form found is another posting list to score.
      prefix: false,
      fuzzy: (term) => (term.length >= 5 && weights.get(term) === 1 ? 0.2 : false),
      maxFuzzy: 2,
      weights: { fuzzy: 0.45, prefix: 0.6 },
    });
    if (raw.length === 0) return this.byTopicOnly(plan);
    const top = raw[0]!.score;
    const hits: (SearchHit & { date: string })[] = [];
    for (const [rank, r] of raw.entries()) {
      if (r.score < top * CANDIDATE_FLOOR) break;
      const article = this.getArticle(String(r.id));
      if (!article) continue;
      let score = r.score / top;
      if (rank < RESCORE_DEPTH) score += this.bonus(article, plan);
      hits.push({ id: article.id, score, date: article.eventDate ?? article.publishedDate ?? article.addedAt.slice(0, 10) });
    }
    let best = 0;
    for (const h of hits) if (h.score > best) best = h.score;
    const tie = 0.02 * best;
    return hits
      .filter((h) => h.score >= best * MIN_RELATIVE_SCORE)
      .sort((a, b) => (Math.abs(a.score - b.score) > tie ? b.score - a.score : a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
      .map(({ id, score }) => ({ id, score }));
  }

  private bonus(article: ArticleRecord, plan: QueryPlan): number {
    let bonus = 0;
    if (plan.briefIds.some((id) => article.topics.includes(id))) bonus += TOPIC_BONUS;
    if (plan.phrases.length) {
      const text = foldText(`${article.title} ${article.keyPoints.join(' ')} ${article.body}`);
      let best = 0;
      for (const p of plan.phrases) if (p.weight > best && text.includes(p.text)) best = p.weight;
      bonus += best * PHRASE_BONUS;
    }
    return bonus;
  }

  /** A query that names a brief but shares no word with any article still lists that topic. */
  private byTopicOnly(plan: QueryPlan): SearchHit[] {
    if (plan.briefIds.length === 0) return [];
    const out: SearchHit[] = [];
    for (const id of this.allIds()) {
      const a = this.getArticle(id);
      if (a && plan.briefIds.some((b) => a.topics.includes(b))) out.push({ id, score: TOPIC_BONUS });
    }
    return out;
  }

  private *allIds(): Generator<string> {
    // MiniSearch does not expose its ids; the stored articles are the source of truth.
    for (const r of this.mini.search(MiniSearch.wildcard)) yield String(r.id);
  }

  /** Indexed terms close to a word, for "did you mean". */
  suggest(word: string, limit = 5): string[] {
    return this.mini
      .autoSuggest(word, { fuzzy: 0.3, prefix: true, combineWith: 'OR' })
      .slice(0, limit)
      .map((s) => s.suggestion);
  }
}
