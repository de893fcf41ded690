// Followed sources: adding (with feed discovery on a site page), listing,
// pausing, removing, checking now, and the scheduler's pass over due feeds.
import { createHash } from 'node:crypto';
import type { ArticleService } from '../articles/article-service.js';
import type { Clock } from '../clock.js';
import type { Coordination } from '../coordination/claims.js';
import { claimAndHold } from '../coordination/held-claim.js';
import type { FeedConfig } from '../config.js';
import { RingkasError } from '../errors.js';
import type { Logger } from '../logger.js';
import { cmd, say } from '../model/text.js';
import { discoverFeedLinks } from './discover-feed.js';
import { FeedPoller, type PollReport } from './feed-poller.js';
import type { FeedRecord } from './feed-record.js';
import type { FeedRelevance } from './feed-relevance.js';
import type { FeedRecordStore } from '../store/briefing-store.js';
import { FeedFetchError, type FeedResponse, type Validators } from './fetch-feed.js';
import { HostQueue } from './host-queue.js';
import { NotAFeedError, parseFeedDocument, type ParsedFeed } from './parse-feed.js';

export interface FeedServiceDeps {
  feeds: FeedRecordStore;
  articles: ArticleService;
  relevance: FeedRelevance;
  fetch: (url: string, validators: Validators) => Promise<FeedResponse>;
  clock: Clock;
  logger: Logger;
  config: FeedConfig;
  random?: () => number;
  /** Claims shared with other instances: one instance polls a feed per due time. */
  coordination: Pick<Coordination, 'owner' | 'claims'>;
}

export interface AddedFeed {
  feed: FeedRecord;
  /** The page the admin gave, when the feed was found through it. */
  discoveredOn: string | null;
  items: number;
  lastWeek: number;
  lastWeekMatching: number;
}

const DAY = 24 * 60 * 60_000;
/** Polls running at once across hosts (one per host in any case). */
const PARALLEL_POLLS = 4;
const NO_VALIDATORS: Validators = { etag: null, lastModified: null };

export class FeedService {
  private readonly queue = new HostQueue();
  private readonly poller: FeedPoller;
  /** Feeds being polled now: a check and a scheduled pass never poll one feed twice at once. */
  private readonly polling = new Map<string, Promise<PollReport>>();

  constructor(private readonly d: FeedServiceDeps) {
    this.poller = new FeedPoller({ ...d, queue: this.queue, random: d.random ?? Math.random });
  }

  list(): readonly FeedRecord[] {
    return this.d.feeds.list();
  }

  async add(input: string, everyMinutes: number, takeAll: boolean, addedBy: string): Promise<AddedFeed> {
    const first = await this.load(input);
    let { url, parsed } = first;
    let discoveredOn: string | null = null;
    if (!parsed) {
      discoveredOn = url;
      const [found] = discoverFeedLinks(first.page ?? '', url);
      if (!found) throw new RingkasError('bad_input', 'That page is a web page that names no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed). Give the feed or sitemap address instead.');
      ({ url, parsed } = await this.load(found));
      if (!parsed) throw new RingkasError('bad_input', `The page names ${found.slice(0, 200)} as its feed, but that is not a feed either.`);
    }
    const existing = this.d.feeds.findByUrl(url);
    if (existing) throw new RingkasError('duplicate', `That feed is already followed as ${existing.id} (${existing.title}).`);
    const now = this.d.clock.now();
    const feed: FeedRecord = {
      id: this.newId(url),
      url,
      title: parsed.title,
      format: parsed.format,
      everyMinutes,
      takeAll,
      addedAt: now.toISOString(),
      addedBy,
      state: 'ok',
      pausedByAdmin: false,
      reason: null,
      failingSince: null,
      failures: 0,
      permanentFailures: 0,
      lastCheckAt: null,
      // The first poll runs at the next scheduler tick.
      nextCheckAt: now.toISOString(),
      etag: null,
      lastModified: null,
      primed: false,
      seen: [],
      log: [],
      recentSkips: [],
    };
    await this.d.feeds.put(feed);
    this.d.logger.info({ event: 'feed.added', feed: feed.id, format: parsed.format, items: parsed.items.length, discovered: discoveredOn !== null }, 'feed added');
    const weekAgo = now.getTime() - 7 * DAY;
    const week = parsed.items.filter((i) => i.published && Date.parse(i.published) >= weekAgo);
    const matching = takeAll ? week.length : week.filter((i) => this.d.relevance.judge(`${i.title}\n${i.summary}`).relevant).length;
    return { feed, discoveredOn, items: parsed.items.length, lastWeek: week.length, lastWeekMatching: matching };
  }

