// Shapes of the files in the data directory, validated on read. A file with a newer
// schema version is refused; there are no migrations yet, so bumping SCHEMA_VERSION
// means writing the first one.
import { z } from 'zod';
import type { ArticleRecord, StoredArticle } from '../model/article.js';
import type { SubscriptionRecord } from '../model/subscription.js';
import type { BodyAt, FiguresAt } from './shard-bodies.js';

export const SCHEMA_VERSION = 1;

export interface AuditEntry {
  at: string;
  platform: string;
  actor: string;
  command: string;
  /** Short, non-sensitive description: an article id, a URL, a channel. Never a body. */
  detail: string;
  outcome: 'ok' | 'refused' | 'failed';
}

export interface MainFile {
  schemaVersion: number;
  seededAt: string | null;
  /** Set before the first seed is added, so a start cut short finishes seeding next time. */
  seedingStartedAt?: string | null;
  /** How many article shard files this store uses (fixed when the store is created). */
  shardCount: number;
  subscriptions: SubscriptionRecord[];
}

/** A shard file as on disk (memory holds a ShardState: no bodies). */
export interface ShardFile {
  schemaVersion: number;
  /** Bumped on every write; the manifest records the last one it saw (absent in stores before the manifest). */
  generation?: number;
  articles: ArticleRecord[];
}

/**
 * A shard as memory holds it (decision 025): the articles without their
 * bodies, where each body is (a byte range in the file as committed, or the
 * text while it is not on disk), and a descriptor open on that very file.
 */
export interface ShardState {
  schemaVersion: number;
  generation?: number;
  articles: StoredArticle[];
  bodies: ReadonlyMap<string, BodyAt>;
  /** Each article's key figures, kept on disk like bodies (only cards read them). */
  figures: ReadonlyMap<string, FiguresAt>;
  fd: number | null;
}

/** What the manifest records of a shard (its file or its state in memory). */
export interface ShardCount {
  generation?: number | undefined;
  articles: { length: number };
}

export const generationOf = (shard: ShardCount): number => shard.generation ?? 0;

/** What each shard should hold, so a deleted or older shard is noticed at start (decision 002). */
export interface ManifestFile {
  schemaVersion: number;
  shards: { generation: number; count: number }[];
}

// Light structural checks: enough to refuse a file that is not ours, without
// re-validating every field of every article on each start (10k articles).
export const mainFileSchema = z.looseObject({
  schemaVersion: z.number().int().positive(),
  seededAt: z.string().nullable(),
  seedingStartedAt: z.string().nullable().optional(),
  shardCount: z.number().int().min(1).max(4096),
  subscriptions: z.array(z.looseObject({ id: z.string() })),
});

/**
 * A shard read with its bodies cut out (shard-bodies.ts: the cut checked that
 * each was a string): the header's fields, and an id and a fingerprint on each
 * article. Checked by hand, not by a schema: a schema copies every article of
 * every shard it checks (half a second of a start at 100,000 articles).
 */
export function isShardFile(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const { schemaVersion, generation, articles } = data as Record<string, unknown>;
  if (!Number.isInteger(schemaVersion) || (schemaVersion as number) < 1) return false;
  if (generation !== undefined && (!Number.isInteger(generation) || (generation as number) < 0)) return false;
  if (!Array.isArray(articles)) return false;
  for (const a of articles as unknown[]) {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
    const { id, fingerprint } = a as Record<string, unknown>;
    if (typeof id !== 'string' || typeof fingerprint !== 'string') return false;
  }
  return true;
}

export const manifestFileSchema = z.looseObject({
  schemaVersion: z.number().int().positive(),
  shards: z.array(z.looseObject({ generation: z.number().int().min(0), count: z.number().int().min(0) })),
});

export const DEFAULT_SHARD_COUNT = 128;
export const emptyMain = (): MainFile => ({ schemaVersion: SCHEMA_VERSION, seededAt: null, shardCount: DEFAULT_SHARD_COUNT, subscriptions: [] });
export const emptyShard = (): ShardState => ({ schemaVersion: SCHEMA_VERSION, articles: [], bodies: new Map(), figures: new Map(), fd: null });
export const emptyManifest = (): ManifestFile => ({ schemaVersion: SCHEMA_VERSION, shards: [] });
