// A downloaded document -> the items of a feed. feedsmith reads RSS 0.9x/2.0,
// Atom, RDF and JSON Feed; fast-xml-parser reads sitemaps and news sitemaps (see
// docs/decisions/015-feeds.md). What this adds: one item shape, links resolved
// against xml:base or the feed's own address, plain-text titles, and refusals
// that say what the document was instead (an HTML page, entity declarations,
// broken XML), so a feed that changed into something else is reported, not parsed.
import { absoluteHttpUrl } from '../fetch/absolute-url.js';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { normaliseInline } from '../ingest/normalize-text.js';

export interface FeedItem {
  /** Stable identity: guid / id, else the link, else the title. */
  key: string;
  link: string | null;
  title: string;
  /** Plain-text description or summary, when the feed gives one. */
  summary: string;
  /** ISO instant, when the feed dates the item. */
  published: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json' | 'sitemap';
  title: string;
  items: FeedItem[];
}

/** Why a document is not a feed; `html` means it is a web page (maybe one that names a feed). */
export class NotAFeedError extends Error {
  constructor(
    readonly kind: 'html' | 'entities' | 'malformed' | 'unknown' | 'sitemap_index',
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'NotAFeedError';
  }
}

export function parseFeedDocument(body: string, url: string, contentType = ''): ParsedFeed {
  const head = body.slice(0, 2048).trimStart().replace(/^\uFEFF/, '');
  // No legitimate feed declares entities; refusing them outright stops entity
  // expansion (billion laughs) and external entities whatever the parser does.
  if (/<!DOCTYPE[^>]*\[/i.test(head) || /<!ENTITY/i.test(body.slice(0, 65_536))) {
    throw new NotAFeedError('entities', 'the document declares XML entities, which Ringkas refuses');
  }
  if (/^<!doctype html|^<html[\s>]/i.test(head) || (/text\/html/i.test(contentType) && !head.startsWith('<?xml'))) {
    throw new NotAFeedError('html', 'it is a web page, not a feed');
  }
  if (/<(urlset|sitemapindex)[\s>]/i.test(head)) return parseSitemap(body, url);
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(head.startsWith('{') ? JSON.parse(body) : body);
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (/unrecognized/i.test(message)) throw new NotAFeedError('unknown', 'it is not an RSS, Atom, RDF or JSON feed');
    throw new NotAFeedError('malformed', 'the feed is not well-formed XML or JSON');
  }
  const items = mapItems(parsed, url);
  const title = plain(textOf(parsed.feed.title) ?? '') || new URL(url).hostname;
  return { format: parsed.format, title, items };
}

type AnyFeed = ReturnType<typeof parseFeed>;
type Loose = Record<string, unknown>;

function mapItems(parsed: AnyFeed, url: string): FeedItem[] {
  const feed = parsed.feed as unknown as Loose;
  const base = absolute(textOf((feed.xml as Loose | undefined)?.base), url) ?? url;
  const list = (parsed.format === 'atom' ? feed.entries : feed.items) as Loose[] | undefined;
  const out: FeedItem[] = [];
  for (const raw of list ?? []) {
    const item = toItem(parsed.format, raw, base);
    if (item) out.push(item);
  }
  return out;
}

function toItem(format: AnyFeed['format'], it: Loose, base: string): FeedItem | null {
  let link: string | null = null;
  let id: string | null = null;
  let published: string | null = null;
  let summary = '';
  if (format === 'atom') {
    const links = (it.links as Loose[] | undefined) ?? [];
    const alt = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
    const itemBase = absolute(textOf((it.xml as Loose | undefined)?.base), base) ?? base;
    link = absolute(textOf(alt?.href), itemBase);
    id = textOf(it.id);
    published = textOf(it.published) ?? textOf(it.updated);
    summary = textOf(it.summary) ?? textOf(it.content) ?? '';
  } else if (format === 'json') {
    link = absolute(textOf(it.url) ?? textOf(it.external_url), base);
    id = textOf(it.id);
    published = textOf(it.date_published) ?? textOf(it.date_modified);
    summary = textOf(it.summary) ?? textOf(it.content_text) ?? textOf(it.content_html) ?? '';
  } else {
    const guid = it.guid as Loose | undefined;
    id = textOf(guid?.value) ?? textOf(guid);
    link = absolute(textOf(it.link), base);
    // <guid> is the article's address unless isPermaLink="false".
    if (!link && id && guid?.isPermaLink !== false) link = absolute(id, base);
    const dc = it.dc as Loose | undefined;
    published = textOf(it.pubDate) ?? textOf((dc?.dates as unknown[] | undefined)?.[0]) ?? textOf(dc?.date);
    summary = textOf(it.description) ?? textOf((it.content as Loose | undefined)?.encoded) ?? '';
  }
  const title = plain(textOf(it.title) ?? '');
  const key = id ?? link ?? (title ? `title:${title}` : null);
  if (!key) return null;
  return { key, link, title, summary: plain(summary).slice(0, 1000), published: toInstant(published) };
}

function parseSitemap(body: string, url: string): ParsedFeed {
  let doc: Loose;
  try {
    doc = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, processEntities: false, isArray: (name) => name === 'url' || name === 'sitemap' }).parse(body, true) as Loose;
  } catch {
    throw new NotAFeedError('malformed', 'the sitemap is not well-formed XML');
  }
  if (doc.sitemapindex) {
    const first = ((doc.sitemapindex as Loose).sitemap as Loose[] | undefined)?.[0];
    throw new NotAFeedError('sitemap_index', `it is a sitemap index; follow one of its sitemaps instead${first ? `, e.g. ${textOf(first.loc)}` : ''}`);
  }
  const urls = ((doc.urlset as Loose | undefined)?.url as Loose[] | undefined) ?? [];
  const items: FeedItem[] = [];
  for (const u of urls) {
    const link = absolute(textOf(u.loc), url);
    if (!link) continue;
    const news = u.news as Loose | undefined;
    items.push({
      key: link,
      link,
      title: plain(textOf(news?.title) ?? ''),
      summary: '',
      published: toInstant(textOf(news?.publication_date) ?? textOf(u.lastmod)),
    });
  }
  return { format: 'sitemap', title: new URL(url).hostname, items };
}

/** Feeds give text as a string, a number, or an object with a value (Atom text constructs, guids). */
function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && 'value' in v) return textOf((v as Loose).value);
  return null;
}

/** Plain text from a title or description that may hold (escaped) HTML. */
export function plain(text: string): string {
  const noTags = (s: string) => s.replace(/<[^>]*>/g, ' ');
  return normaliseInline(noTags(normaliseInline(noTags(text))));
}

const absolute = (href: string | null | undefined, base: string): string | null => absoluteHttpUrl(href, base) ?? null;

function toInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
