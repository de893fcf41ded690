// The lowdb store: one small main file (subscriptions, meta), the articles
// spread over shard files so adding one article rewrites one small shard
// instead of the whole corpus, a manifest of what each shard holds, and an
// append-only audit log. Adds are acknowledged once appended to a journal and
// reach their shards in the background, several per shard write (add-journal.ts). One in-memory state, one writer per file; memory
// changes only after the disk took the change (committed-file.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Coordination } from '../coordination/claims.js';
import { memoryCoordination } from '../coordination/memory-coordination.js';
import { FeedStore } from '../feeds/feed-store.js';
import { storedPart, type ArticleRecord, type KeyFigure, type StoredArticle } from '../model/article.js';
import type { SubscriptionRecord } from '../model/subscription.js';
import { AddJournal, type Journaled } from './add-journal.js';
import { ArticlesInMemory } from './article-memory.js';
import { AUDIT_FILE, AuditLog } from './audit-log.js';
import type { BriefingStore, SeedingState } from './briefing-store.js';
import { CommittedFile } from './committed-file.js';
import { lockDataDir, type DataDirLock, type LockOptions } from './data-dir-lock.js';
import { mainPath, manifestEntry, manifestPath, openDataFiles, shardPath } from './open-files.js';
import { generationOf, type AuditEntry, type MainFile, type ManifestFile, type ShardState } from './store-schema.js';
import { writeRecordsCache } from './records-cache.js';
import { bodyFrom, closeInBackground, closeQuietly, figuresFrom } from './shard-bodies.js';
import { ShardWriter } from './shard-writer.js';
import { StoreError } from './store-errors.js';
import { StoreWriteError, storeWriteError, writeFailureReason } from './write-failure.js';

function shardWriter(file: string): (next: ShardState, committed: ShardState) => Promise<ShardState> {
  const writer = new ShardWriter(file);
  return (next, committed) => writer.write(next, committed);
}

function heldWithAll<T>(held: ReadonlyMap<string, T>, entries: readonly Journaled[], value: (e: Journaled) => T): Map<string, T> {
  const out = new Map(held);
  for (const e of entries) out.set(e.stored.id, value(e));
  return out;
}

function heldWithout<T>(held: ReadonlyMap<string, T>, id: string): Map<string, T> {
  const out = new Map(held);
  out.delete(id);
  return out;
}

/** The shard an article id lives in (fixed by the id and the store's shard count). */
export function shardOf(id: string, count: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % count;
}

export class Store extends ArticlesInMemory implements BriefingStore {
  private readonly main: CommittedFile<MainFile>;
  private readonly manifest: CommittedFile<ManifestFile>;
  private readonly shards: CommittedFile<ShardState>[];
  /** Adds are acknowledged once in the journal, and reach their shard files in the background (add-journal.ts). */
  private readonly journal: AddJournal;
  private feedStore: Promise<FeedStore> | null = null;
  private closed = false;
  /** How many shards this open took from the records cache (records-cache.ts) rather than their text. */
  readonly shardsFromCache: number;
  /** Every shard file was taken from the records cache at open (a section that failed its checks was not). */
  private readonly cacheServedAll: boolean;

  private constructor(
    readonly dir: string,
    files: Awaited<ReturnType<typeof openDataFiles>>,
    private readonly lock: DataDirLock,
    private readonly audit: AuditLog,
    private readonly logger: Logger | undefined,
  ) {
    super();
    this.shardsFromCache = files.fromCache;
    this.cacheServedAll = files.fromCache === files.shards.filter((s) => s.fd !== null).length;
    const failure = (file: string) => (e: unknown) => (e instanceof StoreWriteError ? e : storeWriteError(dir, file, e));
    const lockHeld = () => this.assertLockHeld();
    this.main = new CommittedFile(mainPath(dir), files.main, { describeFailure: failure(mainPath(dir)), beforeWrite: lockHeld });
    this.manifest = new CommittedFile(manifestPath(dir), files.manifest, { describeFailure: failure(manifestPath(dir)), beforeWrite: lockHeld });
    this.shards = files.shards.map(
      (data, i) =>
        new CommittedFile(shardPath(dir, i), { data }, {
          describeFailure: failure(shardPath(dir, i)),
          // The manifest may lag its shard by at most one write (decision 002).
          beforeWrite: async (committed) => {
            await this.assertLockHeld();
            await this.manifestCaughtUp(i, committed);
          },
          stamp: (next, committed) => ({ ...next, generation: generationOf(committed) + 1 }),
          write: shardWriter(shardPath(dir, i)),
          // Bodies are read through the new file's descriptor from now on.
          committed: (previous) => {
            if (previous.fd !== this.shards[i]!.data.fd) closeInBackground(previous.fd);
          },
        }),
    );
    for (const shard of files.shards) for (const a of shard.articles) this.articles.index(a);
    this.journal = AddJournal.open(dir, (id) => this.articles.get(id) !== undefined, (id) => shardOf(id, this.shards.length), {
      fold: (i, entries) => this.shards[i]!.change((d) => this.withFolded(d, entries)),
      beforeWrite: lockHeld,
      describeFailure: (file, e) => failure(file)(e),
      backgroundFoldFailed: (err) => this.emitBackgroundFailure(err),
    });
    for (const e of this.journal.waiting()) this.articles.index(e.stored);
  }

