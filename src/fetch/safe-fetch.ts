// The ArticleFetcher the engine uses for `/brief add <url>`: a guarded download
// (see fetch-page.ts and guarded-agent.ts) followed by article extraction. It
// never reaches loopback, private or metadata addresses unless the operator
// listed them in RINGKAS_FETCH_ALLOW_PRIVATE_HOSTS.
import { RingkasError } from '../errors.js';
import type { FetchConfig } from '../config.js';
import { silentLogger, type Logger } from '../logger.js';
import type { ArticleFetcher, FetchedArticle } from './article-fetcher.js';
import { PrivateHostAllowList } from './address-policy.js';
import { canonicalizeUrl, cleanLink } from './canonical-url.js';
import { extractArticle } from './extract-article.js';
import { fetchPage, type FetchedPage } from './fetch-page.js';
import { hasProxy } from '../net/proxy-dispatcher.js';
import { createGuardedAgent, systemResolver, vetHostBeforeProxy, type Resolver } from './guarded-agent.js';
import { trustedCanonical } from './trusted-canonical.js';

export { canonicalizeUrl } from './canonical-url.js';

export interface SafeFetchOptions {
  /** Host name resolution; tests inject a fake so no real DNS is needed. */
  resolve?: Resolver;
}

export function createSafeFetcher(config: FetchConfig, logger: Logger = silentLogger, options: SafeFetchOptions = {}): ArticleFetcher {
  const allow = new PrivateHostAllowList(config.allowPrivateHosts);
  if (!allow.isEmpty) logger.warn({ event: 'fetch_private_hosts_allowed', hosts: config.allowPrivateHosts }, 'private hosts allowed for fetching');
  const resolve = options.resolve ?? systemResolver;
  const dispatcher = createGuardedAgent({ resolve, allow, connectTimeoutMs: config.timeoutMs, ...(config.proxy ? { proxy: config.proxy } : {}) });
  const beforeEachHop = hasProxy(config.proxy) ? (hop: URL) => vetHostBeforeProxy(hop, resolve, allow) : undefined;
  return async (url: string): Promise<FetchedArticle> => {
    const started = Date.now();
    const host = safeHost(url);
    try {
      const page = await fetchPage(url, { dispatcher, allow, config, ...(beforeEachHop ? { beforeEachHop } : {}) });
      const article = toFetchedArticle(page);
      logger.info({ event: 'fetch_ok', host, ms: Date.now() - started, chars: article.text.length }, 'page fetched');
      return article;
    } catch (err) {
      const code = err instanceof RingkasError ? err.code : 'internal';
      logger.warn({ event: 'fetch_refused_or_failed', host, code, ms: Date.now() - started }, 'page not fetched');
      throw err;
    }
  };
}

function toFetchedArticle(page: FetchedPage): FetchedArticle {
  const link = cleanLink(page.url);
  if (page.kind === 'text') {
    return { text: page.content, link, canonicalUrl: canonicalizeUrl(page.url), source: new URL(page.url).hostname.replace(/^www\./, '') };
  }
  const extracted = extractArticle(page.content, page.url);
  if (extracted.text.trim().length === 0) {
    throw new RingkasError('fetch_failed', 'Ringkas found no article text on that page.');
  }
  return {
    text: extracted.text,
    link,
    canonicalUrl: canonicalizeUrl(trustedCanonical(extracted.canonicalUrl, page.url) ?? page.url),
    ...(extracted.title ? { title: extracted.title } : {}),
    ...(extracted.source ? { source: extracted.source } : {}),
    ...(extracted.publishedDate ? { publishedDate: extracted.publishedDate } : {}),
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'invalid';
  }
}
