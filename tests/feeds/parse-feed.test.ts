// Feed documents -> items: every format we follow, the usual mess, and refusals.
import { describe, expect, it } from 'vitest';
import { discoverFeedLinks } from '../../src/feeds/discover-feed.js';
import { NotAFeedError, parseFeedDocument } from '../../src/feeds/parse-feed.js';
import { billionLaughs, newsSitemap } from './feed-fixtures.js';

const FEED_URL = 'https://news.example/rss/feed.xml';

function refusal(body: string, contentType = ''): string {
  try {
    parseFeedDocument(body, FEED_URL, contentType);
  } catch (e) {
    if (e instanceof NotAFeedError) return `${e.kind}: ${e.reason}`;
    throw e;
  }
  return 'parsed';
}

describe('parseFeedDocument', () => {
  it('RSS 2.0: CDATA and HTML become plain text, relative links resolve, guid isPermaLink is honoured, missing dates stay null', () => {
    const doc = `<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar &amp; Co</title>
      <item><title><![CDATA[Mobil <b>listrik</b> & baterai]]></title><link>/2026/a</link><guid isPermaLink="false">id-1</guid>
        <description><![CDATA[<p>Isi <i>berita</i></p>]]></description><pubDate>Mon, 30 Nov 2026 08:00:00 +0700</pubDate></item>
      <item><title>Only a guid</title><guid>https://news.example/2026/b</guid></item>
      <item><title>Opaque guid, no link</title><guid isPermaLink="false">tag:x,2026:3</guid></item></channel></rss>`;
    const feed = parseFeedDocument(doc, FEED_URL);
    expect(feed).toMatchObject({ format: 'rss', title: 'Kabar & Co' });
    expect(feed.items).toEqual([
      { key: 'id-1', link: 'https://news.example/2026/a', title: 'Mobil listrik & baterai', summary: 'Isi berita', published: '2026-11-30T01:00:00.000Z' },
      { key: 'https://news.example/2026/b', link: 'https://news.example/2026/b', title: 'Only a guid', summary: '', published: null },
      { key: 'tag:x,2026:3', link: null, title: 'Opaque guid, no link', summary: '', published: null },
    ]);
  });

  it('RSS 0.91, RDF (RSS 1.0) with dc:date, Atom with xml:base and HTML titles, JSON Feed', () => {
    const rss091 = `<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><link>https://old.example/</link><description>d</description><language>en</language><item><title>Old item</title><link>https://old.example/a</link><description>text</description></item></channel></rss>`;
    expect(parseFeedDocument(rss091, FEED_URL).items[0]).toMatchObject({ link: 'https://old.example/a', title: 'Old item' });
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link><description>d</description></channel><item rdf:about="https://rdf.example/1"><title>RDF item</title><link>https://rdf.example/1</link><dc:date>2026-11-29T10:00:00Z</dc:date></item></rdf:RDF>`;
    expect(parseFeedDocument(rdf, FEED_URL)).toMatchObject({ format: 'rdf', items: [{ link: 'https://rdf.example/1', published: '2026-11-29T10:00:00.000Z' }] });
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/"><title>Atom</title><id>urn:a</id><updated>2026-11-30T00:00:00Z</updated><entry><title type="html">A &amp;lt;i&amp;gt;bold&amp;lt;/i&amp;gt; move</title><link rel="alternate" href="post-1"/><id>urn:e1</id><updated>2026-11-30T01:00:00Z</updated></entry></feed>`;
    expect(parseFeedDocument(atom, FEED_URL).items[0]).toMatchObject({ key: 'urn:e1', link: 'https://atom.example/blog/post-1', title: 'A bold move' });
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '7', url: 'https://j.example/7', title: 'J item', content_html: '<p>x</p>' }] });
    expect(parseFeedDocument(json, FEED_URL)).toMatchObject({ format: 'json', items: [{ key: '7', link: 'https://j.example/7', summary: 'x', published: null }] });
  });

  it('news sitemaps in both languages; a sitemap index is explained, not followed', () => {
    const items = [
      { path: '/en/1', title: 'Indonesia & Japan sign', date: '2026-11-30T01:00:00Z' },
      { path: '/id/2', title: 'RI dan Jepang teken', date: null },
    ];
    const feed = parseFeedDocument(newsSitemap('https://n.example', items), 'https://n.example/news-sitemap.xml');
    expect(feed.items).toEqual([
      { key: 'https://n.example/en/1', link: 'https://n.example/en/1', title: 'Indonesia & Japan sign', summary: '', published: '2026-11-30T01:00:00.000Z' },
      { key: 'https://n.example/id/2', link: 'https://n.example/id/2', title: 'RI dan Jepang teken', summary: '', published: null },
    ]);
    const index = `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://n.example/s1.xml</loc></sitemap></sitemapindex>`;
    expect(refusal(index)).toBe('sitemap_index: it is a sitemap index; follow one of its sitemaps instead, e.g. https://n.example/s1.xml');
  });

  it('refuses entity declarations (billion laughs, external entities), HTML pages and broken XML', () => {
    expect(refusal(billionLaughs())).toMatch(/^entities:/);
    expect(refusal('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>')).toMatch(/^entities:/);
    expect(refusal('<!DOCTYPE html><html><body>hi</body></html>')).toBe('html: it is a web page, not a feed');
    expect(refusal('<div>hi</div>', 'text/html; charset=utf-8')).toBe('html: it is a web page, not a feed');
    expect(refusal('<rss version="2.0"><channel><title>x</title><item><title>a</ite')).toBe('malformed: the feed is not well-formed XML or JSON');
    expect(refusal('<note><to>x</to></note>')).toBe('unknown: it is not an RSS, Atom, RDF or JSON feed');
  });

});

describe('discoverFeedLinks', () => {
  it('finds the feeds a page names, absolute, and ignores other alternates', () => {
    const html = `<html><head>
      <link rel="alternate" hreflang="id" href="/id/">
      <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml?a=1&amp;b=2">
      <link type="application/atom+xml" rel="alternate" href='https://cdn.example/atom.xml'>
      <link rel="stylesheet" type="text/css" href="/s.css"></head></html>`;
    expect(discoverFeedLinks(html, 'https://site.example/news/')).toEqual(['https://site.example/feed.xml?a=1&b=2', 'https://cdn.example/atom.xml']);
  });
});
