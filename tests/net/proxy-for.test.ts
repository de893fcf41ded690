// proxyFor says whether a URL goes through the proxy, for clients that cannot take the proxy
// dispatcher (the Discord gateway) and must refuse instead. Its answers must be the dispatcher's:
// vectors for the NO_PROXY rules, then the same question put to the real dispatcher over loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyDispatcher, proxyFor } from '../../src/net/proxy-dispatcher.js';
import { ConnectProxy } from '../platform/connect-proxy.js';

const P = 'http://proxy.example:3128';

describe('proxyFor', () => {
  it.each([
    [{}, 'wss://gateway.discord.gg', undefined],
    [{ httpsProxy: P }, 'wss://gateway.discord.gg', P],
    [{ httpProxy: P }, 'wss://gateway.discord.gg', P],
    [{ httpProxy: P }, 'ws://gateway.discord.gg', P],
    [{ httpsProxy: P }, 'ws://gateway.discord.gg', undefined],
    [{ httpsProxy: P, noProxy: '.discord.gg' }, 'wss://gateway.discord.gg', undefined],
    [{ httpsProxy: P, noProxy: '*.discord.gg' }, 'wss://gateway-us-east1-b.discord.gg', undefined],
    [{ httpsProxy: P, noProxy: 'discord.gg' }, 'wss://gateway.discord.gg', undefined],
    [{ httpsProxy: P, noProxy: 'discord.gg' }, 'wss://notdiscord.gg', P],
    [{ httpsProxy: P, noProxy: 'localhost, gateway.discord.gg:443' }, 'wss://gateway.discord.gg', undefined],
    [{ httpsProxy: P, noProxy: 'gateway.discord.gg:8443' }, 'wss://gateway.discord.gg', P],
    [{ httpsProxy: P, noProxy: '*' }, 'wss://gateway.discord.gg', undefined],
    [{ httpsProxy: P, noProxy: 'GATEWAY.Discord.GG' }, 'wss://gateway.discord.gg', undefined],
  ])('%j %s → %s', (proxy, url, expected) => {
    expect(proxyFor(proxy, url)).toBe(expected);
  });
});

describe('proxyFor agrees with the proxy dispatcher', () => {
  let server: Server;
  let proxy: ConnectProxy;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = await ConnectProxy.start();
  });
  afterAll(async () => {
    await proxy.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each(['', '127.0.0.1', '127.0.0.1:1', '*', 'example.com 127.0.0.1', '.0.0.1'])('NO_PROXY=%j', async (noProxy) => {
    const port = (server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/`;
    const config = { httpProxy: proxy.url, ...(noProxy ? { noProxy } : {}) };
    const before = proxy.tunnels.length;
    const dispatcher = proxyDispatcher(config)!;
    await (await undiciFetch(url, { dispatcher })).text();
    await dispatcher.close();
    expect(proxy.tunnels.length > before).toBe(proxyFor(config, url) !== undefined);
  });
});
