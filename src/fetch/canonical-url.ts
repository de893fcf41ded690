// The de-duplication key for a link: the same article shared with tracking
// parameters, a fragment, "www.", a default port or a shuffled query must map to
// one key. The engine compares keys before and after fetching.
import { RingkasError } from '../errors.js';

/** Query parameters that only track the click; they never select different content. */
const TRACKING_EXACT = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mc_cid', 'mc_eid', 'mkt_tok', '_ga', '_gl', '_hsenc', '_hsmi', 'vero_id', 'oly_enc_id', 'oly_anon_id',
  'ref', 'ref_src', 'ref_url', 'cmpid', 'ocid', 'spm', 's_cid', 'ito', 'wt.mc_id', 'amp',
]);
const TRACKING_PREFIX = ['utm_', 'pk_', 'mtm_', 'piwik_', 'hsa_'];

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_EXACT.has(key) || TRACKING_PREFIX.some((p) => key.startsWith(p));
}

/**
 * Normalises a link for de-duplication: lower-case scheme and host without
 * "www.", no default port, no credentials, no fragment, no tracking parameters,
 * the rest sorted, no trailing slash (except the root). Throws bad_input for
 * anything that is not an http(s) URL.
 */
export function canonicalizeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new RingkasError('bad_input', 'That does not look like a web address; it should start with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RingkasError('bad_input', 'Only http and https links can be added.');
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.replace(/\.+$/, '').replace(/^www\./, '');
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/** The link as fetched, minus tracking parameters and fragment, otherwise untouched: what a card shows. */
export function cleanLink(input: string): string {
  const url = new URL(input);
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (isTrackingParam(name)) url.searchParams.delete(name);
  return url.href;
}
