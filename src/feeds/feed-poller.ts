// Polls one feed: conditional fetch, parse, then every item not seen before goes
// through the same safe fetch and ingest as `/brief add <url>`, one at a time,
// and is remembered as seen right after. Validators (ETag, Last-Modified) are
// saved only once every item is handled, so a restart in the middle of a poll
// re-reads the feed and the store's own de-duplication keeps each article once.
import type { ArticleService } from '../articles/article-service.js';
import type { Clock } from '../clock.js';
import type { FeedConfig } from '../config.js';
import { isRingkasError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { FeedRelevance } from './feed-relevance.js';
import type { FeedRecord } from './feed-record.js';
import type { FeedRecordStore } from '../store/briefing-store.js';
import { FeedFetchError, type FeedResponse, type Validators } from './fetch-feed.js';
import type { HostQueue } from './host-queue.js';
import { NotAFeedError, parseFeedDocument, type FeedItem } from './parse-feed.js';

export interface PollReport {
  outcome: 'not_modified' | 'ok' | 'failed';
  /** Items not seen before that this poll handled. */
  fresh: number;
  added: number;
  duplicates: number;
  skipped: number;
  failed: number;
  skippedTitles: string[];
  itemFailures: string[];
  reason: string | null;
}

export interface FeedPollerDeps {
  feeds: FeedRecordStore;
  articles: ArticleService;
  relevance: FeedRelevance;
  fetch: (url: string, validators: Validators) => Promise<FeedResponse>;
  queue: HostQueue;
  clock: Clock;
  logger: Logger;
  config: FeedConfig;
  random: () => number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Seen keys kept beyond those still in the feed. */
const SEEN_MEMORY = 1000;
const BACKOFF_BASE = 5 * MINUTE;
/** Polls that try an item's article before giving up on it. */
const ITEM_ATTEMPTS = 3;

export class FeedPoller {
  constructor(private readonly d: FeedPollerDeps) {}

  async poll(feed: FeedRecord): Promise<PollReport> {
    const report: PollReport = { outcome: 'ok', fresh: 0, added: 0, duplicates: 0, skipped: 0, failed: 0, skippedTitles: [], itemFailures: [], reason: null };
    const now = this.d.clock.now();
    try {
      const res = await this.d.queue.run(feed.url, () => this.d.fetch(feed.url, { etag: feed.etag, lastModified: feed.lastModified }));
      if (res.status === 'not_modified') {
        report.outcome = 'not_modified';
      } else {
        const parsed = parseFeedDocument(res.body, res.url, res.contentType);
        if (res.movedTo && res.movedTo !== feed.url && !this.d.feeds.findByUrl(res.movedTo)) {
          this.d.logger.info({ event: 'feed.moved', feed: feed.id, to: res.movedTo }, 'feed moved permanently');
          feed.url = res.movedTo;
        }
        feed.title = parsed.title;
        await this.take(feed, parsed.items, report);
        // With articles still to retry, the next poll must read the feed again, not get a 304.
        const retrying = Object.keys(feed.retries ?? {}).length > 0;
        feed.etag = retrying ? null : res.validators.etag;
        feed.lastModified = retrying ? null : res.validators.lastModified;
      }
      this.succeeded(feed, now);
    } catch (e) {
      this.failed(feed, now, e, report);
    }
    feed.lastCheckAt = now.toISOString();
    this.record(feed, now, report);
    await this.d.feeds.save(feed);
    return report;
  }

  private async take(feed: FeedRecord, items: FeedItem[], report: PollReport): Promise<void> {
    const seen = new Set(feed.seen);
    let fresh = items.filter((i) => !seen.has(i.key));
    if (!feed.primed) {
      // A new feed: the newest few only, never the archive; the rest count as seen.
      const newest = new Set(newestFirst(fresh).slice(0, this.d.config.firstPollItems));
      for (const i of fresh) if (!newest.has(i)) feed.seen.push(i.key);
      fresh = fresh.filter((i) => newest.has(i));
      feed.primed = true;
      await this.d.feeds.save(feed);
    }
    report.fresh = fresh.length;
    const retries = (feed.retries ??= {});
    for (const item of newestFirst(fresh).reverse()) {
      if ((await this.ingest(feed, item, report)) === 'retry') {
        retries[item.key] = (retries[item.key] ?? 0) + 1;
      } else {
        delete retries[item.key];
        feed.seen.push(item.key);
      }
      await this.d.feeds.save(feed);
    }
    const current = new Set(items.map((i) => i.key));
    for (const key of Object.keys(retries)) if (!current.has(key)) delete retries[key];
    const older = feed.seen.filter((k) => !current.has(k)).slice(-SEEN_MEMORY);
    feed.seen = [...older, ...items.map((i) => i.key).filter((k) => !(k in retries))];
  }

  /** 'retry' when the article could not be fetched this time and has attempts left. */
  private async ingest(feed: FeedRecord, item: FeedItem, report: PollReport): Promise<'done' | 'retry'> {
    if (!item.link) {
      report.failed++;
      report.itemFailures.push(`${item.title || item.key}: no link`);
      return 'done';
    }
    const link = item.link;
    const admit = feed.takeAll ? () => true : (text: string) => this.d.relevance.judge(text).relevant;
    try {
      const result = await this.d.queue.run(link, () => this.d.articles.addIfAdmitted(link, `feed:${feed.id}`, admit));
      if (!result) {
        report.skipped++;
        feed.recentSkips = [item.title || link, ...feed.recentSkips].slice(0, 5);
        report.skippedTitles.push(item.title || link);
      } else if (result.duplicate) report.duplicates++;
      else report.added++;
      return 'done';
    } catch (e) {
      // One bad item (a private address, a page with no text) never stops the feed;
      // a fetch that failed (timeout, 5xx) is tried again at the next polls, a few times.
      report.failed++;
      const retry = isRingkasError(e) && e.code === 'fetch_failed' && (feed.retries?.[item.key] ?? 0) + 1 < ITEM_ATTEMPTS;
      const why = isRingkasError(e) ? e.userMessage : 'internal error';
      report.itemFailures.push(`${item.title || link}: ${why}${retry ? ' (will retry)' : ''}`);
      const level = isRingkasError(e) ? 'warn' : 'error';
      this.d.logger[level]({ event: 'feed.item_failed', feed: feed.id, code: isRingkasError(e) ? e.code : 'internal', retry, err: isRingkasError(e) ? undefined : e }, 'feed item not added');
      return retry ? 'retry' : 'done';
    }
  }

  private succeeded(feed: FeedRecord, now: Date): void {
    if (feed.state !== 'paused' || !feed.pausedByAdmin) {
      feed.state = 'ok';
      feed.reason = null;
    }
    feed.failingSince = null;
    feed.failures = 0;
    feed.permanentFailures = 0;
    const every = feed.everyMinutes * MINUTE;
    // Jitter spreads feeds added together, so they do not all poll in the same minute.
    feed.nextCheckAt = new Date(now.getTime() + every + Math.floor(this.d.random() * every * 0.1)).toISOString();
  }

  private failed(feed: FeedRecord, now: Date, e: unknown, report: PollReport): void {
    const { permanent, reason, retryAfterMs } = classify(e);
    report.outcome = 'failed';
    report.reason = reason;
    feed.failures++;
    feed.failingSince ??= now.toISOString();
    if (permanent) feed.permanentFailures++;
    if (feed.state !== 'paused') feed.state = 'failing';
    feed.reason = reason;
    if (permanent && feed.permanentFailures >= this.d.config.pauseAfterFailures && feed.state !== 'paused') {
      feed.state = 'paused';
      feed.pausedByAdmin = false;
      feed.reason = `paused after ${feed.permanentFailures} failures: ${reason}`;
    }
    const backoff = Math.min(BACKOFF_BASE * 2 ** Math.min(feed.failures - 1, 20), DAY);
    feed.nextCheckAt = new Date(now.getTime() + Math.max(backoff, retryAfterMs ?? 0)).toISOString();
    const level = permanent || !(e instanceof FeedFetchError || e instanceof NotAFeedError) ? 'error' : 'warn';
    this.d.logger[level]({ event: 'feed.poll_failed', feed: feed.id, permanent, reason, failures: feed.failures, state: feed.state, next: feed.nextCheckAt }, 'feed poll failed');
  }

  private record(feed: FeedRecord, now: Date, r: PollReport): void {
    const weekAgo = now.getTime() - 8 * DAY;
    feed.log = feed.log.filter((l) => Date.parse(l.at) >= weekAgo);
    if (r.added + r.skipped + r.failed > 0) feed.log.push({ at: now.toISOString(), added: r.added, skipped: r.skipped, failed: r.failed });
  }
}

function classify(e: unknown): { permanent: boolean; reason: string; retryAfterMs: number | null } {
  if (e instanceof FeedFetchError) return { permanent: e.permanent, reason: e.reason, retryAfterMs: e.retryAfterMs };
  if (e instanceof NotAFeedError) return { permanent: true, reason: `not a feed: ${e.reason}`, retryAfterMs: null };
  if (isRingkasError(e)) return { permanent: false, reason: e.message, retryAfterMs: null };
  return { permanent: false, reason: 'internal error (logged)', retryAfterMs: null };
}

/** Newest first by date when every item is dated; otherwise the document's own order (feeds list newest first). */
function newestFirst(items: FeedItem[]): FeedItem[] {
  if (!items.every((i) => i.published)) return [...items];
  return [...items].sort((a, b) => Date.parse(b.published!) - Date.parse(a.published!));
}
