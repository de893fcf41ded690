import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { SlackAdmins } from '../../../adapters/slack/slack-admin.js';
import { fixedClock } from '../../../src/clock.js';
import { silentLogger } from '../../../src/logger.js';
import { FakeSlackApi } from '../../platform/fake-slack-api.js';

describe('SlackAdmins', () => {
  const fake = new FakeSlackApi();
  let client: InstanceType<typeof webApi.WebClient>;
  const clock = fixedClock('2026-01-05T09:00:00Z');
  const make = (options: { timeoutMs?: number } = {}) =>
    new SlackAdmins({ isConfiguredAdmin: (id) => id === 'UCONF', client, clock, logger: silentLogger, ...options });

  beforeAll(async () => {
    await fake.start();
    client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
    fake.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
    fake.users.set('UOWNER', { id: 'UOWNER', is_owner: true });
    fake.users.set('UPRIMARY', { id: 'UPRIMARY', is_primary_owner: true });
    fake.users.set('UMEMBER', { id: 'UMEMBER' });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.calls.length = 0;
    fake.clearFailures();
    fake.delayMs = 0;
  });

  it('the config allow-list grants admin without asking Slack, for its own platform only', async () => {
    const admins = make();
    expect(await admins.isAdmin('UCONF')).toBe(true);
    expect(fake.calls).toHaveLength(0);
    fake.users.delete('UADMIN');
    expect(await admins.isAdmin('UADMIN')).toBe(false); // discord:UADMIN must not count on Slack
    fake.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
  });

  it('workspace admins and owners are admins; members are not', async () => {
    const admins = make();
    expect(await admins.isAdmin('UADMIN')).toBe(true);
    expect(await admins.isAdmin('UOWNER')).toBe(true);
    expect(await admins.isAdmin('UPRIMARY')).toBe(true);
    expect(await admins.isAdmin('UMEMBER')).toBe(false);
  });

  it('caches answers for a few minutes, then asks again', async () => {
    const admins = make();
    await admins.isAdmin('UMEMBER');
    await admins.isAdmin('UMEMBER');
    expect(fake.callsTo('users.info')).toHaveLength(1);
    clock.advance(6 * 60_000);
    await admins.isAdmin('UMEMBER');
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });

  it('denies when users.info fails, and does not cache the failure', async () => {
    const admins = make();
    fake.fail('users.info', { error: 'ratelimited' });
    expect(await admins.isAdmin('UADMIN')).toBe(false);
    expect(await admins.isAdmin('UADMIN')).toBe(true);
    fake.fail('users.info', { status: 500 });
    expect(await make().isAdmin('UOWNER')).toBe(false);
    expect(await make().isAdmin('UNKNOWN')).toBe(false);
  });

  it('denies when users.info is too slow for the ack deadline', async () => {
    fake.delayMs = 300;
    expect(await make({ timeoutMs: 50 }).isAdmin('UADMIN')).toBe(false);
  });
});
