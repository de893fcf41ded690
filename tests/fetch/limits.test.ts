// Time, size and content-type limits, against a loopback server opened through
// the allow-list: an endless body stops at the cap, a slow drip at the deadline,
// and only HTML or plain text is read.
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetcher } from '../../src/fetch/safe-fetch.js';
import { RingkasError } from '../../src/errors.js';
import type { FetchConfig } from '../../src/config.js';
import { html, startPageServer, stream, type PageServer } from './page-server.js';
import { testFetchConfig } from './fetch-config.js';

const PARAGRAPH = 'Produsen mobil Jepang menambah investasi di Indonesia untuk memproduksi kendaraan listrik dan komponen baterai.';

let server: PageServer;
const closed = new Set<string>();

function fetcher(overrides: Partial<FetchConfig> = {}) {
  return createSafeFetcher(testFetchConfig({ allowPrivateHosts: ['127.0.0.1'], ...overrides }));
}

async function failure(promise: Promise<unknown>): Promise<RingkasError> {
  const err: unknown = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RingkasError);
  return err as RingkasError;
}

function typed(contentType: string | null, body: Buffer | string, extra: Record<string, string> = {}) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { ...(contentType ? { 'content-type': contentType } : {}), ...extra });
    res.end(body);
  };
}

beforeAll(async () => {
  server = await startPageServer();
  const endless = stream(server, '/endless', `<p>${'x'.repeat(16_000)}</p>`, 1);
  server.route('/endless', (req, res) => {
    res.on('close', () => closed.add('/endless'));
    endless(req, res);
  });
  server.route('/drip', stream(server, '/drip', '<p>a', 40));
  server.route('/silent', () => undefined); // accepts, never answers
  server.route('/huge-declared', typed('text/html', '<p>small</p>', { 'content-length': '999999999' }));
  server.route('/pdf', typed('application/pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj'));
  server.route('/png', typed('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])));
  server.route('/zip', typed('application/zip', 'PK\u0003\u0004'));
  server.route('/untyped-binary', typed(null, Buffer.from([0x47, 0x49, 0x46, 0x38, 0, 1, 2, 3])));
  server.route('/untyped-html', typed(null, `<html><head><title>Untyped page headline here</title></head><body><p>${PARAGRAPH}</p></body></html>`));
  server.route('/plain', typed('text/plain; charset=utf-8', `Judul berita\n\n${PARAGRAPH}\n`));
  server.route('/gzip', typed('text/html; charset=utf-8', gzipSync(`<html><head><title>Compressed page headline</title></head><body><p>${PARAGRAPH}</p></body></html>`), { 'content-encoding': 'gzip' }));
  server.route('/gzip-bomb', typed('text/html', gzipSync(Buffer.alloc(20_000_000, 0x20)), { 'content-encoding': 'gzip' }));
  server.route('/latin1', typed('text/html; charset=windows-1252', Buffer.from(`<html><head><title>Caf\u00e9 Jepang dibuka</title></head><body><p>${PARAGRAPH} Caf\u00e9.</p></body></html>`, 'latin1')));
  server.route('/missing', (_req, res) => {
    res.writeHead(404);
    res.end();
  });
  server.route('/error', (_req, res) => {
    res.writeHead(503);
    res.end();
  });
  server.route('/ok', html(`<html><head><title>An ordinary page headline</title></head><body><p>${PARAGRAPH}</p></body></html>`));
});
afterAll(() => server.close());

describe('size cap', () => {
  it('stops an endless body at the cap and closes the connection', async () => {
    const err = await failure(fetcher({ maxBytes: 100_000 })(`${server.origin}/endless`));
    expect(err.code).toBe('fetch_refused');
    expect(err.userMessage).toBe('That page is larger than 100 kB, so Ringkas stopped reading it.');
    await expect.poll(() => closed.has('/endless'), { timeout: 2_000 }).toBe(true);
    expect(server.written.get('/endless')!).toBeLessThan(5_000_000);
  });

  it('counts decompressed bytes, so a small gzip bomb stops at the cap too', async () => {
    const err = await failure(fetcher({ maxBytes: 100_000 })(`${server.origin}/gzip-bomb`));
    expect(err.userMessage).toMatch(/larger than 100 kB/);
  });

  it('refuses a declared length over the cap without reading the body', async () => {
    const err = await failure(fetcher({ maxBytes: 100_000 })(`${server.origin}/huge-declared`));
    expect(err.userMessage).toMatch(/larger than 100 kB/);
  });
});

describe('time limit', () => {
  it('gives up on a slow drip at the deadline', async () => {
    const started = Date.now();
    const err = await failure(fetcher({ timeoutMs: 300 })(`${server.origin}/drip`));
    const elapsed = Date.now() - started;
    expect(err.code).toBe('fetch_failed');
    expect(err.userMessage).toBe('That page took longer than 0.3 seconds to load, so Ringkas gave up.');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2_000);
    expect(server.written.get('/drip')!).toBeGreaterThan(4); // it really was dripping
  });

  it('gives up on a server that never answers', async () => {
    const err = await failure(fetcher({ timeoutMs: 300 })(`${server.origin}/silent`));
    expect(err.userMessage).toMatch(/took longer than 0.3 seconds/);
  });
});

describe('content types', () => {
  it.each([
    ['/pdf', 'That link is a PDF, not a web page; paste its text or upload it as a text file instead.'],
    ['/png', 'That link is an image, not an article, so Ringkas cannot read it.'],
    ['/zip', 'That link is not a web page or plain text (it is application/zip), so Ringkas cannot read it.'],
    ['/untyped-binary', 'That link is a binary file, not a web page, so Ringkas cannot read it.'],
  ])('%s is refused politely', async (path, message) => {
    const err = await failure(fetcher()(`${server.origin}${path}`));
    expect(err.code).toBe('fetch_refused');
    expect(err.userMessage).toBe(message);
  });

  it('reads plain text as is', async () => {
    const a = await fetcher()(`${server.origin}/plain`);
    expect(a.text).toBe(`Judul berita\n\n${PARAGRAPH}\n`);
    expect(a.title).toBeUndefined();
  });

  it('reads HTML served without a content type, gzip bodies and legacy charsets', async () => {
    expect((await fetcher()(`${server.origin}/untyped-html`)).title).toBe('Untyped page headline here');
    const zipped = await fetcher()(`${server.origin}/gzip`);
    expect(zipped.title).toBe('Compressed page headline');
    expect(zipped.text).toBe(PARAGRAPH);
    const latin = await fetcher()(`${server.origin}/latin1`);
    expect(latin.title).toBe('Caf\u00e9 Jepang dibuka');
    expect(latin.text).toContain('Caf\u00e9.');
  });
});

describe('HTTP errors', () => {
  it('says clearly when a page is missing or the site fails', async () => {
    expect((await failure(fetcher()(`${server.origin}/missing`))).userMessage).toBe('That page was not found (HTTP 404).');
    const err = await failure(fetcher()(`${server.origin}/error`));
    expect(err.code).toBe('fetch_failed');
    expect(err.userMessage).toMatch(/HTTP 503/);
  });

  it('still fetches an ordinary page after all of the above', async () => {
    await expect(fetcher()(`${server.origin}/ok`)).resolves.toMatchObject({ title: 'An ordinary page headline', text: PARAGRAPH });
  });
});
