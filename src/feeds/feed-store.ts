// Followed feeds live in their own small file (data/feeds.json) beside the
// store's files: a poll rewrites only this file (atomically, via lowdb's
// temp-file-and-rename), never the main file or the article shards.
import type { Low } from 'lowdb';
import path from 'node:path';
import { z } from 'zod';
import { openJsonDb } from '../store/json-file.js';
import { SCHEMA_VERSION } from '../store/store-schema.js';
import type { FeedRecordStore } from '../store/briefing-store.js';
import type { FeedRecord } from './feed-record.js';

interface FeedsFile {
  schemaVersion: number;
  feeds: FeedRecord[];
}

const feedsFileSchema = z.looseObject({
  schemaVersion: z.number().int().positive(),
  feeds: z.array(z.looseObject({ id: z.string(), url: z.string(), seen: z.array(z.string()) })),
});

export class FeedStore implements FeedRecordStore {
  private readonly pending = new Set<Promise<void>>();

  private constructor(private readonly db: Low<FeedsFile>) {}

  static async open(dataDir: string): Promise<FeedStore> {
    const { db } = await openJsonDb<FeedsFile>(path.join(dataDir, 'feeds.json'), feedsFileSchema, () => ({ schemaVersion: SCHEMA_VERSION, feeds: [] }));
    return new FeedStore(db);
  }

  list(): readonly FeedRecord[] {
    return this.db.data.feeds;
  }

  get(id: string): FeedRecord | undefined {
    return this.db.data.feeds.find((f) => f.id === id);
  }

  findByUrl(url: string): FeedRecord | undefined {
    return this.db.data.feeds.find((f) => f.url === url);
  }

  /** Adds or replaces a feed (records are changed in place, then saved). */
  async put(feed: FeedRecord): Promise<void> {
    const list = this.db.data.feeds;
    const i = list.findIndex((f) => f.id === feed.id);
    if (i >= 0) list[i] = feed;
    else list.push(feed);
    await this.save();
  }

  async delete(id: string): Promise<boolean> {
    const before = this.db.data.feeds.length;
    this.db.data.feeds = this.db.data.feeds.filter((f) => f.id !== id);
    if (this.db.data.feeds.length === before) return false;
    await this.save();
    return true;
  }

  /** The whole file is rewritten, so every feed changed in place is saved with `_feed`. */
  save(_feed?: FeedRecord): Promise<void> {
    const p = this.db.write();
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}
