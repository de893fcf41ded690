// Two Bolt apps (two instances in HTTP mode behind a load balancer), each with its own
// engine on one PostgreSQL database: Slack's redelivery of a request that lands on the
// other instance is still answered once, because the de-dup ledger is in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../../support/postgres-database.js';
import { startHarness, type Harness } from './slack-harness.js';
import { commandBody, sendToSlackApp, shareClick } from './signed-request.js';

let a: Harness;
let b: Harness;

beforeAll(async () => {
  const env = { RINGKAS_DATABASE_URL: await freshDatabaseUrl() };
  a = await startHarness({ env });
  b = await startHarness({ env });
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

describe('Slack request de-dup across instances on one database', () => {
  it('a slash command redelivered to the other instance runs the engine once', async () => {
    const body = commandBody({ text: 'biofuel', responseUrl: a.fake.responseUrl('cmd'), triggerId: 'trigger.across' });
    const first = await sendToSlackApp(a.slack.port!, body);
    const again = await sendToSlackApp(b.slack.port!, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(first.status).toBe(200);
    expect(first.json).not.toBeNull();
    expect(again.status).toBe(200);
    expect(again.json).toBeNull();
    expect(a.counts.execute + b.counts.execute).toBe(1);
    // A different trigger id is a new request on either instance.
    const other = await sendToSlackApp(b.slack.port!, commandBody({ text: 'biofuel', responseUrl: b.fake.responseUrl('cmd2'), triggerId: 'trigger.other' }));
    expect(other.json).not.toBeNull();
    expect(a.counts.execute + b.counts.execute).toBe(2);
  });

  it('a Share click redelivered to the other instance posts once', async () => {
    const body = shareClick({ value: 'jica', responseUrl: a.fake.responseUrl('share'), actionTs: '1700000000.777' });
    await Promise.all([sendToSlackApp(a.slack.port!, body), sendToSlackApp(b.slack.port!, body, { headers: { 'x-slack-retry-num': '1' } })]);
    await a.fake.waitFor('response_url:share').catch(() => undefined);
    const posted = () => a.fake.callsTo('chat.postMessage').length + b.fake.callsTo('chat.postMessage').length;
    for (let i = 0; i < 50 && posted() === 0; i++) await new Promise((r) => setTimeout(r, 20));
    // Give a second (wrong) post time to arrive before counting.
    await new Promise((r) => setTimeout(r, 300));
    expect(posted()).toBe(1);
  });
});
