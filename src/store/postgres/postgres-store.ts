// The PostgreSQL store: the same port as the lowdb store, for instances that share
// one database. Reads stay synchronous: the store loads everything at open and keeps
// a memory mirror that follows the database (its own writes once committed, other
// instances' writes through LISTEN/NOTIFY, change-feed.ts), records without their
// bodies, which wait in a file of the instance's own (body-file.ts). Writes are single
// statements, idempotent where a retry could repeat them (ON CONFLICT), and the
// unique fingerprint and canonical URL turn a racing second add into a refusal.
// Adds and audit entries asked for together go in one statement (grouped-writes.ts,
// add-writes.ts).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import type { Clock } from '../../clock.js';
import type { Coordination } from '../../coordination/claims.js';
import { postgresCoordination } from '../../coordination/postgres-coordination.js';
import { foregroundInFlight } from '../../foreground.js';
import { silentLogger, type Logger } from '../../logger.js';
import { storedPart, type ArticleRecord, type KeyFigure, type StoredArticle } from '../../model/article.js';
import type { SubscriptionRecord } from '../../model/subscription.js';
import { ArticlesInMemory } from '../article-memory.js';
import type { BriefingStore, RemoteChange, SeedingState } from '../briefing-store.js';
import { DuplicateArticleError } from '../duplicate-article.js';
import type { AuditEntry } from '../store-schema.js';
import { BodyFile } from './body-file.js';
import { figuresBytes, withoutFigures, type RowRecord } from './row-record.js';
import type { RecordsSource, RevisedRecord } from './records-blob.js';
import type { FetchedRecord } from './article-load.js';
import { GroupedWrites } from './grouped-writes.js';
import { writeAdds, type AddWrite } from './add-writes.js';
import { LocalWrites } from './local-writes.js';
import { RecentAudit } from './recent-audit.js';
import { ChangeListener, writeAndNotify, type ChangeKind, type ChangeNote, type NoteOf } from './change-feed.js';
import { migrate } from './migrate.js';
import { loadArticles } from './article-load.js';
import { articlesEstimate, readsInThread, ReadsInWorker, START_THREAD_FROM, type StartReads } from './start-reads.js';
import { commitDelivery } from './postgres-delivery-commit.js';
import { PostgresDerivedRows } from './postgres-derived-rows.js';
import { PostgresFeedStore } from './postgres-feeds.js';

const AUDIT_IN_MEMORY = 1_000;
/** Articles per query at open: small enough that no result holds much, large enough that round trips do not count. */
const LOAD_BATCH = 5_000;
export interface PostgresStoreOptions {
  logger?: Logger;
  /** Connections in this instance's pool (plus one for LISTEN). */
  poolSize?: number;
  /** Articles per query at open (default LOAD_BATCH). */
  loadBatch?: number;
  /** Where this instance's body file is made (and at once unlinked); the system temp folder by default. */
  bodyDir?: string;
  /**
   * Called with the derived rows once the schema is current, before the articles
   * load, so their read (on connections of its own) overlaps the load (decision 027).
   */
  whileLoading?: (shared: PostgresDerivedRows) => void;
  /** Articles from which the start's bulk reads run in a thread of their own (start-reads.ts; default START_THREAD_FROM). */
  startThreadFrom?: number;
}

interface Meta {
  seeding_started_at: string | null;
  seeded_at: string | null;
}

