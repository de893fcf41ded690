// A crash between Discord accepting a roundup and the state write re-sends it on
// restart. The re-send must be the same message with the same idempotency key
// (Discord's nonce + enforce_nonce), so Discord returns the first message instead
// of posting a second one.
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDeliverer } from '../../adapters/discord/discord-deliverer.js';
import { fixedClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import type { SubscriptionRecord } from '../../src/model/subscription.js';
import { RoundupScheduler } from '../../src/roundup/roundup-scheduler.js';
import { RoundupService } from '../../src/roundup/roundup-service.js';
import { FakeDiscord } from '../platform/fake-discord.js';
import { article, MemoryRoundupStore } from './memory-roundup-store.js';

const CHANNEL = '100000000000000042';

describe('roundup idempotency key', () => {
  let discord: FakeDiscord;
  let rest: REST;

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    rest = new REST({ api: discord.apiUrl, version: '10' }).setToken('fake-token');
  });
  afterAll(async () => {
    await discord.stop();
  });

  it('a crash between accept and state write: the re-send is identical and Discord keeps one message', async () => {
    const clock = fixedClock('2026-11-10T00:00:00Z');
    const store = new MemoryRoundupStore();
    store.articles = [article({ id: 'k1', addedAt: '2026-11-12T00:00:00Z' })];
    const process = () => {
      const service = new RoundupService({ store, clock, defaultTimezone: 'Asia/Jakarta', logger: silentLogger, sleep: async () => undefined });
      return { service, scheduler: new RoundupScheduler({ service, deliverers: [createDiscordDeliverer(rest, silentLogger)], logger: silentLogger }) };
    };
    const first = process();
    const { id } = await first.service.subscribe({ platform: 'discord', workspace: '200000000000000000', channel: CHANNEL }, {}, 'U1');

    // The process dies after Discord accepted: the state write never happens.
    const put = store.putSubscription.bind(store);
    store.putSubscription = async (rec: SubscriptionRecord) => {
      if (rec.lastSlot) throw new Error('killed before the state write');
      return put(rec);
    };
    clock.set('2026-11-16T02:00:00Z');
    await first.scheduler.tick();
    expect(discord.createdMessages(CHANNEL)).toHaveLength(1);
    expect(store.subscriptions.get(id)!.lastSlot).toBeNull();

    // Restarted three minutes later; an article arrived after the slot in between.
    store.putSubscription = put;
    store.articles = [...store.articles, article({ id: 'late', addedAt: '2026-11-16T02:01:00Z' })];
    clock.set('2026-11-16T02:03:00Z');
    const second = process();
    await second.scheduler.tick();

    const posts = discord.find('POST', new RegExp(`^/channels/${CHANNEL}/messages$`));
    expect(posts).toHaveLength(2);
    // The same message: composed from the slot (09:00 Jakarta), not from the send time.
    expect(posts[1]!.body).toEqual(posts[0]!.body);
    const key = `${id}-202611160200`;
    expect(discord.posts.map((p) => [p.nonce, p.enforceNonce])).toEqual([[key, true], [key, true]]);
    expect(key.length).toBeLessThanOrEqual(25);
    expect(discord.createdMessages(CHANNEL)).toHaveLength(1);
    // The key is recorded with the delivery state.
    expect(store.subscriptions.get(id)).toMatchObject({ lastSlot: '2026-11-16T02:00:00.000Z', coveredUntil: '2026-11-16T02:00:00.000Z', lastDeliveryKey: key });

    // The late article is not lost: next week's roundup starts where this one ended.
    clock.set('2026-11-23T02:00:00Z');
    await second.scheduler.tick();
    const next = discord.find('POST', new RegExp(`^/channels/${CHANNEL}/messages$`))[2]!.body as { embeds: unknown[]; nonce: string };
    expect(JSON.stringify(next.embeds)).toContain('Headline late');
    expect(next.nonce).toBe(`${id}-202611230200`);
  });
});
