// A site page names its feeds with <link rel="alternate" type="application/rss+xml" href="…">.
// The admin may paste the page; Ringkas follows the first feed it names and says so.
const FEED_TYPES = /^application\/(rss\+xml|atom\+xml|feed\+json|rdf\+xml|json)$/i;

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4] ?? '').trim() : null;
}

/** Feed URLs a page's <head> names, absolute, in page order. */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.slice(0, 500_000).matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const type = attr(tag, 'type') ?? '';
    const href = attr(tag, 'href');
    if (!rel.includes('alternate') || !FEED_TYPES.test(type) || !href) continue;
    try {
      const url = new URL(href.replace(/&amp;/g, '&'), pageUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      /* a broken href names no feed */
    }
  }
  return found;
}
