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