export class PostgresStore extends ArticlesInMemory implements BriefingStore {
  /**
   * No derived-data snapshot file: instances are meant to be stateless and many, and
   * articles other instances add would leave a local one behind (decision 021); the
   * derived rows are kept in the database instead, beside the articles (decision 027).
   */
  readonly cacheDir = null;
  readonly sharedDerived: PostgresDerivedRows;
  /** By id, in load-then-insertion order; listed through a snapshot rebuilt only after a change. */
  private readonly subscriptions = new Map<string, SubscriptionRecord>();
  private subscriptionList: readonly SubscriptionRecord[] | null = null;
  private meta: Meta = { seeding_started_at: null, seeded_at: null };
  private readonly audit = new RecentAudit(AUDIT_IN_MEMORY);
  private feedStore: PostgresFeedStore | null = null;
  private feedsOpening: Promise<PostgresFeedStore> | null = null;
  /** Our writes to subscriptions, so a re-read overlapping one cannot put the older row back (local-writes.ts). */
  private readonly subscriptionWrites = new LocalWrites();
  private readonly listeners = new Set<(change: RemoteChange) => void>();
  private readonly pending = new Set<Promise<unknown>>();
  /** Remote notes are handled one at a time, in arrival order, after the first load. */
  private remote: Promise<void> = Promise.resolve();
  private readonly notes: ChangeNote[] = [];
  private listener: ChangeListener | null = null;
  private readonly origin = randomUUID();
  /** Each held article's row revision (migration 024): the records blob names rows by id and revision. */
  private readonly revisions = new Map<string, number>();
  /**
   * Concurrent adds and audit entries in one statement: each new row's revision (null where a stored row was in the way), each entry's seq.
   * A statement waits while commands in flight outnumber this store's writes in flight (the others are still deriving their articles).
   */
  private readonly adds = new GroupedWrites<AddWrite, number | null>((batch) => writeAdds(this.pool, this.origin, batch), {
    holdWhile: () => foregroundInFlight() > this.pending.size,
  });