  private emitBackgroundFailure(err: unknown): void {
    this.logger?.error({ event: 'store_fold_failed', err }, 'could not fold journaled adds into their shards; they stay in the journal and are tried again');
  }

  private withFolded(d: ShardState, entries: readonly Journaled[]): ShardState {
    return {
      ...d,
      articles: [...d.articles, ...entries.map((e) => e.stored)],
      bodies: heldWithAll(d.bodies, entries, (e) => e.body),
      figures: heldWithAll(d.figures, entries, (e) => e.keyFigures),
    };
  }

  /** The data folder: derived data lives beside the files it is derived from, under the same lock. */
  get cacheDir(): string {
    return this.dir;
  }

  /** One process per folder: its snapshot file (cacheDir) is all the derived data it needs. */
  readonly sharedDerived = null;

  /** `logger`: where failures of background work nobody waits for (journal folds) are told. */
  static async open(dir: string, options: LockOptions & { logger?: Logger } = {}): Promise<Store> {
    const { logger, ...lockOptions } = options;
    try {
      mkdirSync(path.join(dir, 'articles'), { recursive: true });
    } catch (cause) {
      throw new StoreError(path.join(dir, 'articles'), `could not be created: ${writeFailureReason(cause)}.`, { cause });
    }
    const lock = await lockDataDir(dir, lockOptions);
    let files: Awaited<ReturnType<typeof openDataFiles>> | null = null;
    try {
      files = await openDataFiles(dir);
      const auditFile = path.join(dir, AUDIT_FILE);
      let audit: AuditLog;
      try {
        audit = new AuditLog(auditFile); // may end a line a crash cut short, or rotate the file
      } catch (cause) {
        throw new StoreError(auditFile, `could not be written: ${writeFailureReason(cause)}.`, { cause });
      }
      return new Store(dir, files, lock, audit, logger);
    } catch (e) {
      for (const shard of files?.shards ?? []) closeQuietly(shard.fd);
      await lock.release();
      throw e;
    }
  }

  addArticle(article: ArticleRecord): Promise<void> {
    return this.articles.add(storedPart(article), () => this.journal.add(shardOf(article.id, this.shards.length), article));
  }

  removeArticle(id: string): Promise<StoredArticle | undefined> {
    const shard = this.shards[shardOf(id, this.shards.length)]!;
    return this.articles.remove(id, async () => {
      // No journal line may hold the article once it is gone from its shard.
      await this.journal.settle();
      await shard.change((d) => ({ ...d, articles: d.articles.filter((a) => a.id !== id), bodies: heldWithout(d.bodies, id), figures: heldWithout(d.figures, id) }));
      return true;
    });
  }

  /** Read from the shard file as committed (bodies are not kept in memory; decision 025). */
  readBody(id: string): string | undefined {
    const journaled = this.journal.holding(id);
    if (journaled) return journaled.body;
    const shard = this.shardHolding(id);
    const at = shard?.bodies.get(id);
    return at === undefined ? undefined : bodyFrom(shard!.fd, at);
  }

  /** Read from the shard file as committed, like bodies. */
  readKeyFigures(id: string): KeyFigure[] | undefined {
    const journaled = this.journal.holding(id);
    if (journaled) return journaled.keyFigures;
    const shard = this.shardHolding(id);
    return shard && figuresFrom(shard.fd, shard.figures.get(id));
  }

