// Downloads one feed document with a conditional GET (ETag / Last-Modified),
// through the same guarded connections, size cap and deadline as `/brief add`.
// Answers say what the poller needs to decide: not modified, a body (and whether
// every redirect on the way was permanent), or a failure that is permanent (stop
// asking) or temporary (ask again later, no sooner than Retry-After).
import { request, type Dispatcher } from 'undici';
import type { FetchConfig } from '../config.js';
import type { PrivateHostAllowList } from '../fetch/address-policy.js';
import { parseFetchableUrl, readCapped, toFetchError } from '../fetch/fetch-page.js';
import { isRingkasError } from '../errors.js';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FeedResponse =
  | { status: 'not_modified'; url: string }
  | {
      status: 'ok';
      /** Where the body came from, after redirects. */
      url: string;
      /** The final URL when every redirect was permanent (301/308): the feed has moved. */
      movedTo: string | null;
      contentType: string;
      body: string;
      validators: Validators;
    };

export class FeedFetchError extends Error {
  constructor(
    readonly permanent: boolean,
    /** Short reason for `/brief feeds`. */
    readonly reason: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(reason);
    this.name = 'FeedFetchError';
  }
}

export interface FeedFetchDeps {
  dispatcher: Dispatcher;
  allow: PrivateHostAllowList;
  config: FetchConfig;
  maxBytes: number;
  now: () => Date;
}

const PERMANENT_REDIRECTS = new Set([301, 308]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1';

export async function fetchFeed(input: string, validators: Validators, deps: FeedFetchDeps): Promise<FeedResponse> {
  let url = toUrl(input, deps.allow);
  let allPermanent = true;
  const signal = AbortSignal.timeout(deps.config.timeoutMs);
  const headers: Record<string, string> = {
    'user-agent': 'Mozilla/5.0 (compatible; Ringkas/0.1; feed reader)',
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    for (let hop = 0; ; hop++) {
      const res = await request(url, { method: 'GET', headers, dispatcher: deps.dispatcher, signal });
      if (REDIRECTS.has(res.statusCode)) {
        await res.body.dump().catch(() => undefined);
        if (hop >= deps.config.maxRedirects) throw new FeedFetchError(true, `redirects more than ${deps.config.maxRedirects} times`);
        allPermanent &&= PERMANENT_REDIRECTS.has(res.statusCode);
        const location = one(res.headers.location);
        if (!location) throw new FeedFetchError(false, `HTTP ${res.statusCode} without a Location`);
        url = toUrl(new URL(location, url).href, deps.allow);
        continue;
      }
      if (res.statusCode === 304) {
        await res.body.dump().catch(() => undefined);
        return { status: 'not_modified', url: url.href };
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump().catch(() => undefined);
        throw statusError(res.statusCode, one(res.headers['retry-after']), deps.now());
      }
      const bytes = await readCapped(res, deps.maxBytes);
      const contentType = one(res.headers['content-type']) ?? '';
      return {
        status: 'ok',
        url: url.href,
        movedTo: hop > 0 && allPermanent ? url.href : null,
        contentType,
        body: decode(bytes, contentType),
        validators: { etag: one(res.headers.etag) ?? null, lastModified: one(res.headers['last-modified']) ?? null },
      };
    }
  } catch (err) {
    if (err instanceof FeedFetchError) throw err;
    const e = toFetchError(err, signal, deps.config.timeoutMs);
    // A refused address will not become public by waiting; anything else may recover.
    throw new FeedFetchError(e.code === 'fetch_refused' || e.code === 'bad_input', e.message.replace(/\.$/, ''));
  }
}

function toUrl(input: string, allow: PrivateHostAllowList): URL {
  try {
    return parseFetchableUrl(input, allow);
  } catch (e) {
    throw new FeedFetchError(true, isRingkasError(e) ? e.message.replace(/\.$/, '') : 'not a web address');
  }
}

function statusError(status: number, retryAfter: string | undefined, now: Date): FeedFetchError {
  if (status === 404 || status === 410) return new FeedFetchError(true, `HTTP ${status}: the feed is gone`);
  const wait = retryAfterMs(retryAfter, now);
  if (status === 429) return new FeedFetchError(false, 'HTTP 429: the site asks to slow down', wait);
  if (status === 401 || status === 403) return new FeedFetchError(true, `HTTP ${status}: the site refuses access`);
  return new FeedFetchError(false, `HTTP ${status}`, wait);
}

/** Retry-After is either seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function decode(bytes: Buffer, contentType: string): string {
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  const xmlDeclared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  const charset = declared ?? xmlDeclared ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
