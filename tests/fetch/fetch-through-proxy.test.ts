// Behind a company proxy (HTTPS_PROXY / HTTP_PROXY): article fetches go through it, the proxy on
// 127.0.0.1 is reachable without being allow-listed, and the page's own host still gets every
// address check (a name resolving to a private address never becomes a tunnel).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RingkasError } from '../../src/errors.js';
import { createSafeFetcher } from '../../src/fetch/safe-fetch.js';
import { ConnectProxy } from '../platform/connect-proxy.js';
import { fakeResolver, testFetchConfig } from './fetch-config.js';
import { html, redirect, startPageServer, type PageServer } from './page-server.js';

const ARTICLE = `<html><head><title>Charging pilot opens on the toll road</title></head><body><article>
<h1>Charging pilot opens on the toll road</h1>
<p>A made-up pilot of forty roadside chargers opened along the main toll road on Monday, its organisers said, and it accepts cars as well as electric motorcycles.</p>
<p>The organisers said the trial runs for six months before the city decides on two hundred more chargers, with the first hour free for every driver.</p>
</article></body></html>`;

let pages: PageServer;
let proxy: ConnectProxy;
// The page hosts resolve to loopback and are allow-listed by name, so that even a fetcher that
// ignored the proxy would only ever dial 127.0.0.1; the proxy itself is never listed.
const dns = fakeResolver({
  'news.test': ['127.0.0.1'],
  'hop.test': ['127.0.0.1'],
  'intranet.test': ['10.1.2.3'],
  'loopback.test': ['127.0.0.1'],
});
const PAGE_HOSTS = ['news.test', 'hop.test'];

beforeAll(async () => {
  pages = await startPageServer();
  pages.route('/story', html(ARTICLE));
  pages.route('/to-intranet', redirect('http://intranet.test/secret'));
  // Every tunnel ends at the loopback page server, whatever name was asked for.
  proxy = await ConnectProxy.start(() => pages.port);
});
afterAll(async () => {
  await proxy.stop();
  await pages.close();
});

const fetcherVia = (proxyConfig: { httpProxy?: string; httpsProxy?: string; noProxy?: string }, allowPrivateHosts = PAGE_HOSTS) =>
  createSafeFetcher(testFetchConfig({ proxy: proxyConfig, allowPrivateHosts }), undefined, { resolve: dns.resolve });

async function refusal(promise: Promise<unknown>): Promise<RingkasError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RingkasError);
  return err as RingkasError;
}

describe('article fetches through a proxy', () => {
  it('tunnels to the page host through the proxy on 127.0.0.1 (not allow-listed)', async () => {
    proxy.tunnels.length = 0;
    const article = await fetcherVia({ httpProxy: proxy.url })('http://news.test/story');
    expect(article.title).toBe('Charging pilot opens on the toll road');
    expect(proxy.targets()).toEqual(['news.test:80']);
  });

  it('still refuses a page host that resolves to a private or loopback address, before any tunnel', async () => {
    proxy.tunnels.length = 0;
    const fetchVia = fetcherVia({ httpProxy: proxy.url });
    expect((await refusal(fetchVia('http://intranet.test/secret'))).code).toBe('fetch_refused');
    expect((await refusal(fetchVia('http://loopback.test/story'))).code).toBe('fetch_refused');
    expect(proxy.targets()).toEqual([]);
  });

  it('still refuses loopback IP literals and private redirect hops', async () => {
    proxy.tunnels.length = 0;
    const fetchVia = fetcherVia({ httpProxy: proxy.url });
    expect((await refusal(fetchVia(`http://127.0.0.1:${pages.port}/story`))).code).toBe('fetch_refused');
    expect((await refusal(fetchVia('http://hop.test/to-intranet'))).code).toBe('fetch_refused');
    expect(proxy.targets()).toEqual(['hop.test:80']);
  });

  it('goes direct (and guarded) for NO_PROXY hosts', async () => {
    proxy.tunnels.length = 0;
    const article = await fetcherVia({ httpProxy: proxy.url, noProxy: 'localhost,127.0.0.1' }, ['127.0.0.1'])(`http://127.0.0.1:${pages.port}/story`);
    const refused = await refusal(fetcherVia({ httpProxy: proxy.url, noProxy: 'loopback.test' })('http://loopback.test/story'));
    expect(refused.code).toBe('fetch_refused');
    expect(article.title).toBe('Charging pilot opens on the toll road');
    expect(proxy.targets()).toEqual([]);
  });
});
