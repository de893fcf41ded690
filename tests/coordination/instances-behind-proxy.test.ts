// Issue 14 at process level: three real `npm start` instances on one PostgreSQL database,
// Slack in HTTP mode and Discord in HTTP interactions mode, behind a small round-robin
// proxy on loopback (the docker-compose topology without Docker). Signed Slack look-ups
// through the proxy are all answered once; an article added through one instance is found
// through the other two; a Share click Slack redelivers to another instance posts once; a
// Discord interaction with a bad signature is refused by every instance, and one replayed to
// another instance runs once.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../platform/fake-slack-api.js';
import { ed25519Keys, signInteraction } from '../platform/discord-signing.js';
import { FakeDiscord } from '../platform/fake-discord.js';
import { closedPort } from '../support/failing-starts.js';
import { freshDatabaseUrl } from '../support/postgres-database.js';
import { runStart, type StartResult } from '../support/run-start.js';
import { briefAutocomplete } from '../adapters/discord/interaction-payloads.js';
import { addSubmission, commandBody, sendToSlackApp, shareClick, SIGNING_SECRET } from '../adapters/slack/signed-request.js';

interface Instance {
  slackPort: number;
  discordPort: number;
  dataDir: string;
  stop: AbortController;
  done: Promise<StartResult>;
}

const INSTANCES = 3;
const LOOKUPS = 1000;

let fakeSlack: FakeSlackApi;
let fakeDiscord: FakeDiscord;
let proxy: http.Server;
let proxyPort: number;
const instances: Instance[] = [];
const routed: number[] = [];
const discordKeys = ed25519Keys();

