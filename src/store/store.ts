// The lowdb store: one small main file (subscriptions, meta), the articles
// spread over shard files so adding one article rewrites one small shard
// instead of the whole corpus, and an append-only audit log. One in-memory
// state, one writer per file.
import type { Low } from 'lowdb';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ArticleRecord } from '../model/article.js';
import type { SubscriptionRecord } from '../model/subscription.js';
import { AuditLog } from './audit-log.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { openJsonDb } from './json-file.js';
import {
  emptyMain,
  emptyShard,
  mainFileSchema,
  shardFileSchema,
  type AuditEntry,
  type MainFile,
  type ShardFile,
} from './store-schema.js';

function shardOf(id: string, count: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % count;
}

export class Store {
  private readonly byId = new Map<string, ArticleRecord>();
  private readonly byFingerprint = new Map<string, string>();
  private readonly byCanonicalUrl = new Map<string, string>();
  private readonly pending = new Set<Promise<void>>();

  private constructor(
    readonly dir: string,
    private readonly main: Low<MainFile>,
    private readonly shards: Low<ShardFile>[],
    private readonly lock: DataDirLock,
    private readonly audit: AuditLog,
  ) {
    for (const shard of shards) for (const a of shard.data.articles) this.index(a);
  }

  static async open(dir: string): Promise<Store> {
    mkdirSync(path.join(dir, 'articles'), { recursive: true });
    const lock = lockDataDir(dir);
    try {
      const main = await openJsonDb(path.join(dir, 'ringkas.json'), mainFileSchema, emptyMain);
      // One shard at a time: reading all at once would hold every file's text
      // in memory together, and V8 keeps that peak as resident memory.
      const shards: Low<ShardFile>[] = [];
      for (let i = 0; i < main.data.shardCount; i++) {
        shards.push(await openJsonDb(path.join(dir, 'articles', `shard-${String(i).padStart(2, '0')}.json`), shardFileSchema, emptyShard));
      }
      return new Store(dir, main, shards, lock, new AuditLog(path.join(dir, 'audit.jsonl')));
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  private index(a: ArticleRecord): void {
    this.byId.set(a.id, a);
    this.byFingerprint.set(a.fingerprint, a.id);
    if (a.canonicalUrl) this.byCanonicalUrl.set(a.canonicalUrl, a.id);
  }

  get articleCount(): number {
    return this.byId.size;
  }

  listArticles(): IterableIterator<ArticleRecord> {
    return this.byId.values();
  }

  getArticle(id: string): ArticleRecord | undefined {
    return this.byId.get(id);
  }

  findByFingerprint(fingerprint: string): ArticleRecord | undefined {
    const id = this.byFingerprint.get(fingerprint);
    return id === undefined ? undefined : this.byId.get(id);
  }

  findByCanonicalUrl(url: string): ArticleRecord | undefined {
    const id = this.byCanonicalUrl.get(url);
    return id === undefined ? undefined : this.byId.get(id);
  }

  async addArticle(article: ArticleRecord): Promise<void> {
    if (this.byId.has(article.id)) throw new Error(`article id ${article.id} already stored`);
    const shard = this.shards[shardOf(article.id, this.shards.length)]!;
    shard.data.articles.push(article);
    this.index(article);
    await this.persist(shard);
  }

  async removeArticle(id: string): Promise<ArticleRecord | undefined> {
    const article = this.byId.get(id);
    if (!article) return undefined;
    const shard = this.shards[shardOf(id, this.shards.length)]!;
    shard.data.articles = shard.data.articles.filter((a) => a.id !== id);
    this.byId.delete(id);
    if (this.byFingerprint.get(article.fingerprint) === id) this.byFingerprint.delete(article.fingerprint);
    if (article.canonicalUrl && this.byCanonicalUrl.get(article.canonicalUrl) === id) this.byCanonicalUrl.delete(article.canonicalUrl);
    await this.persist(shard);
    return article;
  }

  get seededAt(): string | null {
    return this.main.data.seededAt;
  }

  async markSeeded(at: Date): Promise<void> {
    this.main.data.seededAt = at.toISOString();
    await this.persist(this.main);
  }

  listSubscriptions(): readonly SubscriptionRecord[] {
    return this.main.data.subscriptions;
  }

  async putSubscription(sub: SubscriptionRecord): Promise<void> {
    const list = this.main.data.subscriptions;
    const i = list.findIndex((s) => s.id === sub.id);
    if (i >= 0) list[i] = sub;
    else list.push(sub);
    await this.persist(this.main);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    const before = this.main.data.subscriptions.length;
    this.main.data.subscriptions = this.main.data.subscriptions.filter((s) => s.id !== id);
    if (this.main.data.subscriptions.length === before) return false;
    await this.persist(this.main);
    return true;
  }

  listAudit(): readonly AuditEntry[] {
    return this.audit.list();
  }

  recordAudit(entry: AuditEntry): Promise<void> {
    return this.audit.record(entry);
  }

  /** Waits for pending writes, then lets another process open the directory. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.pending, this.audit.flush()]);
    this.lock.release();
  }

  private persist(db: Low<MainFile> | Low<ShardFile>): Promise<void> {
    const p = db.write();
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }
}
