// Which <link rel=canonical> may stand for a page in the duplicate check. A page
// that names another site's article as its canonical must not take that article's
// place (the real one would then never be fetched): only the same site (by
// registrable domain) or an AMP cache copy of the named site is trusted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleFetcher } from '../../src/fetch/article-fetcher.js';
import { createSafeFetcher } from '../../src/fetch/safe-fetch.js';
import { fakeResolver, testFetchConfig } from './fetch-config.js';
import { html, startPageServer, type PageServer } from './page-server.js';

const REAL = 'https://news.example.org/2026/11/harbour-reopens';

function page(canonical: string): string {
  const para = 'The harbour reopened on Tuesday after a week of repairs to the main quay, the port authority said in a statement.';
  return `<!doctype html><html><head><title>Harbour reopens</title><link rel="canonical" href="${canonical}"></head>
<body><article><h1>Harbour reopens</h1><p>${para}</p><p>${para} Ships queued outside overnight.</p><p>${para} Fishers welcomed the news.</p></article></body></html>`;
}

const HOSTS = [
  'www.example.com', // contains "amp": must not matter
  'amp.news.example.org',
  'news-example-org.cdn.ampproject.org',
  'evil-example-net.cdn.ampproject.org',
  'alice.blogspot.com',
  'news.example.co.id',
];

let server: PageServer;
let fetchArticle: ArticleFetcher;

beforeAll(async () => {
  server = await startPageServer();
  server.route('/story', html(page(REAL)));
  server.route('/blog', html(page('https://bob.blogspot.com/2026/11/harbour')));
  server.route('/co-id', html(page('https://www.example.co.id/read/harbour')));
  const { resolve } = fakeResolver(Object.fromEntries(HOSTS.map((h) => [h, ['127.0.0.1']])));
  fetchArticle = createSafeFetcher(testFetchConfig({ allowPrivateHosts: ['127.0.0.1', ...HOSTS] }), undefined, { resolve });
});
afterAll(() => server.close());

const at = (host: string, path = '/story') => `http://${host}:${server.port}${path}`;

describe('trusting a page’s canonical URL', () => {
  it('a page on another site (whose host merely contains "amp") cannot claim a real article’s URL', async () => {
    const a = await fetchArticle(at('www.example.com'));
    expect(a.canonicalUrl).toBe(`http://example.com:${server.port}/story`);
  });

  it('a copy on the same site (an amp. subdomain) is trusted', async () => {
    expect((await fetchArticle(at('amp.news.example.org'))).canonicalUrl).toBe(REAL);
  });

  it('an AMP cache copy is trusted only for the site it is a copy of', async () => {
    expect((await fetchArticle(at('news-example-org.cdn.ampproject.org'))).canonicalUrl).toBe(REAL);
    const hostile = await fetchArticle(at('evil-example-net.cdn.ampproject.org'));
    expect(hostile.canonicalUrl).toBe(`http://evil-example-net.cdn.ampproject.org:${server.port}/story`);
  });

  it('compares registrable domains from the public suffix list', async () => {
    // Two blogs on one hosting suffix are two sites.
    expect((await fetchArticle(at('alice.blogspot.com', '/blog'))).canonicalUrl).toBe(`http://alice.blogspot.com:${server.port}/blog`);
    // news.example.co.id and www.example.co.id are one site (co.id is the suffix).
    expect((await fetchArticle(at('news.example.co.id', '/co-id'))).canonicalUrl).toBe('https://example.co.id/read/harbour');
  });
});
