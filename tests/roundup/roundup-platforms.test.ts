// 200 subscriptions due in the same minute, delivered through the real Slack and
// Discord deliverers (real WebClient and discord.js REST) to the loopback fakes,
// with rate limits (429 + Retry-After) on both platforms.
import { REST } from 'discord.js';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDeliverer } from '../../adapters/discord/discord-deliverer.js';
import { SlackDeliverer } from '../../adapters/slack/slack-deliverer.js';
import { fixedClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { RoundupScheduler } from '../../src/roundup/roundup-scheduler.js';
import { RoundupService } from '../../src/roundup/roundup-service.js';
import { FakeDiscord } from '../platform/fake-discord.js';
import { FakeSlackApi } from '../platform/fake-slack-api.js';
import { article, MemoryRoundupStore } from './memory-roundup-store.js';

const SLACK_CHANNELS = Array.from({ length: 100 }, (_, i) => `C${String(i).padStart(4, '0')}`);
const DISCORD_CHANNELS = Array.from({ length: 100 }, (_, i) => String(100000000000000000n + BigInt(i)));

describe('200 roundups due in the same minute over Slack and Discord', () => {
  const slackApi = new FakeSlackApi();
  let discord: FakeDiscord;
  let rest: REST;

  beforeAll(async () => {
    await slackApi.start();
    discord = await FakeDiscord.start();
    rest = new REST({ api: discord.apiUrl, version: '10' }).setToken('fake-token');
  });
  afterAll(async () => {
    await slackApi.stop();
    await discord.stop();
  });

  it('delivers every roundup once, waits out 429s, loses nothing', async () => {
    const clock = fixedClock('2026-11-10T00:00:00Z');
    const store = new MemoryRoundupStore();
    store.articles = [article({ id: 'x1', addedAt: '2026-11-12T00:00:00Z' }), article({ id: 'x2', topics: ['ev'], addedAt: '2026-11-13T00:00:00Z' })];
    const sleeps: number[] = [];
    const service = new RoundupService({ store, clock, defaultTimezone: 'Asia/Jakarta', logger: silentLogger, sleep: async (ms) => void sleeps.push(ms) });
    for (const c of SLACK_CHANNELS) await service.subscribe({ platform: 'slack', workspace: 'T1', channel: c }, {}, 'U1');
    for (const c of DISCORD_CHANNELS) await service.subscribe({ platform: 'discord', workspace: '200000000000000000', channel: c }, {}, 'U1');

    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: slackApi.apiUrl, retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 1 }, logLevel: webApi.LogLevel.ERROR });
    const deliverers = [new SlackDeliverer(client, silentLogger), createDiscordDeliverer(rest, silentLogger)];
    const scheduler = new RoundupScheduler({ service, deliverers, logger: silentLogger });

    slackApi.fail('chat.postMessage', { status: 429, retryAfter: 1 }, 3);
    for (const c of DISCORD_CHANNELS.slice(0, 20)) discord.rateLimitNextMessage(c);

    clock.set('2026-11-16T02:00:00Z');
    const report = await scheduler.tick();
    expect(report).toMatchObject({ due: 200, delivered: 200, paused: 0, deferred: 0, noDeliverer: 0 });

    const posts = slackApi.callsTo('chat.postMessage');
    expect(posts.length).toBe(103);
    expect(new Set(posts.map((p) => p.params.channel))).toEqual(new Set(SLACK_CHANNELS));
    for (const c of DISCORD_CHANNELS) expect(discord.channelMessages(c), c).toHaveLength(1);
    expect(discord.find('POST', /^\/channels\/\d+\/messages$/).filter((r) => r.status === 429)).toHaveLength(20);
    for (const s of store.subscriptions.values()) expect(s.lastSlot).toBe('2026-11-16T02:00:00.000Z');

    // The next minutes owe nothing: no second message anywhere.
    clock.set('2026-11-16T02:01:00Z');
    expect(await scheduler.tick()).toMatchObject({ due: 0 });
    expect(slackApi.callsTo('chat.postMessage')).toHaveLength(103);
    expect(discord.find('POST', /^\/channels\/\d+\/messages$/).filter((r) => r.status === 200)).toHaveLength(100);
  });

  it('a gone channel on either platform pauses its subscription after one request', async () => {
    const clock = fixedClock('2026-11-10T00:00:00Z');
    const store = new MemoryRoundupStore();
    const service = new RoundupService({ store, clock, defaultTimezone: 'Asia/Jakarta', logger: silentLogger, sleep: async () => undefined });
    await service.subscribe({ platform: 'slack', workspace: 'T1', channel: 'CGONE' }, {}, 'U1');
    const gone = '100000000000000999';
    await service.subscribe({ platform: 'discord', workspace: '200000000000000000', channel: gone }, {}, 'U1');
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: slackApi.apiUrl, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
    const scheduler = new RoundupScheduler({ service, deliverers: [new SlackDeliverer(client, silentLogger), createDiscordDeliverer(rest, silentLogger)], logger: silentLogger });
    slackApi.calls.length = 0;
    slackApi.fail('chat.postMessage', { error: 'channel_not_found' }, Infinity);
    discord.failChannel(gone, { status: 404, code: 10003, message: 'Unknown Channel' });

    for (let minute = 0; minute < 30; minute++) {
      clock.set(new Date(Date.parse('2026-11-16T02:00:00Z') + minute * 60_000));
      await scheduler.tick();
    }
    slackApi.clearFailures();
    expect(slackApi.callsTo('chat.postMessage')).toHaveLength(1);
    expect(discord.find('POST', new RegExp(`^/channels/${gone}/messages$`))).toHaveLength(1);
    const paused = (await service.list()).map((i) => i.paused);
    expect(paused).toEqual(['channel_not_found', 'unknown channel (deleted, or the bot cannot see it)']);
  });
});
