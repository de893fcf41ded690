// The outbound proxy (HTTP_PROXY / HTTPS_PROXY / NO_PROXY, read once in config.ts) as an undici
// dispatcher, shared by the Slack and Discord clients and the article fetcher. undici's
// EnvHttpProxyAgent gives the usual rules (NO_PROXY host suffixes and ports, "*" for none);
// passing every value explicitly keeps it from reading process.env itself.
import { EnvHttpProxyAgent, fetch as undiciFetch, type Agent, type Dispatcher } from 'undici';
import type { ProxyConfig } from '../config.js';

export function hasProxy(proxy: ProxyConfig | undefined): proxy is ProxyConfig {
  return Boolean(proxy?.httpProxy || proxy?.httpsProxy);
}

/** A dispatcher that goes through the proxy where one applies, or undefined when none is set. */
export function proxyDispatcher(proxy: ProxyConfig | undefined, direct: Agent.Options = {}): Dispatcher | undefined {
  if (!hasProxy(proxy)) return undefined;
  return new EnvHttpProxyAgent({
    ...direct,
    httpProxy: proxy.httpProxy ?? '',
    // Like curl: https traffic uses HTTPS_PROXY, or HTTP_PROXY when only that is set.
    httpsProxy: proxy.httpsProxy ?? proxy.httpProxy ?? '',
    noProxy: proxy.noProxy ?? '',
  });
}

/** A fetch that sends through `dispatcher` (for clients that take a fetch, such as Slack's WebClient). */
export function fetchThrough(dispatcher: Dispatcher): typeof globalThis.fetch {
  return ((input: string | URL, init?: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof globalThis.fetch;
}

/**
 * The proxy a request to `url` goes through, or undefined when it goes direct: the rules of
 * undici's EnvHttpProxyAgent that proxyDispatcher uses (NO_PROXY entries split on commas or
 * spaces, "*" for none, an optional ":port", a leading "." or "*." ignored, sub-domains included).
 * For clients that cannot take the dispatcher and must say so instead of silently going direct.
 */
export function proxyFor(proxy: ProxyConfig | undefined, url: string | URL): string | undefined {
  if (!hasProxy(proxy)) return undefined;
  const target = new URL(url);
  const secure = target.protocol === 'https:' || target.protocol === 'wss:';
  const via = secure ? (proxy.httpsProxy ?? proxy.httpProxy) : proxy.httpProxy;
  if (!via) return undefined;
  const noProxy = proxy.noProxy ?? '';
  if (noProxy.trim() === '*') return undefined;
  const hostname = target.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(target.port, 10) || (secure ? 443 : 80);
  for (const entry of noProxy.split(/[,\s]/).filter(Boolean)) {
    const parsed = /^(.+):(\d+)$/.exec(entry);
    const host = (parsed ? parsed[1]! : entry).replace(/^\*?\./, '').toLowerCase();
    if (parsed && Number.parseInt(parsed[2]!, 10) !== port) continue;
    if (hostname === host || hostname.endsWith(`.${host}`)) return undefined;
  }
  return via;
}
