// Whether to take a page's <link rel=canonical> as its de-duplication key. A
// canonical decides which stored article a later link is "already" — so a page
// that could name any URL could take over the duplicate check for a real article
// (it would then never be fetched). Trusted: the same site, or an AMP cache
// serving a copy of the site the canonical names. Sites are compared by
// registrable domain from the public suffix list (tldts), so example.co.id,
// alice.blogspot.com and bob.blogspot.com are told apart correctly.
import { getDomain } from 'tldts';

/** AMP caches that serve a copy of `<origin>` at `<encoded origin>.<cache>`. */
const AMP_CACHES = ['cdn.ampproject.org', 'bing-amp.com'];

/** The site a host belongs to: its registrable domain, or the host itself (IPs, localhost). */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/\.+$/, '');
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/**
 * The origin host an AMP cache host serves, or null: "news-example-org.cdn.ampproject.org"
 * → "news.example.org" (the cache writes "-" as "--" and "." as "-"). Hashed labels
 * (long or international names) do not decode and are not trusted.
 */
export function ampCacheOrigin(host: string): string | null {
  const h = host.toLowerCase();
  const cache = AMP_CACHES.find((c) => h.endsWith(`.${c}`));
  if (!cache) return null;
  const label = h.slice(0, -(cache.length + 1));
  if (label.includes('.') || !/^[a-z0-9-]+$/.test(label)) return null;
  const origin = label.replace(/--/g, '\0').replace(/-/g, '.').replace(/\0/g, '-');
  return getDomain(origin) ? origin : null;
}

/**
 * The canonical URL when it may stand for the page, else undefined. Home pages are
 * never trusted (some sites point every page at "/", which would merge everything).
 */
export function trustedCanonical(canonical: string | undefined, pageUrl: string): string | undefined {
  if (!canonical) return undefined;
  const c = new URL(canonical);
  if (c.pathname === '/' || c.pathname === '') return undefined;
  const page = new URL(pageUrl);
  const pageSite = siteOf(ampCacheOrigin(page.hostname) ?? page.hostname);
  return siteOf(c.hostname) === pageSite ? canonical : undefined;
}
