// Adding and removing articles: the one path every input takes (seeds, pasted
// text, files, URLs, bulk import), keeping store, index and stories in step.
import { hash } from 'node:crypto';
import type { TopicTagger } from '../briefs/topic-tagger.js';
import type { CardBuilder } from '../cards/build-card.js';
import type { Clock } from '../clock.js';
import { RingkasError } from '../errors.js';
import type { ArticleFetcher } from '../fetch/article-fetcher.js';
import { canonicalizeUrl } from '../fetch/canonical-url.js';
import { cleanArticleNormalised } from '../ingest/clean-article.js';
import type { Logger } from '../logger.js';
import { loadLanguageProfilesSoon } from '../nlp/detect-language.js';
import type { ArticleRecord, ArticleSummary, Card, CleanArticle, RawArticle, StoredArticle } from '../model/article.js';
import { prefixWithin } from '../text/fit-length.js';
import { cmd, say } from '../model/text.js';
import type { AddInput } from '../model/command.js';
import type { PreparedDocument, SearchIndex } from '../search/search-index.js';
import type { BriefingStore } from '../store/briefing-store.js';
import { DuplicateArticleError } from '../store/duplicate-article.js';
import type { StoryIndex } from '../stories/story-clusters.js';
import { summarizeArticle, type Glossary } from '../summarize/summarize-article.js';
import { topicsOf, type Derived } from './derivation.js';
import type { DerivePool } from './derive-pool.js';
import type { NearDuplicates } from './near-duplicates.js';
import { shinglesOfNormalised } from './shingles.js';
import { rawFromFile, rawFromText, rawFromUrl } from './raw-from-input.js';

/** A lone add is cleaned here; the body's normal form, taken for its fingerprint, also gives its shingles (read only for a new fingerprint). */
function cleanedHere(raw: RawArticle, now: Date): { clean: CleanArticle; shingles: () => Uint32Array } {
  const { clean, normalisedBody } = cleanArticleNormalised(raw, now);
  return { clean, shingles: () => shinglesOfNormalised(normalisedBody) };
}

/** What an add sets on a new record besides the text's own fields (the story comes after). */
type AddedFields = Pick<ArticleRecord, 'id' | 'link' | 'canonicalUrl' | 'topics' | 'addedAt' | 'addedBy'>;

/**
 * A new record from the cleaned article (all but its paragraphs, which the body
 * holds), its summary and the add's own fields, field by field in the order the
 * stores have always written them, its story still to be assigned. Built by
 * spreading the three, it cost ~20 µs an add (a rest pattern, then spreads into
 * objects of new shapes; decision 039).
 */
function newRecord(clean: CleanArticle, summary: ArticleSummary, added: AddedFields): ArticleRecord {
  return {
    title: clean.title,
    titleDerived: clean.titleDerived,
    body: clean.body,
    language: clean.language,
    source: clean.source,
    eventDate: clean.eventDate,
    publishedDate: clean.publishedDate,
    fingerprint: clean.fingerprint,
    keyPoints: summary.keyPoints,
    keyFigures: summary.keyFigures,
    entities: summary.entities,
    id: added.id,
    link: added.link,
    canonicalUrl: added.canonicalUrl,
    topics: added.topics,
    addedAt: added.addedAt,
    addedBy: added.addedBy,
    storyId: '',
  };
}

export interface AddResult {
  card: Card;
  duplicate: boolean;
}

export interface ArticleServiceDeps {
  store: BriefingStore;
  index: SearchIndex;
  stories: StoryIndex;
  cards: CardBuilder;
  tagger: TopicTagger;
  glossary: Glossary;
  clock: Clock;
  logger: Logger;
  fetcher: ArticleFetcher;
  /** Derives articles ahead while several adds are in flight (worker threads); absent: all here, one by one. */
  derivePool?: DerivePool | undefined;
  /** The near-duplicate check over the stored articles (built with the other derived indexes, from the snapshot's filing when it has one). */
  nearDuplicates: NearDuplicates;
}

export class ArticleService {
  private readonly nearDuplicates: NearDuplicates;
  /** Adds between their cleaning and their end (written, duplicate or failed). */
  private adding = 0;

  constructor(private readonly d: ArticleServiceDeps) {
    this.nearDuplicates = d.nearDuplicates;
  }

