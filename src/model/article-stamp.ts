// Who a derived-data row was read from: a stamp of the fields derived data
// reads besides the body (the fingerprint covers that). A start compares it
// with every stored article; the lowdb store's records cache keeps each
// article's stamp beside its record (computed from that very record), so an
// article loaded from the cache has its stamp without hashing its text again.
import type { StoredArticle } from './article.js';

/** Bump when articleStamp changes: stamps kept under another version are not used. */
export const ARTICLE_STAMP_VERSION = 1;

/** Stamps known for these very objects (loaded with them from the records cache). */
const known = new WeakMap<StoredArticle, number>();

/** Records the stamp of `a`, computed by articleStamp (this version) from a record with the same content. */
export function rememberStamp(a: StoredArticle, stamp: number): void {
  known.set(a, stamp);
}

/** FNV-1a of `text` continued from `h`, then a separator. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193);
}

/** Who a row was read from: FNV-1a over the fields derived data reads besides the body (the fingerprint covers that). */
export function articleStamp(a: StoredArticle): number {
  const stamp = known.get(a);
  if (stamp !== undefined) return stamp;
  let h = 0x811c9dc5;
  for (const text of [a.addedAt, a.title, a.language, a.eventDate ?? '', a.publishedDate ?? '']) h = fnv(h, text);
  for (const list of [a.topics, a.keyPoints]) {
    for (const text of list) h = fnv(h, text);
    h = fnv(h, '');
  }
  for (const e of a.entities) h = fnv(fnv(h, e.name), e.expansion ?? '');
  return h >>> 0;
}