  /** The committed state of the shard holding a stored article; undefined for an id not stored. */
  private shardHolding(id: string): ShardState | undefined {
    if (this.closed) throw new Error('store is closed');
    if (!this.articles.get(id)) return undefined;
    return this.shards[shardOf(id, this.shards.length)]!.data;
  }

  get seededAt(): string | null {
    return this.main.data.seededAt;
  }

  get seeding(): SeedingState {
    if (this.main.data.seededAt !== null) return 'done';
    return this.main.data.seedingStartedAt ? 'in-progress' : 'not-started';
  }

  /** Recorded before the first seed goes in, so a start cut short finishes seeding next time. */
  markSeedingStarted(at: Date): Promise<void> {
    return this.main.change((d) => ({ ...d, seedingStartedAt: at.toISOString() }));
  }

  markSeeded(at: Date): Promise<void> {
    return this.main.change((d) => ({ ...d, seededAt: at.toISOString() }));
  }

  listSubscriptions(): readonly SubscriptionRecord[] {
    return this.main.data.subscriptions;
  }

  putSubscription(sub: SubscriptionRecord): Promise<void> {
    return this.main.change((d) => {
      const i = d.subscriptions.findIndex((s) => s.id === sub.id);
      return { ...d, subscriptions: i >= 0 ? d.subscriptions.map((s, j) => (j === i ? sub : s)) : [...d.subscriptions, sub] };
    });
  }

  async deleteSubscription(id: string): Promise<boolean> {
    let found = false;
    await this.main.change((d) => {
      const subscriptions = d.subscriptions.filter((s) => s.id !== id);
      found = subscriptions.length !== d.subscriptions.length;
      return { ...d, subscriptions };
    });
    return found;
  }

  listAudit(): readonly AuditEntry[] {
    return this.audit.list();
  }

  recordAudit(entry: AuditEntry): Promise<void> {
    return this.audit.record(entry);
  }

  /** The followed feeds, in their own file beside the store's (data/feeds.json). */
  feeds(): Promise<FeedStore> {
    this.feedStore ??= FeedStore.open(this.dir);
    return this.feedStore;
  }

  /** One process owns the folder (the lock): claims and request de-dup stay in memory. */
  coordination(clock: Clock): Coordination {
    return memoryCoordination(clock);
  }

  /** One process owns the folder (the lock): no one else changes it. */
  onRemoteChange(): () => void {
    return () => undefined;
  }

  /** Waits for pending writes, settles the manifest, then lets another process open the directory. */
  async close(): Promise<void> {
    const feeds = this.feedStore?.then((f) => f.flush());
    await this.journal.close();
    await Promise.allSettled([...this.shards.map((s) => s.idle()), this.main.idle(), this.audit.close(), ...(feeds ? [feeds] : [])]);
    // A lagging manifest is within the rule (the next start settles it), so a failure here is no loss.
    for (let i = 0; i < this.shards.length; i++) {
      if (await this.manifestCaughtUp(i, this.shards[i]!.data).then(() => false, () => true)) break;
    }
    // What memory holds of the shards, for the next start to load cheaply; a cache, so a failure is no loss.
    if (!this.lock.lost) await writeRecordsCache(this.dir, this.shards.map((s) => s.data), this.cacheServedAll).catch(() => undefined);
    this.closed = true;
    for (const shard of this.shards) closeQuietly(shard.data.fd);
    await this.lock.release();
  }

  /** Another process took the folder over (we stalled past the stale time): writing now would clobber its files. */
  private async assertLockHeld(): Promise<void> {
    if (this.lock.lost) {
      throw new StoreWriteError(this.dir, undefined, 'Could not save: another Ringkas has taken over the data folder; restart this one.', { cause: this.lock.lost });
    }
  }

  /**
   * Before shard `i` is written again, the manifest must record its last write
   * (decision 002). Catching up brings every shard's entry up to date in one
   * write, so the manifest is written about once per dozen adds, not per add.
   */
  private async manifestCaughtUp(i: number, shard: ShardState): Promise<void> {
    const entry = manifestEntry(shard);
    const recorded = this.manifest.data.shards[i];
    if (recorded && recorded.generation === entry.generation && recorded.count === entry.count) return;
    await this.manifest.change((m) => ({ ...m, shards: this.shards.map((s) => manifestEntry(s.data)) }));
  }
}
