// HTTP interactions mode (RINGKAS_DISCORD_MODE=http): signed requests, as Discord sends them to
// the Interactions Endpoint URL, reach the real HTTP server over loopback. The first answer is
// the HTTP response; edits, follow-ups, Share posts and roundups reach the fake Discord REST API.
import type { KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { INTERACTIONS_PATH, MAX_BODY_BYTES } from '../../../adapters/discord/interactions-endpoint.js';
import type { DiscordEngine } from '../../../adapters/discord/discord-interactions.js';
import { startDiscordHttp } from '../../../adapters/discord/start-discord-http.js';
import type { DiscordRuntime } from '../../../adapters/discord/create-discord-client.js';
import type { ProxyConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { ConnectProxy } from '../../platform/connect-proxy.js';
import { ed25519Keys, signInteraction } from '../../platform/discord-signing.js';
import { FakeDiscord } from '../../platform/fake-discord.js';
import { closedPort } from '../../support/failing-starts.js';
import { runStart } from '../../support/run-start.js';
import { createTempEngine, type TempEngine } from '../../support/temp-engine.js';
import { truncate } from '../../../src/text/fit-length.js';
import { adminCommand, briefAutocomplete, briefCommand, buttonClick, CHANNEL_ID, MANAGE_GUILD } from './interaction-payloads.js';

type Data = { content?: string; flags?: number; embeds?: { title?: string }[]; components?: { components: { custom_id: string }[] }[]; choices?: { name: string }[]; allowed_mentions?: { parse: string[] } };

const keys = ed25519Keys();
const nowSeconds = () => Math.floor(Date.now() / 1000);

let fake: FakeDiscord;
let temp: TempEngine;
let runtime: DiscordRuntime & { port: number };
const logs: Record<string, unknown>[] = [];
let opts: { appId: string };
const admin = () => ({ ...opts, permissions: MANAGE_GUILD });

async function startHttp(proxy: ProxyConfig = {}) {
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const discord = readDiscordConfig(temp.config.env)!;
  return startDiscordHttp({ config: { ...temp.config, proxy }, discord, engine: temp.engine, logger: createLogger({ level: 'debug', destination }), listen: { port: 0, host: '127.0.0.1' } });
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  opts = { appId: fake.appId };
  temp = await createTempEngine({
    RINGKAS_DISCORD_TOKEN: 'fake-bot-token',
    RINGKAS_DISCORD_API_URL: fake.apiUrl,
    RINGKAS_DISCORD_MODE: 'http',
    RINGKAS_DISCORD_PUBLIC_KEY: keys.publicHex,
  });
  runtime = await startHttp();
});
afterAll(async () => {
  await runtime?.stop();
  await fake?.stop();
  await temp?.cleanup();
});

interface Signed {
  body?: string;
  /** What the signature covers, when it is not the body sent (a tampered request). */
  signed?: string;
  timestamp?: number;
  key?: KeyObject;
  headers?: Record<string, string>;
}

/** POSTs `payload` as Discord would: signature over timestamp + raw body. */
async function post(payload: unknown, s: Signed = {}, port = runtime.port): Promise<{ status: number; json: { type?: number; data?: Data } }> {
  const body = s.body ?? JSON.stringify(payload);
  const timestamp = String(s.timestamp ?? nowSeconds());
  const signature = signInteraction(s.key ?? keys.privateKey, timestamp, s.signed ?? body);
  const res = await fetch(`http://127.0.0.1:${port}${INTERACTIONS_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Signature-Ed25519': signature, 'X-Signature-Timestamp': timestamp, ...s.headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as { type?: number; data?: Data }) : {} };
}

const handled = (id: string) => logs.some((l) => l.event === 'discord_interaction' && l.id === id);

describe('Discord HTTP interactions mode', () => {
  it('answers PING with PONG and opens no gateway connection', async () => {
    const r = await post({ id: '1', type: 1, application_id: fake.appId, token: 't', version: 1 });
    expect(r).toEqual({ status: 200, json: { type: 1 } });
    expect(fake.find('GET', /^\/gateway/)).toEqual([]);
    expect(fake.connected).toBe(false);
    // The token was checked once at start, through REST.
    expect(fake.find('GET', /^\/applications\/@me$/)).toHaveLength(1);
  });

  it('/brief ijepa is answered in the HTTP response with the same embeds as the gateway path, and a Share button', async () => {
    const payload = briefCommand('ijepa', opts);
    const r = await post(payload);
    expect(r.status).toBe(200);
    expect(r.json.type).toBe(4);
    expect(r.json.data!.flags).toBe(64);
    expect(r.json.data!.allowed_mentions).toEqual({ parse: [] });
    const expected = await temp.engine.execute({ name: 'brief', query: 'ijepa' }, { actor: { platform: 'shell', id: 't', isAdmin: false } });
    const cards = expected.kind === 'cards' ? expected.cards : [];
    expect(cards.length).toBeGreaterThan(0);
    expect(r.json.data!.embeds!.map((e) => e.title)).toEqual(cards.map((c) => truncate(c.headline, 256)));
    // Nothing went to Discord's callback endpoint: the answer was the HTTP body.
    expect(fake.callbacks(payload.id)).toEqual([]);

    const click = buttonClick(r.json.data!.components![0]!.components[0]!.custom_id, opts);
    const shared = await post(click);
    expect(shared.json.type).toBe(6);
    await fake.waitFor(() => fake.webhookMessages(click.token).some((w) => w.method === 'PATCH'), 10_000, 'share edit');
    const posted = fake.channelMessages(CHANNEL_ID).flatMap((m) => (m.body as Data).embeds ?? []);
    expect(posted.map((e) => e.title)).toEqual(r.json.data!.embeds!.map((e) => e.title));
    expect(fake.channelMessages(CHANNEL_ID)[0]!.headers.authorization).toBe('Bot fake-bot-token');
  });

  it('autocomplete answers with choices in the HTTP response', async () => {
    const r = await post(briefAutocomplete('ij', opts));
    expect(r.json.type).toBe(8);
    expect(r.json.data!.choices!.map((c) => c.name)).toContain('IJEPA');
  });

  it('a slow command is deferred (type 5) and its answer follows as PATCH …/messages/@original on the REST API', async () => {
    const before = temp.engine.probe().articleCount();
    const payload = adminCommand('add', [{ name: 'url', type: 3, value: 'http://127.0.0.1:9/news' }], admin());
    const r = await post(payload);
    expect(r).toEqual({ status: 200, json: { type: 5, data: { flags: 64 } } });
    const edit = await fake.waitFor(
      () => fake.find('PATCH', new RegExp(`^/webhooks/${fake.appId}/${payload.token}/messages/(@|%40)original$`))[0],
      10_000,
      'the deferred answer',
    );
    expect((edit.body as Data).content).toMatch(/⚠️/);
    expect((edit.body as Data).allowed_mentions).toEqual({ parse: [] });
    expect(temp.engine.probe().articleCount()).toBe(before);
  });

  it('the defer counts from the request: a slow replay check plus a slow look-up are still deferred within 3 s', async () => {
    // The replay check (a database round trip when instances share one) takes 2 s; counted from the handler's later
    // start, the defer would come at ~4 s, after Discord has given up on the interaction.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const real = temp.engine;
    const slow: DiscordEngine = {
      parse: (text) => real.parse(text),
      parseOptions: (name, options) => real.parseOptions(name, options),
      isSlow: (command) => real.isSlow(command),
      complete: (prefix, limit) => real.complete(prefix, limit),
      commands: () => real.commands(),
      isConfiguredAdmin: (actor) => real.isConfiguredAdmin(actor),
      execute: async (command, ctx, options) => {
        await held;
        return real.execute(command, ctx, options);
      },
      firstTime: async (key, ttlMs) => {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        return real.firstTime(key, ttlMs);
      },
    };
    const discord = readDiscordConfig(temp.config.env)!;
    const second = await startDiscordHttp({ config: temp.config, discord, engine: slow, logger: createLogger({ level: 'silent' }), listen: { port: 0, host: '127.0.0.1' } });
    try {
      const payload = briefCommand('jica', opts);
      const t0 = performance.now();
      const r = await post(payload, {}, second.port);
      expect(r).toEqual({ status: 200, json: { type: 5, data: { flags: 64 } } });
      expect(performance.now() - t0).toBeLessThan(3000);
      release();
      const edit = await fake.waitFor(
        () => fake.find('PATCH', new RegExp(`^/webhooks/${fake.appId}/${payload.token}/messages/(@|%40)original$`))[0],
        10_000,
        'the deferred answer',
      );
      expect((edit.body as Data).embeds!.length).toBeGreaterThan(0);
    } finally {
      release();
      await second.stop();
    }
  });

  it('an admin command from a member without Manage Server is refused, as on the gateway', async () => {
    const r = await post(adminCommand('remove', [{ name: 'id', type: 3, value: 'a1b2c3' }], opts));
    expect(r.json.type).toBe(4);
    expect(r.json.data!.content).toMatch(/Manage Server|admin/i);
  });

  it('refuses a bad or missing signature with 401 and runs nothing', async () => {
    const other = ed25519Keys();
    const forged = briefCommand('ijepa', opts);
    expect((await post(forged, { key: other.privateKey })).status).toBe(401);
    const tampered = briefCommand('ijepa', opts);
    const signed = JSON.stringify(tampered);
    expect((await post(tampered, { signed, body: signed.replace('ijepa', 'ijepb') })).status).toBe(401);
    const unsigned = briefCommand('ijepa', opts);
    const res = await fetch(`http://127.0.0.1:${runtime.port}${INTERACTIONS_PATH}`, { method: 'POST', body: JSON.stringify(unsigned) });
    expect(res.status).toBe(401);
    const bad = briefCommand('ijepa', opts);
    expect((await post(bad, { headers: { 'X-Signature-Ed25519': '00'.repeat(64) } })).status).toBe(401);
    expect((await post({ id: '2', type: 1 }, { key: other.privateKey })).status).toBe(401);
    for (const p of [forged, tampered, unsigned, bad]) expect(handled(p.id)).toBe(false);
    expect(logs.filter((l) => l.event === 'discord_http_refused').map((l) => l.reason)).toEqual(expect.arrayContaining(['bad_signature', 'missing']));
  });

  it('refuses a timestamp more than five minutes away (either way) and a replayed request', async () => {
    const old = briefCommand('ijepa', opts);
    expect((await post(old, { timestamp: nowSeconds() - 6 * 60 })).status).toBe(401);
    const future = briefCommand('ijepa', opts);
    expect((await post(future, { timestamp: nowSeconds() + 6 * 60 })).status).toBe(401);
    expect(handled(old.id) || handled(future.id)).toBe(false);
    const once = briefCommand('ijepa', opts);
    const body = JSON.stringify(once);
    const timestamp = nowSeconds();
    expect((await post(once, { body, timestamp })).status).toBe(200);
    expect((await post(once, { body, timestamp })).status).toBe(401);
    expect(logs.filter((l) => l.event === 'discord_interaction' && l.id === once.id)).toHaveLength(1);
  });

  it('refuses a body larger than the cap with 413, before checking anything else', async () => {
    const big = { ...briefCommand('ijepa', opts), padding: 'x'.repeat(MAX_BODY_BYTES) };
    const r = await post(big);
    expect(r.status).toBe(413);
    expect(handled(big.id)).toBe(false);
  });

  it('answers only POST on the interactions path', async () => {
    expect((await fetch(`http://127.0.0.1:${runtime.port}${INTERACTIONS_PATH}`)).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${runtime.port}/other`, { method: 'POST' })).status).toBe(404);
  });

  it('delivers roundups through REST with no gateway', async () => {
    const result = await runtime.deliverer.deliver({ platform: 'discord', workspace: 'g', channel: '700000000000000099' }, { kind: 'message', tone: 'info', text: 'Weekly roundup test' });
    expect(result.ok).toBe(true);
    expect(fake.channelMessages('700000000000000099')).toHaveLength(1);
  });
});

describe('HTTP interactions mode behind a proxy', () => {
  it('starts (no gateway to refuse) and sends its REST calls, the deferred answer included, through HTTPS_PROXY', async () => {
    const proxy = await ConnectProxy.start();
    const behind = await startHttp({ httpProxy: proxy.url, httpsProxy: proxy.url });
    try {
      expect(proxy.requests()).toContain('GET /api/v10/applications/@me');
      const payload = adminCommand('add', [{ name: 'url', type: 3, value: 'http://127.0.0.1:9/news' }], admin());
      expect((await post(payload, {}, behind.port)).json.type).toBe(5);
      await fake.waitFor(() => proxy.requests().some((r) => r.startsWith(`PATCH /api/v10/webhooks/${fake.appId}/${payload.token}/messages/`)), 10_000, 'the edit through the proxy');
    } finally {
      await behind.stop();
      await proxy.stop();
    }
  });
});

describe('npm start in HTTP interactions mode (the real entry point)', () => {
  it('listens on RINGKAS_DISCORD_PORT, answers a signed PING, opens no gateway, and stops on SIGTERM', async () => {
    const port = await closedPort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ringkas-discord-http-'));
    const stop = new AbortController();
    const child = runStart({
      env: {
        RINGKAS_DATA_DIR: dataDir,
        RINGKAS_SEED_ON_EMPTY: 'false',
        RINGKAS_DISCORD_TOKEN: 'fake-bot-token',
        RINGKAS_DISCORD_API_URL: fake.apiUrl,
        RINGKAS_DISCORD_MODE: 'http',
        RINGKAS_DISCORD_PUBLIC_KEY: keys.publicHex,
        RINGKAS_DISCORD_PORT: String(port),
      },
      signal: stop.signal,
    });
    try {
      const gatewayCalls = fake.find('GET', /^\/gateway/).length;
      let pong: Awaited<ReturnType<typeof post>> | null = null;
      for (const deadline = Date.now() + 40_000; !pong && Date.now() < deadline; ) {
        pong = await post({ id: '3', type: 1, application_id: fake.appId, token: 't', version: 1 }, {}, port).catch(() => null);
        if (!pong) await new Promise((r) => setTimeout(r, 200));
      }
      expect(pong).toEqual({ status: 200, json: { type: 1 } });
      expect(fake.find('GET', /^\/gateway/)).toHaveLength(gatewayCalls);
      expect(fake.connected).toBe(false);
    } finally {
      stop.abort();
      const r = await child;
      rmSync(dataDir, { recursive: true, force: true });
      expect(r.code).toBe(0);
    }
  }, 60_000);
});

