// Every SSRF vector of the platform contract, with the allow-list switch off.
// A loopback server records hits: a refused vector must never reach it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetcher } from '../../src/fetch/safe-fetch.js';
import type { ArticleFetcher } from '../../src/fetch/article-fetcher.js';
import { RingkasError } from '../../src/errors.js';
import { html, startPageServer, type PageServer } from './page-server.js';
import { fakeResolver, testFetchConfig } from './fetch-config.js';

const PAGE = '<html><head><title>Secret internal page</title></head><body><p>internal data that must not leak</p></body></html>';

let server: PageServer;
let fetchArticle: ArticleFetcher;
let dns: ReturnType<typeof fakeResolver>;

beforeAll(async () => {
  server = await startPageServer();
  server.route('/', html(PAGE));
  dns = fakeResolver({
    'rebind.test': ['127.0.0.1'],
    'metadata.test': ['169.254.169.254'],
    'mixed.test': ['93.184.216.34', '10.1.2.3'],
    'v6-loopback.test': ['::1'],
    'v6-mapped.test': ['::ffff:127.0.0.1'],
    'cgnat.test': ['100.64.0.1'],
    'ula.test': ['fd12:3456::1'],
  });
  fetchArticle = createSafeFetcher(testFetchConfig(), undefined, { resolve: dns.resolve });
});
afterAll(() => server.close());

async function refusal(url: string): Promise<RingkasError> {
  const err = await fetchArticle(url).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `${url} should be refused`).toBeInstanceOf(RingkasError);
  return err as RingkasError;
}

const sentence = /^[A-Z][^.]*\.$/; // one short sentence for the user

describe('addresses that reach inside the network are refused (switch off)', () => {
  const loopbackTricks = ['127.0.0.1', '127.1', '0x7f.0.0.1', '017700000001', '2130706433', '0177.0.0.01', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::7f00:1]'];
  it.each(loopbackTricks)('loopback written as %s never reaches the local server', async (host) => {
    const err = await refusal(`http://${host}:${server.port}/`);
    expect(err.code).toBe('fetch_refused');
    expect(err.userMessage).toMatch(/machine Ringkas runs on/);
    expect(err.userMessage).toMatch(sentence);
    expect(server.hits).toEqual([]);
  });

  it.each([
    ['http://0/', /not a public/],
    ['http://0.0.0.0/', /not a public/],
    ['http://[::]/', /not a public/],
    ['http://[::1]/', /machine Ringkas runs on/],
    ['http://169.254.169.254/latest/meta-data/', /link-local or cloud metadata/],
    ['http://[::ffff:a9fe:a9fe]/', /link-local or cloud metadata/],
    ['http://[fe80::1]/', /link-local or cloud metadata/],
    ['http://10.0.0.1/', /private network/],
    ['http://172.16.5.4/', /private network/],
    ['http://172.31.255.255/', /private network/],
    ['http://192.168.1.1/', /private network/],
    ['http://100.64.0.1/', /private network/],
    ['http://[fc00::1]/', /private network/],
    ['http://[fd00:ec2::254]/', /private network/],
    ['http://224.0.0.1/', /not a public/],
    ['http://255.255.255.255/', /not a public/],
    ['http://[ff02::1]/', /not a public/],
    ['http://[64:ff9b::7f00:1]/', /not a public/],
  ])('%s is refused', async (url, message) => {
    const err = await refusal(url);
    expect(err.code).toBe('fetch_refused');
    expect(err.userMessage).toMatch(message);
  });

  it('checks a host name at connection time, on the address it resolves to', async () => {
    const err = await refusal(`http://rebind.test:${server.port}/`);
    expect(err.userMessage).toMatch(/machine Ringkas runs on/);
    expect(dns.calls).toContain('rebind.test');
    expect(server.hits).toEqual([]);
  });

  it('refuses localhost through the default system resolver too', async () => {
    const plain = createSafeFetcher(testFetchConfig());
    const err: unknown = await plain(`http://localhost:${server.port}/`).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RingkasError);
    expect((err as RingkasError).userMessage).toMatch(/machine Ringkas runs on/);
    expect(server.hits).toEqual([]);
  });

  it.each([
    ['metadata.test', /link-local or cloud metadata/],
    ['mixed.test', /private network/], // one bad answer among good ones is enough
    ['v6-loopback.test', /machine Ringkas runs on/],
    ['v6-mapped.test', /machine Ringkas runs on/],
    ['cgnat.test', /private network/],
    ['ula.test', /private network/],
  ])('a name resolving to a forbidden address (%s) is refused', async (host, message) => {
    const err = await refusal(`http://${host}/`);
    expect(err.code).toBe('fetch_refused');
    expect(err.userMessage).toMatch(message);
  });

  it.each(['file:///etc/passwd', 'gopher://127.0.0.1:70/_GET', 'ftp://example.test/a.txt', 'data:text/html,<p>hi</p>', 'javascript:alert(1)'])(
    '%s is refused: http and https only',
    async (url) => {
      const err = await refusal(url);
      expect(err.code).toBe('fetch_refused');
      expect(err.userMessage).toBe('Ringkas only fetches http and https links.');
    },
  );

  it('refuses links with credentials and explains a malformed link', async () => {
    expect((await refusal('http://user:pw@example.test/')).code).toBe('fetch_refused');
    expect((await refusal('not a link')).code).toBe('bad_input');
  });
});
