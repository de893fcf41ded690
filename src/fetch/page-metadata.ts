// Article metadata a news page declares about itself: JSON-LD NewsArticle first
// (most precise), then og:/article: meta tags, then plain HTML (<title>, <h1>,
// <time>). Everything here is read from the page before Readability mutates it.
import { absoluteHttpUrl } from './absolute-url.js';
import type { DomDocument, DomElement } from './dom-shape.js';
import { stripSiteSuffix as stripTitleSuffix } from '../ingest/site-suffix.js';

export interface PageMetadata {
  title?: string;
  source?: string;
  /** yyyy-mm-dd as the page states it (the page's own time zone). */
  publishedDate?: string;
  canonicalUrl?: string;
}


const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|WebPage)$/;

export function readPageMetadata(doc: DomDocument, pageUrl: string | undefined): PageMetadata {
  const ld = readJsonLd(doc);
  const meta = (...keys: string[]) => firstMeta(doc, keys);
  const title =
    ld.headline ??
    meta('og:title', 'twitter:title') ??
    textOf(doc.querySelector('article h1')) ??
    stripSiteSuffix(textOf(doc.querySelector('title'))) ??
    textOf(doc.querySelector('h1'));
  const source = ld.publisher ?? meta('og:site_name', 'application-name', 'publisher') ?? hostLabel(pageUrl);
  const published =
    ld.datePublished ??
    meta('article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'parsely-pub-date') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  const canonical = absoluteHttpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? meta('og:url'), pageUrl);
  const publishedDate = toIsoDate(published);
  return {
    ...(title ? { title: tidy(title) } : {}),
    ...(source ? { source: tidy(source) } : {}),
    ...(publishedDate ? { publishedDate } : {}),
    ...(canonical ? { canonicalUrl: canonical } : {}),
  };
}

interface LdFacts {
  headline?: string;
  datePublished?: string;
  publisher?: string;
}

function readJsonLd(doc: DomDocument): LdFacts {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; the meta tags still apply.
    }
    const article = findArticleNode(data, 0);
    if (!article) continue;
    const publisher = article['publisher'] as { name?: unknown } | { name?: unknown }[] | undefined;
    const publisherName = Array.isArray(publisher) ? publisher[0]?.name : publisher?.name;
    return {
      ...(typeof article['headline'] === 'string' ? { headline: article['headline'] } : {}),
      ...(typeof article['datePublished'] === 'string' ? { datePublished: article['datePublished'] } : {}),
      ...(typeof publisherName === 'string' ? { publisher: publisherName } : {}),
    };
  }
  return {};
}

function findArticleNode(data: unknown, depth: number): Record<string, unknown> | null {
  if (depth > 4 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticleNode(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const node = data as Record<string, unknown>;
  const types = ([] as unknown[]).concat(node['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t) && t !== 'WebPage') && node['headline']) return node;
  return findArticleNode(node['@graph'], depth + 1) ?? findArticleNode(node['mainEntity'], depth + 1);
}

function firstMeta(doc: DomDocument, keys: string[]): string | undefined {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const value = doc.querySelector(`meta[${attr}="${key}"]`)?.getAttribute('content')?.trim();
      if (value) return value;
    }
  }
  return undefined;
}

function textOf(el: DomElement | null | undefined): string | undefined {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** "Headline | Site" / "Headline - Site": keep the headline (only the last separator counts). */
/** Page titles carry the site's name; the one stripper lives with the text cleaner. */
export function stripSiteSuffix(title: string | undefined): string | undefined {
  return title ? stripTitleSuffix(title) : undefined;
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function hostLabel(pageUrl: string | undefined): string | undefined {
  if (!pageUrl) return undefined;
  try {
    return new URL(pageUrl).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** "2024-03-05T09:30:00+07:00" → "2024-03-05" (the date as the page wrote it). */
export function toIsoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

