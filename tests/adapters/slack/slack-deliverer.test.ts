import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { SlackDeliverer } from '../../../adapters/slack/slack-deliverer.js';
import { silentLogger } from '../../../src/logger.js';
import type { Reply } from '../../../src/model/reply.js';
import { FakeSlackApi } from '../../platform/fake-slack-api.js';
import { makeCard } from './card-fixtures.js';

const fast = { retries: 2, minTimeout: 0, maxTimeout: 1 };
const reply: Reply = { kind: 'cards', query: 'ijepa', cards: [makeCard({ keyPoints: ['<!channel> & more'] })], total: 1, refine: [] };
const target = (channel: string) => ({ platform: 'slack' as const, workspace: 'T1', channel });

describe('SlackDeliverer against the fake Web API', () => {
  const fake = new FakeSlackApi();
  let deliverer: SlackDeliverer;

  beforeAll(async () => {
    await fake.start();
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: fast, logLevel: webApi.LogLevel.ERROR });
    deliverer = new SlackDeliverer(client, silentLogger);
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.calls.length = 0;
    fake.clearFailures();
  });

  it('posts the rendered reply to the channel and returns the message ts', async () => {
    const result = await deliverer.deliver(target('C1'), reply);
    expect(result).toMatchObject({ ok: true, messageId: expect.stringMatching(/^\d+\.\d+$/) });
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.authorized).toBe(true);
    expect(call?.params).toMatchObject({ channel: 'C1', blocks: expect.any(Array) });
    expect(JSON.stringify(call?.params.blocks)).toContain('&lt;!channel&gt; &amp; more');
    expect(call?.params.link_names).toBeUndefined();
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'missing_scope', 'invalid_auth'])(
    '%s is a permanent failure',
    async (error) => {
      fake.fail('chat.postMessage', { error });
      expect(await deliverer.deliver(target('C1'), reply)).toEqual({ ok: false, failure: { kind: 'permanent', reason: error } });
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    },
  );

  it('a Slack-side internal_error is transient', async () => {
    fake.fail('chat.postMessage', { error: 'internal_error' });
    expect(await deliverer.deliver(target('C1'), reply)).toEqual({ ok: false, failure: { kind: 'transient', reason: 'internal_error' } });
  });

  it('HTTP 5xx that outlasts the client retries is transient', async () => {
    fake.fail('chat.postMessage', { status: 503 }, Infinity);
    const result = await deliverer.deliver(target('C1'), reply);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient' } });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1 + fast.retries);
  });

  it('a network failure is transient', async () => {
    const dead = new FakeSlackApi();
    await dead.start();
    const url = dead.apiUrl;
    await dead.stop();
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: url, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
    const result = await new SlackDeliverer(client, silentLogger).deliver(target('C1'), reply);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', reason: 'slack_webapi_request_error' } });
  });

  it('a 429 with Retry-After is waited out: the roundup still reaches every channel, each once', async () => {
    fake.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const channels = ['C1', 'C2', 'C3'];
    const results = await Promise.all(channels.map((c) => deliverer.deliver(target(c), reply)));
    expect(results.every((r) => r.ok)).toBe(true);
    const calls = fake.callsTo('chat.postMessage');
    expect(calls).toHaveLength(4);
    const limited = calls[0]!;
    const retried = calls.slice(1).filter((c) => c.params.channel === limited.params.channel);
    expect(retried).toHaveLength(1);
    expect(retried[0]!.at - limited.at).toBeGreaterThanOrEqual(950);
    expect(calls.slice(1).map((c) => c.params.channel).sort()).toEqual(channels);
  });

  it('refuses a target on another platform without calling Slack', async () => {
    const result = await deliverer.deliver({ platform: 'discord', workspace: 'g', channel: '1' }, reply);
    expect(result).toEqual({ ok: false, failure: { kind: 'permanent', reason: 'wrong_platform' } });
    expect(fake.calls).toHaveLength(0);
  });
});
