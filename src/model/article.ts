// The stored article and the neutral card built from it. Adapters render Cards;
// they never see ArticleRecord or the store.

export type Language = 'id' | 'en';

export interface KeyFigure {
  /** The number as written in the article, e.g. "99", "Rp2,5 triliun", "1.000". */
  value: string;
  /** The words that make the number meaningful, e.g. "99 cars per 1,000 people". */
  context: string;
}

export type EntityKind = 'person' | 'organisation' | 'programme' | 'place';

export interface Entity {
  name: string;
  kind: EntityKind;
  /** Long form of an acronym when the briefs or the article define it. */
  expansion?: string;
}

/** What the ingest pipeline needs: text plus whatever the caller already knows. */
export interface RawArticle {
  text: string;
  title?: string | undefined;
  source?: string | undefined;
  link?: string | undefined;
  /** ISO date (yyyy-mm-dd) the caller knows the article was published on. */
  publishedDate?: string | undefined;
}

/** Output of cleaning: no clutter, metadata recovered from the text. */
export interface CleanArticle {
  title: string;
  /** True when the article had no title line and the headline was derived from the body. */
  titleDerived: boolean;
  body: string;
  paragraphs: string[];
  language: Language;
  source: string | null;
  /** The date the reported event happened (yyyy-mm-dd), when the text says. */
  eventDate: string | null;
  /** The publication date (yyyy-mm-dd), when known. */
  publishedDate: string | null;
  /** Stable hash of the normalised body, for de-duplication. */
  fingerprint: string;
}

export interface ArticleSummary {
  keyPoints: string[];
  keyFigures: KeyFigure[];
  entities: Entity[];
}

/** Stored article. Paragraphs are not stored twice: `body` holds them, separated by blank lines. */
export interface ArticleRecord extends Omit<CleanArticle, 'paragraphs'>, ArticleSummary {
  id: string;
  link: string | null;
  canonicalUrl: string | null;
  /** Brief ids (file names in briefs/) this article is about. */
  topics: string[];
  storyId: string;
  addedAt: string;
  addedBy: string;
}

/**
 * A stored article as memory holds it: everything but the body and the key
 * figures, which stay in the store and are read on demand
 * (BriefingStore.readBody, readKeyFigures; decision 025). Key figures feed
 * only cards; they were a quarter of what a start parsed.
 */
export type StoredArticle = Omit<ArticleRecord, 'body' | 'keyFigures'>;

/** What derivation from the text reads (search documents, story signals): a stored article with its body. */
export type ArticleText = StoredArticle & { body: string };

/** The part of a record a lowdb store keeps in memory: no body, no key figures (both are read from disk on demand). */
export function storedPart({ body: _body, keyFigures: _keyFigures, ...stored }: ArticleRecord): StoredArticle {
  return stored;
}

export interface CardSource {
  id: string;
  headline: string;
  source: string | null;
  language: Language;
  link: string | null;
}

export interface Card {
  id: string;
  headline: string;
  source: string | null;
  /** yyyy-mm-dd: the event date, else the publication date, else null. */
  date: string | null;
  language: Language;
  keyPoints: string[];
  keyFigures: KeyFigure[];
  entities: Entity[];
  topics: { id: string; name: string }[];
  link: string | null;
  storyId: string;
  /** The other articles of the same story, in either language. */
  alsoReportedBy: CardSource[];
}
