// Page furniture that is never article text: navigation, share bars, "Baca juga"
// boxes, ads, newsletter prompts. Removed before Readability scores the page, and
// single clutter lines dropped after. The text-level cleaner in src/ingest/ runs
// afterwards as well; this pass handles what only the DOM shows.
import { isFurnitureLine } from '../ingest/clutter-rules.js';
import { isDateStamp } from '../ingest/date-stamps.js';
import type { DomDocument, DomElement } from './dom-shape.js';

const FURNITURE_TAGS = 'script, style, noscript, template, iframe, form, button, nav, aside, footer, svg, [role="navigation"], [role="complementary"], [hidden]';

/** Class or id words that mark furniture, in English and Indonesian. */
const FURNITURE_NAME =
  /(^|[\s_-])(baca-?juga|bacajuga|read-?also|related|terkait|rekomendasi|recommended|advert\w*|ads?|ad-slot|iklan|promo|newsletter|subscribe|share|sharing|social|socmed|comments?|komentar|breadcrumbs?|tags?|topik|popular|terpopuler|trending|most-read|sidebar|widget|banner|sponsor\w*|outbrain|taboola|cookies?|consent|paywall|modal|popup)($|[\s_-])/i;

/**
 * Single lines of page furniture (related links, ads, share rows, credits, date
 * stamps). The rules are the text cleaner's (src/ingest/clutter-rules.ts), so
 * fetched pages and pasted text are cleaned by one rule set.
 */
export function isClutterLine(line: string): boolean {
  return isFurnitureLine(line) || isDateStamp(line);
}

export function removePageFurniture(doc: DomDocument): void {
  for (const el of Array.from(doc.querySelectorAll(FURNITURE_TAGS))) el.remove();
  const bodyLength = (doc.body?.textContent ?? '').length;
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    if (!isFurnitureName(el) || isArticleContainer(el, bodyLength)) continue;
    el.remove();
  }
}

function isFurnitureName(el: DomElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return FURNITURE_NAME.test(names);
}

/** Never drop a wrapper that holds the article itself (e.g. <div class="post has-share-bar">). */
function isArticleContainer(el: DomElement, bodyLength: number): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') return true;
  if (el.querySelector('article, main, h1')) return true;
  return (el.textContent ?? '').length > bodyLength * 0.4;
}
