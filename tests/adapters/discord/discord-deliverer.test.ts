// The roundup Deliverer over @discordjs/rest against the fake: success, and failures sorted
// into permanent (do not retry) and transient (try later).
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDeliverer } from '../../../adapters/discord/discord-deliverer.js';
import { silentLogger } from '../../../src/logger.js';
import type { Reply } from '../../../src/model/reply.js';
import { FakeDiscord } from '../../platform/fake-discord.js';
import { makeCard } from './card-fixtures.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.stop();
});

const target = (channel: string) => ({ platform: 'discord' as const, workspace: '700000000000000001', channel });
const roundup: Reply = {
  kind: 'roundup',
  preview: false,
  roundup: { period: '18–24 Nov 2026', since: '', until: '', more: 0, moreHint: null, lines: [{ storyId: 's', topic: 'IJEPA', headline: 'Talks resume @everyone', point: null, sources: [] }] },
};

function deliverer() {
  return createDiscordDeliverer(new REST({ api: fake.apiUrl, retries: 1 }).setToken('t'), silentLogger);
}

describe('Discord deliverer', () => {
  it('posts the rendered roundup with mentions disabled and returns the message id', async () => {
    const result = await deliverer().deliver(target('700000000000000010'), roundup);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.messageId).toMatch(/^\d+$/);
    const [post] = fake.channelMessages('700000000000000010');
    expect(post!.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(JSON.stringify(post!.body)).toContain('Weekly roundup · 18–24 Nov 2026');
  });

  it('splits a reply that needs several messages and posts them in order', async () => {
    const cards = Array.from({ length: 12 }, (_, i) => makeCard({ id: `c${i}`, headline: `Card ${i}` }));
    const result = await deliverer().deliver(target('700000000000000011'), { kind: 'cards', query: 'q', cards, total: 12, refine: [] });
    expect(result.ok).toBe(true);
    const titles = fake.channelMessages('700000000000000011').map((r) => (r.body as { embeds: { title: string }[] }).embeds.map((e) => e.title));
    expect(titles).toEqual([cards.slice(0, 10).map((c) => c.headline), cards.slice(10).map((c) => c.headline)]);
  });

  it('a keyed delivery sends a nonce (at most 25 characters) per message with enforce_nonce, and a repeat creates nothing', async () => {
    const cards = Array.from({ length: 12 }, (_, i) => makeCard({ id: `k${i}`, headline: `Keyed ${i}` }));
    const reply: Reply = { kind: 'cards', query: 'q', cards, total: 12, refine: [] };
    const key = '0123456789-202611160200';
    for (let i = 0; i < 2; i++) expect((await deliverer().deliver(target('700000000000000012'), reply, { key })).ok).toBe(true);
    const posts = fake.posts.filter((p) => p.channelId === '700000000000000012');
    expect(posts.map((p) => [p.nonce, p.enforceNonce, p.created])).toEqual([
      [key, true, true],
      [`${key}.1`, true, true],
      [key, true, false],
      [`${key}.1`, true, false],
    ]);
    expect(fake.createdMessages('700000000000000012')).toHaveLength(2);
  });

  it.each([
    [404, 10003, 'Unknown Channel', 'unknown channel'],
    [403, 50001, 'Missing Access', 'missing access'],
    [403, 50013, 'Missing Permissions', 'missing permissions'],
  ])('%i / %i %s is permanent and not retried', async (status, code, message, reason) => {
    const channel = `7000000000000001${code % 100}`;
    fake.failChannel(channel, { status, code, message });
    const result = await deliverer().deliver(target(channel), roundup);
    expect(result).toEqual({ ok: false, failure: { kind: 'permanent', reason: expect.stringContaining(reason) } });
    expect(fake.find('POST', new RegExp(`^/channels/${channel}/messages$`))).toHaveLength(1);
  });

  it('401 is permanent and tried once (never blindly retried)', async () => {
    fake.failChannel('700000000000000020', { status: 401, code: 0, message: '401: Unauthorized' });
    const result = await deliverer().deliver(target('700000000000000020'), roundup);
    expect(result.ok ? null : result.failure.kind).toBe('permanent');
    expect(fake.find('POST', /^\/channels\/700000000000000020\/messages$/)).toHaveLength(1);
  });

  it('5xx is transient', async () => {
    fake.failChannel('700000000000000030', { status: 502, code: 0, message: 'Bad Gateway' });
    const result = await deliverer().deliver(target('700000000000000030'), roundup);
    expect(result).toEqual({ ok: false, failure: { kind: 'transient', reason: 'Discord error 502' } });
  });

  it('a refused connection is transient', async () => {
    const closed = await FakeDiscord.start();
    const api = closed.apiUrl;
    await closed.stop();
    const d = createDiscordDeliverer(new REST({ api, retries: 0, timeout: 2_000 }).setToken('t'), silentLogger);
    const result = await d.deliver(target('700000000000000040'), roundup);
    expect(result).toEqual({ ok: false, failure: { kind: 'transient', reason: 'network error' } });
  });

  it('refuses a target on another platform', async () => {
    const result = await deliverer().deliver({ platform: 'slack', workspace: 'T1', channel: 'C1' }, roundup);
    expect(result.ok ? null : result.failure.kind).toBe('permanent');
  });
});