  /** Fetches a URL the admin gave: a feed (parsed) or a web page (kept for discovery). */
  private async load(url: string): Promise<{ url: string; parsed: ParsedFeed | null; page?: string }> {
    let res: FeedResponse;
    try {
      res = await this.queue.run(url, () => this.d.fetch(url, NO_VALIDATORS));
    } catch (e) {
      if (e instanceof FeedFetchError) throw new RingkasError('fetch_failed', `Ringkas could not read that address: ${e.reason}.`);
      throw e;
    }
    if (res.status !== 'ok') throw new RingkasError('fetch_failed', 'That address answered "not modified" to a first request.');
    try {
      return { url: res.url, parsed: parseFeedDocument(res.body, res.url, res.contentType) };
    } catch (e) {
      if (!(e instanceof NotAFeedError)) throw e;
      if (e.kind === 'html') return { url: res.url, parsed: null, page: res.body };
      throw new RingkasError('bad_input', `That is not a feed Ringkas can follow: ${e.reason}.`);
    }
  }

  private newId(url: string): string {
    const hex = createHash('sha256').update(url).digest('hex');
    for (let len = 6; len <= hex.length; len += 2) {
      const id = `f${hex.slice(0, len)}`;
      if (!this.d.feeds.get(id)) return id;
    }
    throw new Error('feed id space exhausted');
  }

  get(id: string): FeedRecord {
    const feed = this.d.feeds.get(id.trim().toLowerCase());
    if (!feed) throw new RingkasError('not_found', say`No followed feed has the id "${id.slice(0, 40)}". ${cmd('feeds')} lists them.`);
    return feed;
  }

  async remove(id: string): Promise<FeedRecord> {
    const feed = this.get(id);
    await this.polling.get(feed.id)?.catch(() => undefined);
    await this.d.feeds.delete(feed.id);
    return feed;
  }

  async pause(id: string): Promise<FeedRecord> {
    const feed = this.get(id);
    feed.state = 'paused';
    feed.pausedByAdmin = true;
    feed.reason = 'paused by an admin';
    await this.d.feeds.save(feed);
    return feed;
  }

  async resume(id: string): Promise<FeedRecord> {
    const feed = this.get(id);
    feed.state = feed.failures > 0 ? 'failing' : 'ok';
    feed.pausedByAdmin = false;
    feed.permanentFailures = 0;
    if (feed.state === 'ok') feed.reason = null;
    feed.nextCheckAt = this.d.clock.now().toISOString();
    await this.d.feeds.save(feed);
    return feed;
  }

  /** Polls one feed now, whatever its schedule (a paused feed too: the admin asked). */
  check(id: string): Promise<PollReport> {
    return this.pollOnce(this.get(id));
  }

  /** One scheduler pass: every feed that is due and not paused, a few at a time; returns how many this instance polled. */
  async pollDue(): Promise<number> {
    const now = this.d.clock.now().getTime();
    const due = this.d.feeds.list().filter((f) => f.state !== 'paused' && Date.parse(f.nextCheckAt) <= now);
    let next = 0;
    let polled = 0;
    const worker = async () => {
      while (next < due.length) if (await this.pollClaimed(due[next++]!)) polled++;
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_POLLS, due.length) }, worker));
    return polled;
  }

  /**
   * Polls a due feed when this instance wins its claim for that due time; false when
   * another instance polls (or polled) it. A poll cut short by a crash is left
   * uncompleted, so the feed is polled again once the claim's lease runs out.
   */
  private async pollClaimed(feed: FeedRecord): Promise<boolean> {
    const { claims, owner } = this.d.coordination;
    const key = `feed:${feed.id}@${feed.nextCheckAt}`;
    const answer = await claimAndHold(claims, key, owner, { logger: this.d.logger });
    if (answer.held === false) return false;
    try {
      await this.pollOnce(feed);
    } finally {
      await answer.held.stop();
    }
    await claims.complete(key, owner, { polledAt: this.d.clock.now().toISOString() });
    return true;
  }

  private pollOnce(feed: FeedRecord): Promise<PollReport> {
    const running = this.polling.get(feed.id);
    if (running) return running;
    const p = this.poller.poll(feed).finally(() => this.polling.delete(feed.id));
    this.polling.set(feed.id, p);
    return p;
  }

  /** Waits for polls in flight and for the feed file's pending writes. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.polling.values()]);
    await this.d.feeds.flush();
  }
}