  private constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
    private readonly loadBatch: number,
    private readonly bodies: BodyFile,
  ) {
    super();
    this.sharedDerived = new PostgresDerivedRows(pool, this.recordsSource());
  }

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const logger = options.logger ?? silentLogger;
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 8 });
    // An idle connection the server dropped must not end the process; the next query reconnects.
    pool.on('error', (err) => logger.warn({ event: 'store_connection_lost', err }, 'database connection lost'));
    const store = new PostgresStore(pool, logger, options.loadBatch ?? LOAD_BATCH, BodyFile.open(options.bodyDir ?? os.tmpdir()));
    let reads: StartReads | null = null;
    try {
      // Asked before the schema is brought up to date, so the thread starts while it is.
      const large = (await articlesEstimate(pool)) >= (options.startThreadFrom ?? START_THREAD_FROM);
      reads = large ? new ReadsInWorker(url, store.bodies.share()) : readsInThread(pool, store.bodies.share());
      store.sharedDerived.startReads = reads;
      await migrate(pool);
      // Listen before loading: a change committed in between is then both loaded and
      // noted, and handling a note is idempotent.
      let loaded!: () => void;
      store.remote = new Promise((resolve) => (loaded = resolve));
      options.whileLoading?.(store.sharedDerived);
      store.listener = await ChangeListener.start({
        connect: () => new pg.Client({ connectionString: url }),
        origin: store.origin,
        onNote: (note) => store.noteArrived(note),
        onReconnected: () => store.queueRemote(() => store.resync()),
        logger,
      });
      await store.load(reads);
      loaded();
      return store;
    } catch (e) {
      await store.listener?.stop();
      await pool.end();
      store.bodies.close();
      throw e;
    } finally {
      // Reads still in flight (the derived snapshot's) finish first.
      store.sharedDerived.startReads = null;
      reads?.release();
    }
  }

  private async load(reads: StartReads): Promise<void> {
    // The bodies stream on a connection of their own while the records load.
    await Promise.all([this.loadArticles(reads), this.loadBodies(reads)]);
    await this.loadMissingBodies();
    await Promise.all([this.loadSubscriptions(), this.loadMeta(), this.loadAudit()]);
  }

  /** The records (through the records blob when there is a usable one, decision 031); a start without one makes a snapshot write due. */
  private async loadArticles(reads: StartReads): Promise<void> {
    const fromBlob = await loadArticles(this.pool, reads, this.logger, this.loadBatch, {
      rows: (batch) => this.holdRows(batch),
      fromBlob: ({ record, revision, figures }) => {
        this.bodies.placeFigures(record.id, figures.start, figures.length);
        this.hold(record, revision);
      },
    });
    this.sharedDerived.snapshotDue = !fromBlob;
  }

  /** Records read from their rows: the key figures go to the body file, the rest to memory. */
  private holdRows(batch: readonly FetchedRecord[]): void {
    this.bodies.putFigures(batch.map(({ record }) => [record.id, figuresBytes(record.keyFigures)] as const));
    for (const { record, revision } of batch) this.hold(withoutFigures(record), revision);
  }

  private hold(record: StoredArticle, revision: number): void {
    this.articles.index(record);
    this.revisions.set(record.id, revision);
  }

  /** Every body, to the body file (start-reads.ts). */
  private async loadBodies(reads: StartReads): Promise<void> {
    const started = performance.now();
    const count = await reads.bodies(({ ids, starts, lengths }) => this.bodies.placeBodies(ids, starts, lengths));
    this.logger.info({ event: 'postgres_bodies_loaded', bodies: count, loadMs: Math.round(performance.now() - started) }, 'article bodies loaded');
  }

  /**
   * The two reads at open see the table at two moments: an article added between
   * the copy of the bodies and the batch that loaded its record has no body yet.
   */
  private async loadMissingBodies(): Promise<void> {
    const missing = [...this.articles.list()].filter((a) => !this.bodies.has(a.id)).map((a) => a.id);
    if (missing.length === 0) return;
    const { rows } = await this.pool.query<{ id: string; body: string }>('SELECT id, body FROM articles WHERE id = ANY($1)', [missing]);
    for (const { id, body } of rows) this.bodies.put(id, body);
  }

  private async loadSubscriptions(): Promise<void> {
    const { rows } = await this.pool.query<{ record: SubscriptionRecord }>('SELECT record FROM subscriptions ORDER BY id');
    this.subscriptions.clear();
    for (const { record } of rows) this.subscriptions.set(record.id, record);
    this.subscriptionList = null;
  }

  private async loadMeta(): Promise<void> {
    const { rows } = await this.pool.query<Meta>('SELECT seeding_started_at, seeded_at FROM store_meta');
    this.meta = rows[0] ?? { seeding_started_at: null, seeded_at: null };
  }

  private async loadAudit(): Promise<void> {
    const { rows } = await this.pool.query<{ seq: string; entry: AuditEntry }>('SELECT seq, entry FROM audit_log ORDER BY seq DESC LIMIT $1', [AUDIT_IN_MEMORY]);
    this.audit.replace(rows.map((r) => ({ seq: Number(r.seq), entry: r.entry })));
  }

  /** Keeps close() waiting for writes in flight. */
  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }

  private note(kind: ChangeKind, op: ChangeNote['op']): NoteOf {
    return { origin: this.origin, kind, op };
  }

  addArticle(article: ArticleRecord): Promise<void> {
    return this.track(
      this.articles.add(storedPart(article), async () => {
        await this.insertArticle(article);
        this.bodies.putArticle(article.id, article.body, figuresBytes(article.keyFigures));
      }),
    );
  }

  /** What memory holds now, with each row's revision and its key figures: the records blob written beside a snapshot. */
  private recordsSource(): RecordsSource {
    return {
      records: () => {
        const out: RevisedRecord[] = [];
        for (const record of this.articles.list()) {
          const revision = this.revisions.get(record.id);
          if (revision !== undefined && this.bodies.figures(record.id) !== undefined) out.push({ record, revision });
        }
        return out;
      },
      figuresOf: (id) => this.bodies.figures(id),
    };
  }

  /** From the instance's body file (one pread): memory holds records without bodies, as lowdb's does (decision 025). */
  readBody(id: string): string | undefined {
    return this.bodies.read(id);
  }

  readKeyFigures(id: string): KeyFigure[] | undefined {
    const bytes = this.bodies.figures(id);
    return bytes && (JSON.parse(bytes.toString('utf8')) as KeyFigure[]);
  }

  private async insertArticle(article: ArticleRecord): Promise<void> {
    const revision = await this.adds.submit({ article });
    if (revision !== null) {
      this.revisions.set(article.id, revision);
      return;
    }
    // Another instance (or an earlier try of this very add) got there first.
    const { rows } = await this.pool.query<{ record: StoredArticle }>(
      'SELECT record FROM articles WHERE id = $1 OR fingerprint = $2 OR canonical_url = $3 ORDER BY id = $1 DESC, fingerprint = $2 DESC LIMIT 1',
      [article.id, article.fingerprint, article.canonicalUrl],
    );
    const existing = rows[0]?.record;
    if (!existing) throw new Error(`article ${article.id} clashed with one removed meanwhile; try again`);
    if (existing.id === article.id && existing.fingerprint === article.fingerprint) return;
    if (existing.id === article.id) throw new Error(`article id ${article.id} already stored`);
    throw new DuplicateArticleError(existing, existing.fingerprint === article.fingerprint ? 'fingerprint' : 'canonical URL');
  }

  async removeArticle(id: string): Promise<StoredArticle | undefined> {
    const removed = await this.track(
      this.articles.remove(id, async () => {
        const rows = await writeAndNotify(this.pool, 'DELETE FROM articles WHERE id = $1 RETURNING id', [id], this.note('article', 'del'));
        // Gone already: another instance removed it, and its note will update memory.
        return rows.length > 0;
      }),
    );
    if (removed) {
      this.bodies.forget(id);
      this.revisions.delete(id);
    }
    return removed;
  }

  get seededAt(): string | null {
    return this.meta.seeded_at;
  }

  get seeding(): SeedingState {
    if (this.meta.seeded_at !== null) return 'done';
    return this.meta.seeding_started_at ? 'in-progress' : 'not-started';
  }

  markSeedingStarted(at: Date): Promise<void> {
    return this.setMeta('seeding_started_at', at);
  }

  markSeeded(at: Date): Promise<void> {
    return this.setMeta('seeded_at', at);
  }

  private async setMeta(column: keyof Meta, at: Date): Promise<void> {
    const rows = await this.track(
      writeAndNotify<Meta & { id: string }>(this.pool, `UPDATE store_meta SET ${column} = $1 RETURNING 'meta' AS id, seeding_started_at, seeded_at`, [at.toISOString()], this.note('meta', 'put')),
    );
    if (rows[0]) this.meta = { seeding_started_at: rows[0].seeding_started_at, seeded_at: rows[0].seeded_at };
  }

  listSubscriptions(): readonly SubscriptionRecord[] {
    this.subscriptionList ??= [...this.subscriptions.values()];
    return this.subscriptionList;
  }

  async putSubscription(sub: SubscriptionRecord): Promise<void> {
    await this.subscriptionWrites.track(
      sub.id,
      this.track(
        writeAndNotify(
          this.pool,
          'INSERT INTO subscriptions (id, record) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record RETURNING id',
          [sub.id, sub],
          this.note('subscription', 'put'),
        ),
      ),
    );
    this.rememberSubscription(sub.id, sub);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    const rows = await this.subscriptionWrites.track(id, this.track(writeAndNotify(this.pool, 'DELETE FROM subscriptions WHERE id = $1 RETURNING id', [id], this.note('subscription', 'del'))));
    this.rememberSubscription(id, undefined);
    return rows.length > 0;
  }

  /** O(1): thousands of roundups committed in a pass each remember their subscription (on every instance). */
  private rememberSubscription(id: string, sub: SubscriptionRecord | undefined): void {
    if (sub) this.subscriptions.set(id, sub);
    else this.subscriptions.delete(id);
    this.subscriptionList = null;
  }

  listAudit(): readonly AuditEntry[] {
    return this.audit.list();
  }

  async recordAudit(entry: AuditEntry): Promise<void> {
    const seq = await this.track(this.adds.submit({ audit: entry }));
    if (seq !== null) this.audit.put(seq, entry);
  }

  /** Other instances' entries, by the seqs their notes named. */
  private async fetchAudit(seqs: readonly string[]): Promise<void> {
    const { rows } = await this.pool.query<{ seq: string; entry: AuditEntry }>('SELECT seq, entry FROM audit_log WHERE seq = ANY($1::bigint[])', [seqs]);
    for (const r of rows) this.audit.put(Number(r.seq), r.entry);
  }

  /** Opened once, on first use; callers asking at the same moment share the one store (remote notes refresh only that one). */
  feeds(): Promise<PostgresFeedStore> {
    this.feedsOpening ??= PostgresFeedStore.open(this.pool, this.origin).then((store) => (this.feedStore = store));
    return this.feedsOpening;
  }

  /** Claims and the request ledger in this database; a roundup's claim completes in the transaction that advances its subscription. */
  coordination(clock: Clock): Coordination {
    return postgresCoordination(this.pool, clock, async (claim, id, state) => {
      const done = await this.subscriptionWrites.track(id, this.track(commitDelivery(this.pool, clock, claim, id, state, this.note('subscription', 'put'))));
      if (done.subscription) this.rememberSubscription(id, done.subscription);
      return done.ours;
    });
  }

  onRemoteChange(listener: (change: RemoteChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: RemoteChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (err) {
        this.logger.error({ event: 'store_change_listener_failed', kind: change.kind, err }, 'a store change listener failed');
      }
    }
  }

  private queueRemote(work: () => Promise<void>): void {
    this.remote = this.remote.then(work).catch((err: unknown) => {
      this.logger.error({ event: 'store_remote_change_failed', err }, 'could not apply a change from another instance');
    });
  }

  /** Notes arriving while earlier ones are applied are taken together: one query per kind, not per row. */
  private noteArrived(note: ChangeNote): void {
    this.notes.push(note);
    this.queueRemote(() => this.applyRemote(this.notes.splice(0)));
  }

  /** Brings memory up to date with changes other instances committed. */
  private async applyRemote(notes: readonly ChangeNote[]): Promise<void> {
    if (notes.length === 0) return;
    const ids = (kind: ChangeKind) => [...new Set(notes.filter((n) => n.kind === kind).map((n) => n.id))];
    await this.refreshArticles(ids('article'));
    const subscriptions = ids('subscription');
    if (subscriptions.length > 0) {
      await this.subscriptionWrites.reread(
        subscriptions,
        async (ids) => (await this.pool.query<{ id: string; record: SubscriptionRecord }>('SELECT id, record FROM subscriptions WHERE id = ANY($1)', [ids])).rows,
        (rows, ids) => {
          const stored = new Map(rows.map((r) => [r.id, r.record]));
          for (const id of ids) this.rememberSubscription(id, stored.get(id));
        },
      );
      for (const id of subscriptions) this.emit({ kind: 'subscription-changed', id });
    }
    if (ids('meta').length > 0) await this.loadMeta();
    const audit = ids('audit');
    if (audit.length > 0) await this.fetchAudit(audit);
    for (const id of ids('feed')) {
      await this.feedStore?.refresh(id);
      this.emit({ kind: 'feed-changed', id });
    }
  }

  private async refreshArticles(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const { rows } = await this.pool.query<{ id: string; revision: string; record: RowRecord; body: string }>('SELECT id, revision, record, body FROM articles WHERE id = ANY($1)', [ids]);
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = stored.get(id);
      let known = this.articles.get(id);
      // Removed and added again under the same id (its notes taken together, or missed): the old record goes first.
      const held = this.revisions.get(id);
      if (row && known && held !== undefined && held !== Number(row.revision)) {
        this.forgetRemoved(known);
        known = undefined;
      }
      if (row && !known && !this.articles.hasId(id)) {
        this.bodies.put(id, row.body);
        this.holdRows([{ record: row.record, revision: Number(row.revision) }]);
        this.emit({ kind: 'article-added', article: { ...row.record, body: row.body } });
      } else if (!row && known) this.forgetRemoved(known);
    }
  }

  private forgetRemoved(known: StoredArticle): void {
    this.articles.unindex(known);
    this.bodies.forget(known.id);
    this.revisions.delete(known.id);
    this.emit({ kind: 'article-removed', article: known });
  }

  /** After notes may have been lost: compare every id and its row's revision with memory and apply the difference. */
  private async resync(): Promise<void> {
    const { rows } = await this.pool.query<{ id: string; revision: string }>('SELECT id, revision FROM articles');
    const stored = new Map(rows.map((r) => [r.id, Number(r.revision)]));
    const gone = [...this.articles.list()].filter((a) => !stored.has(a.id)).map((a) => a.id);
    const changed = [...stored].filter(([id, revision]) => !this.articles.get(id) || this.revisions.get(id) !== revision).map(([id]) => id);
    await this.refreshArticles([...gone, ...changed]);
    await Promise.all([this.loadSubscriptions(), this.loadMeta(), this.loadAudit(), this.feedStore?.reload()]);
  }

  /** Waits for writes in flight and remote changes being applied, then closes the connections. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.pending, this.feedStore?.flush()]);
    await this.listener?.stop();
    await this.remote.catch(() => undefined);
    await this.pool.end();
    this.bodies.close();
  }
}
