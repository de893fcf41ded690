// Followed feeds in PostgreSQL: the same in-place-then-save contract as the lowdb
// feed file, but each save writes one row. Memory follows the database: a row
// another instance changed is re-read when its note arrives (postgres-store.ts).
// What this instance saves is what memory holds afterwards (a poll may be changing
// an object a re-read has since replaced), and a re-read that overlaps a save of
// ours is read again once the save is done, so it cannot put an older row back.
import type pg from 'pg';
import type { FeedRecord } from '../../feeds/feed-record.js';
import type { FeedRecordStore } from '../briefing-store.js';
import { writeAndNotify } from './change-feed.js';
import { LocalWrites } from './local-writes.js';

export class PostgresFeedStore implements FeedRecordStore {
  private feeds: FeedRecord[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly saves = new LocalWrites();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly origin: string,
  ) {}

  static async open(pool: pg.Pool, origin: string): Promise<PostgresFeedStore> {
    const store = new PostgresFeedStore(pool, origin);
    await store.reload();
    return store;
  }

  async reload(): Promise<void> {
    const { rows } = await this.pool.query<{ record: FeedRecord }>('SELECT record FROM feeds ORDER BY id');
    this.feeds = rows.map((r) => r.record);
  }

  /** Re-reads one feed another instance changed (or removed). */
  refresh(id: string): Promise<void> {
    return this.saves.reread(
      [id],
      async () => (await this.pool.query<{ record: FeedRecord }>('SELECT record FROM feeds WHERE id = $1', [id])).rows[0]?.record,
      (feed, ids) => ids.forEach((i) => this.remember(i, feed)),
    );
  }

  private remember(id: string, feed: FeedRecord | undefined): void {
    const i = this.feeds.findIndex((f) => f.id === id);
    if (!feed) {
      if (i >= 0) this.feeds.splice(i, 1);
    } else if (i < 0) this.feeds.push(feed);
    else if (this.feeds[i] !== feed) this.feeds[i] = feed;
  }

  list(): readonly FeedRecord[] {
    return this.feeds;
  }

  get(id: string): FeedRecord | undefined {
    return this.feeds.find((f) => f.id === id);
  }

  findByUrl(url: string): FeedRecord | undefined {
    return this.feeds.find((f) => f.url === url);
  }

  put(feed: FeedRecord): Promise<void> {
    return this.write(feed);
  }

  save(feed: FeedRecord): Promise<void> {
    return this.write(feed);
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.saves.track(id, this.track(writeAndNotify(this.pool, 'DELETE FROM feeds WHERE id = $1 RETURNING id', [id], { origin: this.origin, kind: 'feed', op: 'del' })));
    this.remember(id, undefined);
    return rows.length > 0;
  }

  private async write(feed: FeedRecord): Promise<void> {
    const written = this.track(
      writeAndNotify(
        this.pool,
        'INSERT INTO feeds (id, url, record) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, record = EXCLUDED.record RETURNING id',
        [feed.id, feed.url, feed],
        { origin: this.origin, kind: 'feed', op: 'put' },
      ),
    );
    await this.saves.track(feed.id, written);
    this.remember(feed.id, feed);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}
