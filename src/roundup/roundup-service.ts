// Per-channel weekly roundup subscriptions: create, remove, list, resume, preview,
// and delivering whatever is due. All state lives in the store (node-cron keeps none).
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { MemoryClaims } from '../coordination/memory-coordination.js';
import { instanceOwner } from '../coordination/instance-owner.js';
import { RingkasError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ChannelRef } from '../model/actor.js';
import type { Deliverer } from '../model/delivery.js';
import type { Roundup, SubscriptionInfo } from '../model/reply.js';
import type { SubscriptionRecord } from '../model/subscription.js';
import { cmd, say } from '../model/text.js';
import { ArticleWindow, composeRoundup } from './compose-roundup.js';
import { defaultRetryPolicy, realSleep, type RetryPolicy, type Sleep } from './deliver-with-retry.js';
import { checkSchedule, SCHEDULE_EXAMPLE } from './parse-schedule.js';
import { RoundupDelivery, type DeliveryReport, type RoundupCoordination } from './roundup-delivery.js';
import type { RoundupStore } from './roundup-ports.js';
import { firstSlotAfterDate, formatLocal, latestSlot, nextSlot, WEEK_MS } from './weekly-slot.js';

export interface RoundupServiceOptions {
  store: RoundupStore;
  clock: Clock;
  defaultTimezone: string;
  logger: Logger;
  /** Maps a word or alias to a brief id, or null when unknown. Default: any word is a topic. */
  resolveTopic?: (word: string) => string | null;
  /** Brief ids in display order. */
  topicOrder?: () => readonly string[];
  /** A brief's display name for its id. */
  topicLabel?: (id: string) => string;
  sleep?: Sleep;
  retry?: RetryPolicy;
  /** Deliveries in flight at once; the platform clients queue rate-limited calls. */
  concurrency?: number;
  /** Claims shared with other instances; default: this process alone (in memory). */
  coordination?: RoundupCoordination;
}

export function subscriptionId(channel: ChannelRef): string {
  return createHash('sha1').update(`${channel.platform}:${channel.workspace}:${channel.channel}`).digest('hex').slice(0, 10);
}

function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return a.platform === b.platform && a.workspace === b.workspace && a.channel === b.channel;
}

// The first owed slot depends only on the schedule and the last delivered slot, so it is
// computed once per delivery instead of on every minute's pass (luxon zone maths costs
// ~0.1 ms, which thousands of subscriptions would pay every minute).
const owedFrom = new Map<string, number>();
const OWED_CACHE_MAX = 50_000;

/** The instant of the first slot this subscription has not been delivered for. */
export function firstOwedSlot(sub: SubscriptionRecord): number {
  const key = `${sub.weekday}|${sub.time}|${sub.timezone}|${sub.lastSlot ?? `created ${sub.createdAt}`}`;
  let at = owedFrom.get(key);
  if (at === undefined) {
    at = (sub.lastSlot ? firstSlotAfterDate(sub, new Date(sub.lastSlot)) : nextSlot(sub, new Date(sub.createdAt))).getTime();
    if (owedFrom.size >= OWED_CACHE_MAX) owedFrom.clear();
    owedFrom.set(key, at);
  }
  return at;
}

/**
 * Where a roundup ending at `until` starts: where the last one ended; never
 * delivered, at least the week before the slot, and everything since the
 * subscription began when that is longer (paused before its first roundup).
 */
function periodStart(sub: SubscriptionRecord, until: Date): Date {
  return sub.coveredUntil ? new Date(sub.coveredUntil) : new Date(Math.min(Date.parse(sub.createdAt), until.getTime() - WEEK_MS));
}

/** Whether a subscription owes a roundup at `now` (see docs/decisions/014). */
export function isDue(sub: SubscriptionRecord, now: Date): boolean {
  if (sub.paused) return false;
  return firstOwedSlot(sub) <= now.getTime();
}

export class RoundupService {
  private readonly delivery: RoundupDelivery;

  constructor(private readonly options: RoundupServiceOptions) {
    this.delivery = new RoundupDelivery({
      store: options.store,
      clock: options.clock,
      logger: options.logger,
      sleep: options.sleep ?? realSleep,
      retry: options.retry ?? defaultRetryPolicy,
      concurrency: options.concurrency ?? 8,
      composer: (articles) => this.passComposer(articles),
      coordination: options.coordination ?? { owner: instanceOwner(), claims: new MemoryClaims(options.clock) },
    });
  }

  private now(): Date {
    return this.options.clock.now();
  }

  private resolveTopics(words: readonly string[]): string[] {
    const resolve = this.options.resolveTopic ?? ((w: string) => w);
    return words.map((w) => {
      const id = resolve(w);
      if (id === null) throw new RingkasError('bad_input', say`"${w}" is not a day, time, timezone or topic I know. Example: ${cmd(SCHEDULE_EXAMPLE.command, `${SCHEDULE_EXAMPLE.args} ijepa`)}`);
      return id;
    });
  }

  async find(channel: ChannelRef): Promise<SubscriptionRecord | undefined> {
    return (await this.options.store.listSubscriptions()).find((s) => sameChannel(s.channel, channel));
  }