/** Posts a body to an instance's Interactions Endpoint with the given signature; the status. */
async function postInteraction(instance: Instance, body: string, ts: string, signature: string): Promise<number> {
  const r = await fetch(`http://127.0.0.1:${instance.discordPort}/discord/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
    body,
  });
  return r.status;
}

/** Round-robin over the instances' Slack ports, bodies passed through unchanged (they are signed). */
function startProxy(): Promise<void> {
  let next = 0;
  proxy = http.createServer((req, res) => {
    const i = next++ % instances.length;
    routed.push(i);
    const upstream = http.request(
      { host: '127.0.0.1', port: instances[i]!.slackPort, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => ((proxyPort = (proxy.address() as AddressInfo).port), resolve())));
}

async function startInstance(databaseUrl: string, seed: boolean): Promise<Instance> {
  const slackPort = await closedPort();
  const discordPort = await closedPort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ringkas-instance-'));
  const stop = new AbortController();
  const done = runStart({
    env: {
      RINGKAS_DATA_DIR: dataDir,
      RINGKAS_DATABASE_URL: databaseUrl,
      RINGKAS_SEED_ON_EMPTY: seed ? 'true' : 'false',
      RINGKAS_SLACK_BOT_TOKEN: 'xoxb-test-token',
      RINGKAS_SLACK_SIGNING_SECRET: SIGNING_SECRET,
      RINGKAS_SLACK_API_URL: fakeSlack.apiUrl,
      RINGKAS_SLACK_PORT: String(slackPort),
      RINGKAS_DISCORD_TOKEN: 'fake-bot-token',
      RINGKAS_DISCORD_API_URL: fakeDiscord.apiUrl,
      RINGKAS_DISCORD_MODE: 'http',
      RINGKAS_DISCORD_PUBLIC_KEY: discordKeys.publicHex,
      RINGKAS_DISCORD_PORT: String(discordPort),
      RINGKAS_LOG_LEVEL: 'warn',
    },
    signal: stop.signal,
    killAfterMs: 600_000,
  });
  const instance = { slackPort, discordPort, dataDir, stop, done };
  // Ready when its Slack endpoint answers a signed look-up.
  for (const deadline = Date.now() + 120_000; ; ) {
    const r = await sendToSlackApp(slackPort, commandBody({ text: 'ijepa', responseUrl: fakeSlack.responseUrl('ready') })).catch(() => null);
    if (r?.status === 200) return instance;
    if (Date.now() > deadline) throw new Error(`instance on ${slackPort} did not start: ${(await Promise.race([done, Promise.resolve(null)]))?.stderr ?? ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const headersOf = (json: Record<string, unknown> | null): string[] =>
  ((json?.blocks as { type: string; text?: { text: string } }[] | undefined) ?? []).flatMap((b) => (b.type === 'header' && b.text ? [b.text.text] : []));

beforeAll(async () => {
  fakeSlack = await new FakeSlackApi().start();
  fakeSlack.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
  fakeSlack.users.set('UMEMBER', { id: 'UMEMBER' });
  fakeDiscord = await FakeDiscord.start();
  const databaseUrl = await freshDatabaseUrl();
  // The first instance seeds the database; the others find it seeded.
  instances.push(await startInstance(databaseUrl, true));
  instances.push(...(await Promise.all(Array.from({ length: INSTANCES - 1 }, () => startInstance(databaseUrl, false)))));
  await startProxy();
}, 400_000);

afterAll(async () => {
  proxy?.close();
  for (const i of instances) i.stop.abort();
  const results = await Promise.all(instances.map((i) => i.done));
  for (const i of instances) rmSync(i.dataDir, { recursive: true, force: true });
  await fakeSlack?.stop();
  await fakeDiscord?.stop();
  for (const r of results) expect(r.code).toBe(0);
}, 120_000);

describe('three instances on one database behind a round-robin proxy', () => {
  it(`answers ${LOOKUPS} signed Slack look-ups, each once, spread over every instance`, async () => {
    routed.length = 0;
    const queries = ['ijepa', 'biofuel', 'kendaraan listrik', 'ijpea', 'JICA'];
    const answers: { status: number; headers: string[] }[] = [];
    // 20 in flight at a time, as a busy workspace would send them.
    let sent = 0;
    const worker = async () => {
      while (sent < LOOKUPS) {
        const n = sent++;
        const body = commandBody({ text: queries[n % queries.length]!, responseUrl: fakeSlack.responseUrl(`l${n}`) });
        const r = await sendToSlackApp(proxyPort, body);
        answers.push({ status: r.status, headers: headersOf(r.json) });
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    expect(answers).toHaveLength(LOOKUPS);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.headers.length === 0)).toEqual([]);
    for (let i = 0; i < INSTANCES; i++) expect(routed.filter((r) => r === i).length).toBeGreaterThan(LOOKUPS / INSTANCES - 2);
    // Answered in the acknowledgement: nothing was also posted later to a response_url.
    expect(fakeSlack.calls.filter((c) => /^response_url:l\d+$/.test(c.method))).toEqual([]);
  }, 300_000);

  it('finds an article added through one instance through the other two within 2 s', async () => {
    const title = 'Made-up Cirebon ferrochrome smelter signs Osaka supply pact';
    const text = [
      'A made-up ferrochrome smelter in Cirebon signed a supply pact with an Osaka trading house on Tuesday, the company said.',
      'The pact covers 120,000 tonnes a year for five years, and the Osaka side will help train 300 furnace technicians in West Java.',
      'Officials from both sides said the smelter would start shipping in the second half of next year once the port upgrade is finished.',
    ].join('\n\n');
    const added = await sendToSlackApp(instances[0]!.slackPort, addSubmission({ title, source: 'Made-up Wire', text }));
    expect(added.status).toBe(200);
    const started = Date.now();
    for (const other of instances.slice(1)) {
      let found = false;
      while (!found && Date.now() - started < 2000) {
        const r = await sendToSlackApp(other.slackPort, commandBody({ text: 'ferrochrome', responseUrl: fakeSlack.responseUrl('f') }));
        found = headersOf(r.json).some((h) => h.includes('ferrochrome'));
        if (!found) await new Promise((r) => setTimeout(r, 50));
      }
      expect(found, `instance on ${other.slackPort} finds the article`).toBe(true);
    }
  }, 60_000);

  it('posts a Share click once when Slack redelivers it to another instance', async () => {
    const look = await sendToSlackApp(instances[0]!.slackPort, commandBody({ text: 'ijepa', responseUrl: fakeSlack.responseUrl('s0') }));
    const blocks = (look.json?.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[]) ?? [];
    const value = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((e) => e.action_id === 'share_in_channel')?.value;
    expect(value).toBeDefined();
    const before = fakeSlack.callsTo('chat.postMessage').length;
    const click = shareClick({ value: value!, responseUrl: fakeSlack.responseUrl('s1'), actionTs: `${Date.now()}.77` });
    await sendToSlackApp(instances[1]!.slackPort, click);
    await sendToSlackApp(instances[2]!.slackPort, click, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await fakeSlack.waitFor('chat.postMessage', before + 1, 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(fakeSlack.callsTo('chat.postMessage')).toHaveLength(before + 1);
  }, 60_000);

  it('refuses a Discord interaction with a bad signature on every instance, and answers a good one', async () => {
    const body = JSON.stringify({ id: '9', type: 1, application_id: fakeDiscord.appId, token: 't', version: 1 });
    const ts = String(Math.floor(Date.now() / 1000));
    const good = signInteraction(discordKeys.privateKey, ts, body);
    const bad = good.slice(0, -2) + (good.endsWith('00') ? '11' : '00');
    for (const instance of instances) expect(await postInteraction(instance, body, ts, bad)).toBe(401);
    expect(await postInteraction(instances[0]!, body, ts, good)).toBe(200);
  }, 30_000);

  it('runs a Discord interaction replayed to another instance once', async () => {
    const body = JSON.stringify(briefAutocomplete('ije', { appId: fakeDiscord.appId }));
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = signInteraction(discordKeys.privateKey, ts, body);
    const statuses: number[] = [];
    for (const instance of instances) statuses.push(await postInteraction(instance, body, ts, signature));
    expect(statuses).toEqual([200, 401, 401]);
  }, 30_000);
});