  /** Files the stored articles for the near-duplicate check in the background, so the first add does not wait for it. */
  prepareInBackground(): void {
    this.nearDuplicates.fileStoredInBackground();
  }

  /** Stops background work and the derive pool's threads (the engine is closing). */
  async stop(): Promise<void> {
    this.nearDuplicates.stop();
    await this.d.derivePool?.close();
  }

  async add(input: AddInput, addedBy: string): Promise<AddResult> {
    let raw: RawArticle;
    let canonicalUrl: string | null = null;
    if (input.kind === 'url') {
      const requested = this.canonical(input.url);
      const known = this.d.store.findByCanonicalUrl(requested);
      if (known) return { card: this.d.cards.build(known), duplicate: true };
      const fetched = await rawFromUrl(input.url, this.d.fetcher);
      canonicalUrl = fetched.canonicalUrl;
      const knownAfterRedirect = this.d.store.findByCanonicalUrl(canonicalUrl);
      if (knownAfterRedirect) return { card: this.d.cards.build(knownAfterRedirect), duplicate: true };
      raw = fetched;
    } else if (input.kind === 'file') {
      raw = rawFromFile(input);
    } else {
      raw = rawFromText(input);
    }
    if (raw.link && !canonicalUrl) canonicalUrl = this.canonical(raw.link);
    return this.ingest(raw, canonicalUrl, addedBy);
  }

  /**
   * A followed feed's item: the same fetch and ingest as `/brief add <url>`, except
   * that an article `admit` turns down (judged on its cleaned title and body) is
   * not stored; null then.
   */
  async addIfAdmitted(url: string, addedBy: string, admit: (text: string) => boolean): Promise<AddResult | null> {
    const known = this.d.store.findByCanonicalUrl(this.canonical(url));
    if (known) return { card: this.d.cards.build(known), duplicate: true };
    const fetched = await rawFromUrl(url, this.d.fetcher);
    const knownAfterRedirect = this.d.store.findByCanonicalUrl(fetched.canonicalUrl);
    if (knownAfterRedirect) return { card: this.d.cards.build(knownAfterRedirect), duplicate: true };
    return this.ingest(fetched, fetched.canonicalUrl, addedBy, admit);
  }

  private canonical(url: string): string {
    try {
      return canonicalizeUrl(url);
    } catch {
      throw new RingkasError('bad_input', `"${prefixWithin(url, 100)}" is not a web address; use a full https:// link.`);
    }
  }

  private async ingest(raw: RawArticle, canonicalUrl: string | null, addedBy: string): Promise<AddResult>;
  private async ingest(raw: RawArticle, canonicalUrl: string | null, addedBy: string, admit: (text: string) => boolean): Promise<AddResult | null>;
  private async ingest(raw: RawArticle, canonicalUrl: string | null, addedBy: string, admit?: (text: string) => boolean): Promise<AddResult | null> {
    const now = this.d.clock.now();
    loadLanguageProfilesSoon(); // off this add's path, ahead of the adds that follow it
    this.adding += 1;
    try {
      // Another add in flight: this one may be derived by a worker meanwhile (the same answers, derivation.ts).
      const ahead = this.adding > 1 && this.d.derivePool ? await this.d.derivePool.derive(raw, now) : null;
      return await this.ingestDerived(raw, now, ahead, canonicalUrl, addedBy, admit);
    } finally {
      this.adding -= 1;
    }
  }

