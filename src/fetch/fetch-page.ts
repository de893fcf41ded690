// Downloads one admin-supplied page within hard limits: http/https only, redirects
// followed by hand (each hop re-checked), one deadline for the whole fetch (a slow
// drip stops), a streamed size cap (an endless body stops) and only HTML or text.
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { request, type Dispatcher } from 'undici';
import { RingkasError, isRingkasError } from '../errors.js';
import type { FetchConfig } from '../config.js';
import { checkConnectTarget, stripBrackets, type PrivateHostAllowList } from './address-policy.js';
import { classifyContentType, decodeBody, type PageKind } from './page-content.js';

export interface FetchedPage {
  /** The URL the content came from, after redirects. */
  url: string;
  kind: PageKind;
  content: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HEADERS = {
  'user-agent': 'Mozilla/5.0 (compatible; Ringkas/0.1; briefing bot)',
  accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1',
  'accept-encoding': 'gzip, deflate, br',
};

export async function fetchPage(
  input: string,
  deps: {
    dispatcher: Dispatcher;
    allow: PrivateHostAllowList;
    config: FetchConfig;
    /** Runs before each request (first URL and every redirect), e.g. to vet a host a proxy will resolve. */
    beforeEachHop?: (url: URL) => Promise<void>;
  },
): Promise<FetchedPage> {
  const { config } = deps;
  let url = parseFetchableUrl(input, deps.allow);
  const signal = AbortSignal.timeout(config.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      await deps.beforeEachHop?.(url);
      const res = await request(url, { method: 'GET', headers: HEADERS, dispatcher: deps.dispatcher, signal });
      if (REDIRECTS.has(res.statusCode)) {
        await res.body.dump().catch(() => undefined);
        if (hop >= config.maxRedirects) {
          throw new RingkasError('fetch_refused', `That link redirects more than ${config.maxRedirects} times, so Ringkas stopped following it.`);
        }
        url = nextHop(url, res.headers.location, deps.allow);
        continue;
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump().catch(() => undefined);
        throw httpError(res.statusCode);
      }
      const contentType = header(res.headers['content-type']);
      const declared = classifyContentType(contentType);
      if (declared.refusal) {
        discard(res.body);
        throw new RingkasError('fetch_refused', declared.refusal);
      }
      const bytes = await readCapped(res, config.maxBytes);
      return { url: url.href, ...decodeBody(bytes, contentType, declared.kind) };
    }
  } catch (err) {
    throw toFetchError(err, signal, config.timeoutMs);
  }
}

/** Parses and pre-checks a URL: scheme, credentials, and IP literals (names are checked at connect time). */
export function parseFetchableUrl(input: string | URL, allow: PrivateHostAllowList): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new RingkasError('bad_input', 'That does not look like a web address; it should start with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RingkasError('fetch_refused', 'Ringkas only fetches http and https links.');
  }
  if (url.username || url.password) {
    throw new RingkasError('fetch_refused', 'Ringkas does not fetch links that carry a user name or password.');
  }
  const host = stripBrackets(url.hostname);
  // The WHATWG parser has already turned 127.1, 0x7f.0.0.1 and 017700000001 into dotted form.
  if (/^[\d.]+$/.test(host) || host.includes(':')) {
    const refused = checkConnectTarget(host, host, allow);
    if (refused) throw refused;
  }
  url.hash = '';
  return url;
}

function nextHop(current: URL, location: string | string[] | undefined, allow: PrivateHostAllowList): URL {
  const target = header(location);
  if (!target) throw new RingkasError('fetch_failed', 'That link redirects nowhere, so Ringkas could not read the page.');
  let next: URL;
  try {
    next = new URL(target, current);
  } catch {
    throw new RingkasError('fetch_failed', 'That link redirects to an address that is not valid.');
  }
  // Each hop gets the same checks as the first URL, and its connection the same guard.
  return parseFetchableUrl(next, allow);
}

export async function readCapped(res: Dispatcher.ResponseData, maxBytes: number): Promise<Buffer> {
  const tooBig = () =>
    new RingkasError('fetch_refused', `That page is larger than ${formatBytes(maxBytes)}, so Ringkas stopped reading it.`);
  const declaredLength = Number(header(res.headers['content-length']) ?? NaN);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    discard(res.body);
    throw tooBig();
  }
  const stream = decompress(res.body, header(res.headers['content-encoding']));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      // The cap counts decoded bytes, so a compression bomb stops too.
      if (total > maxBytes) throw tooBig();
      chunks.push(buf);
    }
  } finally {
    if (total > maxBytes || !stream.readableEnded) {
      discard(stream);
      discard(res.body);
    }
  }
  return Buffer.concat(chunks);
}

/** Stops reading and closes the connection; the abort error that follows is expected. */
function discard(stream: Readable): void {
  stream.on('error', () => undefined);
  stream.destroy();
}

function decompress(body: Readable, encoding: string | undefined): Readable {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return body.pipe(zlib.createGunzip());
    case 'deflate':
      return body.pipe(zlib.createInflate());
    case 'br':
      return body.pipe(zlib.createBrotliDecompress());
    default:
      return body;
  }
}

function httpError(status: number): RingkasError {
  if (status === 404 || status === 410) return new RingkasError('fetch_failed', `That page was not found (HTTP ${status}).`);
  if (status === 401 || status === 403) {
    return new RingkasError('fetch_failed', `The site refused access (HTTP ${status}); the page may need a login.`);
  }
  return new RingkasError('fetch_failed', `The site answered with an error (HTTP ${status}), so Ringkas could not read the page.`);
}

export function toFetchError(err: unknown, signal: AbortSignal, timeoutMs: number): RingkasError {
  const found = findRingkasError(err);
  if (found) return found;
  if (signal.aborted) {
    return new RingkasError('fetch_failed', `That page took longer than ${Math.round(timeoutMs / 100) / 10} seconds to load, so Ringkas gave up.`, { cause: err });
  }
  const code = (err as { code?: string } | null)?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new RingkasError('fetch_failed', 'That site’s name could not be found; check the link.', { cause: err });
  }
  if (code.startsWith('Z_') || code.startsWith('ERR__')) {
    return new RingkasError('fetch_failed', 'That page arrived garbled, so Ringkas could not read it.', { cause: err });
  }
  return new RingkasError('fetch_failed', 'Ringkas could not reach that site; check the link and try again.', { cause: err });
}

/** Refusals raised inside the connector reach us wrapped; find the original. */
function findRingkasError(err: unknown): RingkasError | null {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isRingkasError(e)) return e;
  }
  return null;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${Math.round(n / 100_000) / 10} MB` : `${Math.round(n / 1000)} kB`;
}
