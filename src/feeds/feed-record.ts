// A followed source and everything polling it needs to remember across restarts.

export type FeedState = 'ok' | 'failing' | 'paused';

export interface FeedPollLog {
  /** ISO instant of the poll. */
  at: string;
  added: number;
  skipped: number;
  failed: number;
}

export interface FeedRecord {
  id: string;
  url: string;
  title: string;
  format: string;
  everyMinutes: number;
  /** Take every item, not only those matching the briefs. */
  takeAll: boolean;
  addedAt: string;
  addedBy: string;
  state: FeedState;
  /** Paused by an admin (a check does not resume it), rather than by repeated failures. */
  pausedByAdmin: boolean;
  /** Why it is failing or paused, in a few words. */
  reason: string | null;
  /** ISO instant of the first failure of the current run of failures. */
  failingSince: string | null;
  /** Failures in a row (any kind), and permanent ones in a row (404/410, not a feed). */
  failures: number;
  permanentFailures: number;
  lastCheckAt: string | null;
  nextCheckAt: string;
  etag: string | null;
  lastModified: string | null;
  /** False until the first successful poll has set the baseline of seen items. */
  primed: boolean;
  /** Keys of items already handled (added, skipped or failed), newest last. */
  seen: string[];
  /** One entry per poll that brought something, kept for a week. */
  log: FeedPollLog[];
  /** Items whose article could not be fetched yet, by key: attempts so far (retried at the next polls). */
  retries?: Record<string, number>;
  /** Titles of the last items skipped as off-topic, newest first. */
  recentSkips: string[];
}
