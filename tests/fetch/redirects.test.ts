// Redirects are followed by hand and every hop is checked again: the page server
// is opened through the allow-list by its name only (pages.test), so a redirect
// to its IP, to a name resolving to loopback, or to the metadata address is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetcher } from '../../src/fetch/safe-fetch.js';
import type { ArticleFetcher } from '../../src/fetch/article-fetcher.js';
import { RingkasError } from '../../src/errors.js';
import { html, redirect, startPageServer, type PageServer } from './page-server.js';
import { fakeResolver, testFetchConfig } from './fetch-config.js';

const ARTICLE = '<html><head><title>Redirect target article headline</title></head><body><article><p>The article body that sits behind a redirect, long enough to be read.</p></article></body></html>';

let server: PageServer;
let fetchArticle: ArticleFetcher;
let base: string;

beforeAll(async () => {
  server = await startPageServer();
  base = `http://pages.test:${server.port}`;
  server.route('/article', html(ARTICLE));
  server.route('/secret', html('<p>internal</p>'));
  server.route('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/iam/'));
  server.route('/to-loopback-ip', redirect(`http://127.0.0.1:${server.port}/secret`));
  server.route('/to-rebind', redirect(`http://rebind.test:${server.port}/secret`, 301));
  server.route('/to-file', redirect('file:///etc/passwd'));
  server.route('/to-gopher', redirect(`gopher://127.0.0.1:${server.port}/_secret`, 307));
  server.route('/relative', redirect('/article?utm_source=newsletter', 308));
  for (let i = 0; i < 7; i++) server.route(`/hop/${i}`, redirect(i === 6 ? '/article' : `/hop/${i + 1}`));
  const { resolve } = fakeResolver({ 'pages.test': ['127.0.0.1'], 'rebind.test': ['127.0.0.1'] });
  fetchArticle = createSafeFetcher(testFetchConfig({ allowPrivateHosts: ['pages.test'] }), undefined, { resolve });
});
afterAll(() => server.close());

async function refusal(url: string): Promise<RingkasError> {
  const err: unknown = await fetchArticle(url).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RingkasError);
  return err as RingkasError;
}

describe('redirects', () => {
  it('follows a relative redirect and reports the final link without tracking parameters', async () => {
    const a = await fetchArticle(`${base}/relative`);
    expect(a.title).toBe('Redirect target article headline');
    expect(a.link).toBe(`${base}/article`);
    expect(a.canonicalUrl).toBe(`${base}/article`);
  });

  it.each([
    ['/to-metadata', /link-local or cloud metadata/],
    ['/to-loopback-ip', /machine Ringkas runs on/],
    ['/to-rebind', /machine Ringkas runs on/],
    ['/to-file', /only fetches http and https/],
    ['/to-gopher', /only fetches http and https/],
  ])('a redirect %s is re-checked and refused', async (path, message) => {
    const err = await refusal(`${base}${path}`);
    expect(err.code).toBe('fetch_refused');
    expect(err.userMessage).toMatch(message);
    expect(server.hits.filter((h) => h.startsWith('/secret'))).toEqual([]);
  });

  it('the allow-list opens the listed name only, not the same server by its IP', async () => {
    const err = await refusal(`http://127.0.0.1:${server.port}/article`);
    expect(err.code).toBe('fetch_refused');
  });

  it('follows five redirects and refuses the sixth', async () => {
    // /hop/1 → … → /hop/6 → /article is 6 redirects; /hop/2 → … → /article is 5.
    await expect(fetchArticle(`${base}/hop/2`)).resolves.toMatchObject({ title: 'Redirect target article headline' });
    const err = await refusal(`${base}/hop/1`);
    expect(err.code).toBe('fetch_refused');
    expect(err.userMessage).toBe('That link redirects more than 5 times, so Ringkas stopped following it.');
  });
});
