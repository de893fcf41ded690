// The storage port: everything the engine keeps (articles, subscriptions, seeding
// progress, the audit log, followed feeds) behind one interface, implemented by
// the lowdb store (store.ts, the default) and the PostgreSQL store
// (postgres/postgres-store.ts). Reads are synchronous from memory in both; a write
// resolves once the change is stored, and only then does memory show it. Memory
// holds articles without their bodies and key figures (StoredArticle); those are
// read on demand with `readBody` and `readKeyFigures` (decision 025).
import type { Clock } from '../clock.js';
import type { Coordination } from '../coordination/claims.js';
import type { FeedRecord } from '../feeds/feed-record.js';
import type { ArticleRecord, KeyFigure, StoredArticle } from '../model/article.js';
import type { SubscriptionRecord } from '../model/subscription.js';
import type { SharedDerivedRows } from './shared-derived-rows.js';
import type { AuditEntry } from './store-schema.js';

export type SeedingState = 'not-started' | 'in-progress' | 'done';

/** A change another instance made to the shared store, seen after it committed. */
export type RemoteChange =
  | { kind: 'article-added'; article: ArticleRecord }
  | { kind: 'article-removed'; article: StoredArticle }
  | { kind: 'subscription-changed'; id: string }
  | { kind: 'feed-changed'; id: string };

export interface BriefingStore {
  /**
   * A folder of this instance's own for data derived from the articles (the
   * derived-data snapshot, docs/decisions/021), or null to keep none.
   */
  readonly cacheDir: string | null;
  /** Derived data kept in the store itself for every instance to start from (PostgreSQL, docs/decisions/027), or null. */
  readonly sharedDerived: SharedDerivedRows | null;
  readonly articleCount: number;
  listArticles(): IterableIterator<StoredArticle>;
  getArticle(id: string): StoredArticle | undefined;
  /**
   * A stored article's body, read on demand (synchronously: from a file the
   * store holds open, or from memory); undefined for an id not stored (or
   * removed). Throws once the store is closed.
   */
  readBody(id: string): string | undefined;
  /** A stored article's key figures (only cards show them), read on demand like `readBody`. */
  readKeyFigures(id: string): KeyFigure[] | undefined;
  /** True for a stored id and for one being written now. */
  hasId(id: string): boolean;
  findByFingerprint(fingerprint: string): StoredArticle | undefined;
  findByCanonicalUrl(url: string): StoredArticle | undefined;
  /** Settles when an add of this fingerprint now being written is done (either way). */
  addInFlight(fingerprint: string): Promise<void> | undefined;
  /**
   * Resolves once the article is stored, then (only then) it is listed and found.
   * Adding the same record again is a no-op; an article whose fingerprint or canonical
   * URL another stored article has is refused with a DuplicateArticleError.
   */
  addArticle(article: ArticleRecord): Promise<void>;
  /** Resolves once the removal is stored; until then (and if it fails) the article stays. */
  removeArticle(id: string): Promise<StoredArticle | undefined>;

  readonly seededAt: string | null;
  readonly seeding: SeedingState;
  /** Recorded before the first seed goes in, so a start cut short finishes seeding next time. */
  markSeedingStarted(at: Date): Promise<void>;
  markSeeded(at: Date): Promise<void>;

  listSubscriptions(): readonly SubscriptionRecord[];
  /** Insert or replace by id. */
  putSubscription(sub: SubscriptionRecord): Promise<void>;
  deleteSubscription(id: string): Promise<boolean>;

  /** The most recent entries, oldest first. */
  listAudit(): readonly AuditEntry[];
  recordAudit(entry: AuditEntry): Promise<void>;

  /** The followed feeds, kept by the same store (opened on first use). */
  feeds(): Promise<FeedRecordStore>;

  /** How this instance takes turns with others on the same store (claims, de-dup ledger); in memory for a store no one else opens. */
  coordination(clock: Clock): Coordination;

  /** Changes other instances make to a shared store; a store no one else writes never calls it. Returns an unsubscribe. */
  onRemoteChange(listener: (change: RemoteChange) => void): () => void;

  /** Waits for pending writes and lets go of the files or connections. */
  close(): Promise<void>;
}

/** The followed feeds. Callers change a listed record in place, then save it. */
export interface FeedRecordStore {
  list(): readonly FeedRecord[];
  get(id: string): FeedRecord | undefined;
  findByUrl(url: string): FeedRecord | undefined;
  /** Adds or replaces a feed. */
  put(feed: FeedRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Stores the current state of a listed feed changed in place. */
  save(feed: FeedRecord): Promise<void>;
  /** Waits for pending writes. */
  flush(): Promise<void>;
}
