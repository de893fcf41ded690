// The gateway's life and death, through the real discord.js client and the loopback fake:
// closes Discord will not resume (4004 token revoked, 4010–4014) stop the bot with a clear message
// instead of leaving it running offline; a gateway that cannot be reached fails the start after a
// bounded time; REST goes through HTTP(S)_PROXY; and the real entry point exits non-zero.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../adapters/discord/create-discord-client.js';
import type { Config, ProxyConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { proxiedGatewayMessage } from '../../../adapters/discord/gateway-proxy.js';
import { ConnectProxy } from '../../platform/connect-proxy.js';
import { FakeDiscord } from '../../platform/fake-discord.js';
import { runStart } from '../../support/run-start.js';
import { closedPort, rejectionMessage } from '../../support/failing-starts.js';
import { createTempEngine, type TempEngine } from '../../support/temp-engine.js';

let temp: TempEngine;
beforeAll(async () => {
  temp = await createTempEngine();
});
afterAll(() => temp.cleanup());

const configFor = (apiUrl: string, proxy: ProxyConfig = {}) => ({ config: { ...temp.config, proxy } satisfies Config, discord: { token: 'fake-bot-token', apiUrl } });

describe('gateway closes Discord will not resume, after start-up', () => {
  it.each([
    [4004, /authentication failed: the bot token was reset or revoked\. Set a new RINGKAS_DISCORD_TOKEN/],
    [4010, /invalid shard/],
    [4011, /sharding required/],
    [4012, /invalid API version.*Upgrade Ringkas/],
    [4013, /invalid intents/],
    [4014, /disallowed intents/],
  ])('close %i reaches onFatal with a message naming it', async (code, meaning) => {
    const fake = await FakeDiscord.start();
    let fatal!: (error: Error) => void;
    const fatalError = new Promise<Error>((resolve) => (fatal = resolve));
    const runtime = await startDiscord({ ...configFor(fake.apiUrl), engine: temp.engine, logger: silentLogger, onFatal: fatal });
    try {
      fake.dropGateway(code);
      const error = await fatalError;
      expect(error.message).toMatch(new RegExp(`^Discord closed the gateway with code ${code} `));
      expect(error.message).toMatch(meaning);
    } finally {
      await runtime.stop();
      await fake.stop();
    }
  });

  it('a resumable close (4000) resumes and is not fatal', async () => {
    const fake = await FakeDiscord.start();
    const fatal: Error[] = [];
    const runtime = await startDiscord({ ...configFor(fake.apiUrl), engine: temp.engine, logger: silentLogger, onFatal: (e) => fatal.push(e) });
    try {
      fake.dropGateway(4000);
      await fake.waitFor(() => fake.received.some((p) => p.op === 6), 10_000, 'RESUME');
      expect(fatal).toEqual([]);
    } finally {
      await runtime.stop();
      await fake.stop();
    }
  });
});

describe('failing starts', () => {
  it('4004 at IDENTIFY fails the start naming the code and the token variable', async () => {
    const fake = await FakeDiscord.start();
    fake.closeOnIdentify(4004);
    try {
      const message = await rejectionMessage(startDiscord({ ...configFor(fake.apiUrl), engine: temp.engine, logger: silentLogger }));
      expect(message).toMatch(/^Discord start-up failed: Discord closed the gateway with code 4004 \(authentication failed.*RINGKAS_DISCORD_TOKEN/);
    } finally {
      await fake.stop();
    }
  });

  it('4014 at IDENTIFY is not blamed on the token', async () => {
    const fake = await FakeDiscord.start();
    fake.closeOnIdentify(4014);
    try {
      const message = await rejectionMessage(startDiscord({ ...configFor(fake.apiUrl), engine: temp.engine, logger: silentLogger }));
      expect(message).toMatch(/code 4014 \(disallowed intents/);
      expect(message).not.toMatch(/RINGKAS_DISCORD_TOKEN/);
    } finally {
      await fake.stop();
    }
  });

  it('a gateway that cannot be reached fails the start after the bound, instead of retrying forever', async () => {
    const fake = await FakeDiscord.start();
    fake.advertiseGateway(`ws://127.0.0.1:${await closedPort()}`);
    try {
      const message = await rejectionMessage(startDiscord({ ...configFor(fake.apiUrl), engine: temp.engine, logger: silentLogger, loginTimeoutMs: 500 }));
      expect(message).toBe('Discord start-up failed: could not connect to the Discord gateway within 1 s: network, firewall or proxy.');
    } finally {
      await fake.stop();
    }
  });
});

describe('behind a proxy', () => {
  it('gateway mode refuses to start when the proxy applies to the gateway, and says what to do instead', async () => {
    const fake = await FakeDiscord.start();
    const proxy = await ConnectProxy.start();
    try {
      const message = await rejectionMessage(startDiscord({ ...configFor(fake.apiUrl, { httpProxy: proxy.url, httpsProxy: proxy.url }), engine: temp.engine, logger: silentLogger }));
      expect(message).toBe(proxiedGatewayMessage(`127.0.0.1:${fake.port}`));
      expect(message).toMatch(/RINGKAS_DISCORD_MODE=http/);
      expect(message).toMatch(/NO_PROXY/);
      // It asked where the gateway is through the proxy, and never opened the gateway.
      expect(proxy.requests()).toContain('GET /api/v10/gateway/bot');
      expect(fake.received.some((p) => p.op === 2)).toBe(false);
    } finally {
      await proxy.stop();
      await fake.stop();
    }
  });

  it('with the gateway in NO_PROXY: starts, REST calls go through HTTP(S)_PROXY and the gateway direct', async () => {
    const fake = await FakeDiscord.start();
    const proxy = await ConnectProxy.start();
    // The gateway on another name for the same loopback server, so NO_PROXY can tell it from the REST API.
    fake.advertiseGateway(`ws://localhost:${fake.port}`);
    const runtime = await startDiscord({ ...configFor(fake.apiUrl, { httpProxy: proxy.url, httpsProxy: proxy.url, noProxy: 'localhost' }), engine: temp.engine, logger: silentLogger });
    try {
      expect(proxy.targets()).toContain(`127.0.0.1:${fake.port}`);
      expect(proxy.requests()).toContain('GET /api/v10/gateway/bot');
      expect(proxy.targets()).not.toContain(`localhost:${fake.port}`);
      expect(fake.connected).toBe(true);
    } finally {
      await runtime.stop();
      await proxy.stop();
      await fake.stop();
    }
  });
});

describe('npm start with Discord (the real entry point)', () => {
  it('exits non-zero with the message when the token is revoked while running', async () => {
    const fake = await FakeDiscord.start();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ringkas-discord-exit-'));
    try {
      const child = runStart({ env: { RINGKAS_DATA_DIR: dataDir, RINGKAS_DISCORD_TOKEN: 'fake-bot-token', RINGKAS_DISCORD_API_URL: fake.apiUrl, RINGKAS_SEED_ON_EMPTY: 'false' } });
      await fake.waitFor(() => fake.received.some((p) => p.op === 2) && fake.connected, 30_000, 'IDENTIFY');
      // Once READY has gone out, revoke the token the way Discord does.
      fake.dropGateway(4004);
      const r = await child;
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/ringkas: Discord closed the gateway with code 4004 \(authentication failed.*RINGKAS_DISCORD_TOKEN/);
    } finally {
      await fake.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