  /** Creates this channel's subscription, or changes its schedule (keeping what it has covered). */
  async subscribe(channel: ChannelRef, input: unknown, actorId: string): Promise<SubscriptionInfo> {
    const checked = checkSchedule(input, this.options.defaultTimezone);
    const topics = this.resolveTopics(checked.topics);
    const now = this.now();
    const existing = await this.find(channel);
    const spec = { weekday: checked.weekday, time: checked.time, timezone: checked.timezone };
    const record: SubscriptionRecord = existing
      ? {
          ...existing,
          ...spec,
          topics,
          quietWeeks: checked.quietWeeks ?? existing.quietWeeks,
          // A changed schedule must not fire at once for a slot that passed before the change.
          lastSlot: latestSlot(spec, now).toISOString(),
          paused: null,
        }
      : {
          id: subscriptionId(channel),
          channel,
          ...spec,
          topics,
          quietWeeks: checked.quietWeeks ?? 'post',
          createdAt: now.toISOString(),
          createdBy: actorId,
          lastSlot: null,
          coveredUntil: null,
          paused: null,
        };
    await this.options.store.putSubscription(record);
    this.options.logger.info({ event: 'roundup.subscribed', subscription: record.id, weekday: record.weekday, time: record.time, timezone: record.timezone });
    return this.info(record);
  }

  async unsubscribe(channel: ChannelRef): Promise<boolean> {
    const existing = await this.find(channel);
    if (!existing) return false;
    await this.options.store.deleteSubscription(existing.id);
    this.options.logger.info({ event: 'roundup.unsubscribed', subscription: existing.id });
    return true;
  }

  /** Subscriptions of the workspace `channel` belongs to (all of them without a channel). */
  async list(channel?: ChannelRef): Promise<SubscriptionInfo[]> {
    const all = await this.options.store.listSubscriptions();
    const mine = channel ? all.filter((s) => s.channel.platform === channel.platform && s.channel.workspace === channel.workspace) : all;
    return mine.map((s) => this.info(s));
  }

  async resume(channel: ChannelRef): Promise<SubscriptionInfo | null> {
    const existing = await this.find(channel);
    if (!existing) return null;
    const record = { ...existing, paused: null };
    await this.options.store.putSubscription(record);
    this.delivery.forget(existing.id);
    this.options.logger.info({ event: 'roundup.resumed', subscription: existing.id });
    return this.info(record);
  }

  /** What the next roundup of this channel would post if it ran now (defaults when not subscribed). */
  async preview(channel: ChannelRef): Promise<{ roundup: Roundup; subscription: SubscriptionInfo | null }> {
    const existing = await this.find(channel);
    const sub = existing ?? this.unsaved(channel);
    const articles = new ArticleWindow(await this.options.store.listArticles());
    return { roundup: this.composeFor(sub, articles, this.now()), subscription: existing ? this.info(existing) : null };
  }

  /** Delivers every due subscription once; state advances only after the platform accepted. */
  async deliverDue(deliverers: readonly Deliverer[]): Promise<DeliveryReport> {
    const now = this.now();
    const subs = (await this.options.store.listSubscriptions()).filter((s) => isDue(s, now));
    return this.delivery.deliverAll(subs, deliverers);
  }

  composeFor(sub: SubscriptionRecord, articles: ArticleWindow, until: Date): Roundup {
    return this.compose(articles, sub, periodStart(sub, until), until);
  }

  /**
   * Composes for one pass over `articles`: subscriptions whose roundups cover the same
   * period in the same zone with the same topics (the same weekly slot, delivered
   * together last time) get the same roundup, composed once.
   */
  private passComposer(articles: ArticleWindow): (sub: SubscriptionRecord, until: Date) => Roundup {
    const made = new Map<string, Roundup>();
    return (sub, until) => {
      const since = periodStart(sub, until);
      const key = `${since.getTime()} ${until.getTime()} ${sub.timezone} ${sub.topics.join(',')}`;
      let roundup = made.get(key);
      if (!roundup) {
        roundup = this.compose(articles, sub, since, until);
        made.set(key, roundup);
      }
      return roundup;
    };
  }

  private compose(articles: ArticleWindow, sub: SubscriptionRecord, since: Date, until: Date): Roundup {
    return composeRoundup(articles.between(since, until), {
      since,
      until,
      timezone: sub.timezone,
      topics: sub.topics,
      topicOrder: this.options.topicOrder?.() ?? [],
      ...(this.options.topicLabel ? { topicLabel: this.options.topicLabel } : {}),
    });
  }

  info(sub: SubscriptionRecord): SubscriptionInfo {
    const next = nextSlot(sub, this.now());
    return {
      id: sub.id,
      channel: sub.channel.channel,
      weekday: sub.weekday,
      time: sub.time,
      timezone: sub.timezone,
      topics: sub.topics,
      nextRunAt: next.toISOString(),
      nextRunLocal: formatLocal(next, sub.timezone),
      paused: sub.paused?.reason ?? null,
    };
  }

  private unsaved(channel: ChannelRef): SubscriptionRecord {
    const { quietWeeks: _ignored, ...checked } = checkSchedule({}, this.options.defaultTimezone);
    return { id: subscriptionId(channel), channel, ...checked, quietWeeks: 'post', createdAt: this.now().toISOString(), createdBy: '', lastSlot: null, coveredUntil: null, paused: null };
  }
}
