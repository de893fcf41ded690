// Start-up failures a new Slack admin meets, each with one sentence naming what failed: Slack
// unreachable (bounded, and not blamed on the token), a bad app token, a port in use. And the
// same start through a company proxy (HTTPS_PROXY), via a loopback CONNECT proxy that records.
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../../adapters/slack/start-slack.js';
import type { StartupRetry } from '../../../adapters/slack/slack-token-check.js';
import type { SlackConfig } from '../../../adapters/slack/slack-config.js';
import type { Config, ProxyConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { ConnectProxy } from '../../platform/connect-proxy.js';
import { FakeSlackApi } from '../../platform/fake-slack-api.js';
import { closedPort, rejectionMessage } from '../../support/failing-starts.js';
import { createTempEngine, type TempEngine } from '../../support/temp-engine.js';

/** Three quick tries: the shape of the real bound (STARTUP_RETRY), in milliseconds. */
const QUICK: StartupRetry = { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2, requestTimeoutMs: 300 };

let temp: TempEngine;
beforeAll(async () => {
  temp = await createTempEngine();
});
afterAll(() => temp.cleanup());

function configWith(slack: Partial<SlackConfig>, proxy: ProxyConfig = {}): { config: Config; slack: SlackConfig } {
  return { config: { ...temp.config, proxy }, slack: { botToken: 'xoxb-test', port: 3000, command: '/brief', signingSecret: 'secret', ...slack } };
}

const start = (configs: { config: Config; slack: SlackConfig }, extra: { listen?: { port: number; host: string } } = {}) =>
  startSlack({ ...configs, engine: temp.engine, logger: silentLogger, listen: extra.listen ?? { port: 0, host: '127.0.0.1' }, startupRetry: QUICK });

describe('Slack unreachable at start', () => {
  it('gives up after a few tries and blames the network or proxy, not the token', async () => {
    const port = await closedPort();
    const message = await rejectionMessage(start(configWith({ apiUrl: `http://127.0.0.1:${port}/api/` })));
    expect(message).toMatch(/could not reach Slack \(ECONNREFUSED\): network or proxy/);
    expect(message).toMatch(/HTTPS_PROXY/);
    expect(message).not.toMatch(/RINGKAS_SLACK_BOT_TOKEN/);
  });

  it('bounds a Slack that accepts connections and never answers: each try times out, three in all', async () => {
    let requests = 0;
    const silent: Server = createServer(() => void (requests += 1));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const message = await rejectionMessage(start(configWith({ apiUrl: `http://127.0.0.1:${port}/api/` })));
      expect(message).toMatch(/could not reach Slack \(\w+\): network or proxy/);
      expect(requests).toBe(3);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('says Slack itself failed when it answers 503, after the same three tries', async () => {
    const fake = await new FakeSlackApi().start();
    fake.fail('auth.test', { status: 503 }, Infinity);
    try {
      const message = await rejectionMessage(start(configWith({ apiUrl: fake.apiUrl })));
      expect(message).toBe('Slack start-up failed: auth.test got HTTP 503: Slack or a proxy in between is failing; try again later.');
      expect(fake.callsTo('auth.test')).toHaveLength(3);
    } finally {
      await fake.stop();
    }
  });
});

describe('clear start errors', () => {
  it('a rejected app token (Socket Mode) names RINGKAS_SLACK_APP_TOKEN, not the bot token', async () => {
    const fake = await new FakeSlackApi().start();
    fake.fail('apps.connections.open', { error: 'invalid_auth' }, Infinity);
    try {
      const message = await rejectionMessage(start(configWith({ apiUrl: fake.apiUrl, appToken: 'xapp-revoked', signingSecret: undefined })));
      expect(message).toMatch(/apps\.connections\.open said "invalid_auth"\. Check RINGKAS_SLACK_APP_TOKEN/);
      expect(message).not.toMatch(/BOT_TOKEN/);
    } finally {
      await fake.stop();
    }
  });

  it('a port in use names the port and RINGKAS_SLACK_PORT', async () => {
    const fake = await new FakeSlackApi().start();
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const message = await rejectionMessage(start(configWith({ apiUrl: fake.apiUrl }), { listen: { port, host: '127.0.0.1' } }));
      expect(message).toBe(`Slack HTTP mode: port ${port} is already in use. Stop what uses it, or set RINGKAS_SLACK_PORT to a free port.`);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
      await fake.stop();
    }
  });
});

describe('behind a proxy (HTTP_PROXY / HTTPS_PROXY)', () => {
  it('sends the start-up check and Web API calls through the proxy', async () => {
    const fake = await new FakeSlackApi().start();
    const proxy = await ConnectProxy.start();
    const target = new URL(fake.apiUrl).host;
    const slack = await start(configWith({ apiUrl: fake.apiUrl }, { httpProxy: proxy.url, httpsProxy: proxy.url }));
    try {
      expect(fake.callsTo('auth.test')).toHaveLength(1);
      await slack.app.client.chat.postMessage({ channel: 'C1', text: 'hello through the proxy' });
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
      expect(new Set(proxy.targets())).toEqual(new Set([target]));
      expect(proxy.requests()).toEqual(['POST /api/auth.test', 'POST /api/chat.postMessage']);
    } finally {
      await slack.stop();
      await proxy.stop();
      await fake.stop();
    }
  });

  it('connects Socket Mode (API and WebSocket) through the proxy, and NO_PROXY bypasses it', async () => {
    const fake = await new FakeSlackApi().start();
    const proxy = await ConnectProxy.start();
    const slack = await start(configWith({ apiUrl: fake.apiUrl, appToken: 'xapp-ok', signingSecret: undefined }, { httpProxy: proxy.url }));
    try {
      await fake.waitForSocket();
      expect(proxy.requests()).toEqual(expect.arrayContaining(['POST /api/auth.test', 'POST /api/apps.connections.open', expect.stringMatching(/^GET \/socket/)]));
    } finally {
      await slack.stop();
    }
    proxy.tunnels.length = 0;
    const direct = await start(configWith({ apiUrl: fake.apiUrl }, { httpProxy: proxy.url, noProxy: '127.0.0.1' }));
    try {
      expect(proxy.targets()).toEqual([]);
    } finally {
      await direct.stop();
      await proxy.stop();
      await fake.stop();
    }
  });
});
