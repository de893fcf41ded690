// The one site-suffix stripper: page titles often carry the site's name
// ("Harga Naik - Kompas.com", "Japan to train technicians | Asia Wire"). Used
// for fetched page titles and for the headline line of pasted text.

// The last " - Site", " | Site" or " — Site" part, when enough headline stands before it.
const SUFFIX = /^(.*\S)\s+[|\-–—]\s+[^|–—]+$/u;
const MIN_HEADLINE = 15;
// A site's name is a domain, or a few capitalised words ("Asia Wire"); "- minister" ends a headline.
const SITE_NAME = /^(?:[\p{L}\d-]+(?:\.[a-z]{2,6}){1,2}|(?:[\p{Lu}\d][\p{L}\d.&'’-]*)(?:\s+[\p{Lu}\d][\p{L}\d.&'’-]*){0,3})$/u;

export function stripSiteSuffix(title: string): string {
  const m = SUFFIX.exec(title);
  const head = m?.[1] ?? '';
  const tail = m ? title.slice(head.length).replace(/^\s+[|\-–—]\s+/u, '') : '';
  if (!m || head.length < MIN_HEADLINE || !SITE_NAME.test(tail)) return title;
  return head;
}