  private async ingestDerived(
    raw: RawArticle,
    now: Date,
    ahead: Derived | null,
    canonicalUrl: string | null,
    addedBy: string,
    admit?: (text: string) => boolean,
  ): Promise<AddResult | null> {
    const { clean, shingles } = ahead ? { clean: ahead.clean, shingles: () => ahead.shingles } : cleanedHere(raw, now);
    if (clean.body.trim().length === 0) throw new RingkasError('bad_input', 'Nothing readable was left after removing page clutter.');
    if (!this.storedArticlesIndexed()) await this.untilStoredArticlesIndexed();
    // The same article being written right now: wait for that write, then look again.
    for (let inFlight = this.d.store.addInFlight(clean.fingerprint); inFlight; inFlight = this.d.store.addInFlight(clean.fingerprint)) await inFlight;
    // The same text, or the same article with a few words changed: the stored card answers.
    const known = this.d.store.findByFingerprint(clean.fingerprint) ?? this.nearDuplicates.find(clean, shingles());
    if (known) return { card: this.d.cards.build(known), duplicate: true };
    if (admit && !admit(`${clean.title}\n${clean.body}`)) return null;

    const summary = ahead?.summary ?? summarizeArticle(clean, this.d.glossary);
    const record = newRecord(clean, summary, {
      id: this.newId(clean.fingerprint),
      link: raw.link ?? null,
      canonicalUrl,
      topics: ahead?.topics ?? topicsOf(clean, this.d.tagger),
      addedAt: now.toISOString(),
      addedBy,
    });
    // Its story is the one field that needs the others first.
    record.storyId = this.d.stories.assign(record, ahead?.signals);
    // Stories and search learn of the article only once it is on disk: a failed
    // write (disk full, no permission) leaves no trace anywhere.
    try {
      await this.d.store.addArticle(record);
    } catch (e) {
      // Another instance sharing the database stored it first: its card answers.
      if (e instanceof DuplicateArticleError) return { card: this.d.cards.build(e.existing), duplicate: true };
      throw e;
    }
    this.learn(record, ahead?.prepared);
    this.d.logger.info({ event: 'article_added', id: record.id, language: record.language, story: record.storyId, addedBy }, 'article added');
    return { card: this.d.cards.build(record), duplicate: false };
  }

  /** True once the near-duplicate check and the stories hold every stored article (after a first open they are built in the background). */
  storedArticlesIndexed(): boolean {
    return this.d.stories.indexed() && this.nearDuplicates.allFiled();
  }

  /**
   * An add that comes while the background builds of a first open still run
   * waits for them here, where other commands keep their turns of the event
   * loop, instead of finishing them in one block in the check and the
   * assignment (~100 s at 100,000 articles, in which nothing else answered).
   * Its answers are the same: both see every stored article. Before the
   * in-flight check, so that check and the write stay in one turn.
   */
  private async untilStoredArticlesIndexed(): Promise<void> {
    const started = performance.now();
    const pending = this.d.stories.stats().pendingSignals;
    await Promise.all([this.d.stories.untilIndexed(), this.nearDuplicates.whenFiled()]);
    const { signalsAhead } = this.d.stories.stats();
    this.d.logger.info({ event: 'add_waited_for_stored_articles', pendingSignals: pending, signalsAhead, ms: Math.round(performance.now() - started) }, 'add waited for the background indexing of stored articles');
  }

  /** Short, typeable ids derived from content; lengthened on the rare clash. */
  private newId(fingerprint: string): string {
    const hex = hash('sha256', fingerprint, 'hex'); // one call: a Hash object per add cost ~3 times as much
    for (let len = 8; len <= hex.length; len += 2) {
      const id = hex.slice(0, len);
      if (!this.d.store.hasId(id)) return id;
    }
    throw new Error('id space exhausted');
  }

  /**
   * Articles other instances add to or remove from a shared store reach search and
   * stories here, as this instance's own do in ingest and remove. Returns a stop.
   */
  followRemoteChanges(): () => void {
    return this.d.store.onRemoteChange((change) => {
      if (change.kind === 'article-added') this.learn(change.article);
      else if (change.kind === 'article-removed') this.forget(change.article);
    });
  }

  /**
   * A stored article (this instance's or another's) reaches stories, search and the near-duplicate check.
   * `prepared`: its search terms read ahead (by the derive pool) from this same text.
   */
  private learn(article: ArticleRecord, prepared?: PreparedDocument): void {
    this.d.stories.add(article);
    if (prepared) this.d.index.addPrepared(article, prepared);
    else this.d.index.add(article);
    this.nearDuplicates.file(article);
  }

  private forget(article: StoredArticle): void {
    this.d.stories.remove(article);
    this.d.index.remove(article.id);
    this.nearDuplicates.forget(article);
  }

  async remove(id: string): Promise<StoredArticle> {
    const removed = await this.d.store.removeArticle(id.trim().toLowerCase());
    if (!removed) throw new RingkasError('not_found', say`No article has the id "${prefixWithin(id, 40)}". ${cmd('list')} shows the ids.`);
    this.forget(removed);
    this.d.logger.info({ event: 'article_removed', id: removed.id }, 'article removed');
    return removed;
  }
}
