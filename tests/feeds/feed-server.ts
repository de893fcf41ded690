// A loopback site for feed tests: article pages and feeds, each feed answering
// conditional requests (ETag / If-Modified-Since -> 304) and recording what it got.
import type http from 'node:http';
import zlib from 'node:zlib';
import { startPageServer, type PageServer } from '../fetch/page-server.js';
import { articlePage, offTopic, onTopicEnglish, onTopicIndonesian, type FixtureItem } from './feed-fixtures.js';

export interface FeedSite extends PageServer {
  /** Requests that carried If-None-Match or If-Modified-Since, by path. */
  conditional: string[];
  /** Serves a feed body with an ETag and Last-Modified; 304 when the client has it. */
  serveFeed(path: string, body: () => string, contentType?: string, options?: { gzip?: boolean }): void;
  /** Adds article pages and returns their feed items: `on` English + Indonesian on-topic, `off` off-topic. */
  articles(prefix: string, counts: { en?: number; id?: number; off?: number }, startDate?: string): FixtureItem[];
}

export async function startFeedSite(): Promise<FeedSite> {
  const server = await startPageServer();
  const conditional: string[] = [];
  let serial = 0;
  const site: FeedSite = {
    ...server,
    conditional,
    serveFeed(path, body, contentType = 'application/rss+xml; charset=utf-8', options = {}) {
      server.route(path, (req: http.IncomingMessage, res: http.ServerResponse) => {
        const text = body();
        const etag = `"${text.length}-${hash(text)}"`;
        const lastModified = 'Mon, 30 Nov 2026 00:00:00 GMT';
        if (req.headers['if-none-match'] || req.headers['if-modified-since']) conditional.push(path);
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          res.end();
          return;
        }
        const headers: Record<string, string> = { 'content-type': contentType, etag, 'last-modified': lastModified };
        if (options.gzip) {
          res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
          res.end(zlib.gzipSync(text));
          return;
        }
        res.writeHead(200, headers);
        res.end(text);
      });
    },
    articles(prefix, counts, startDate = '2026-11-30T00:00:00Z') {
      const items: FixtureItem[] = [];
      const add = (a: { title: string; paragraphs: string[] }, lang: string) => {
        const n = serial++;
        const path = `${prefix}/${lang}/${n}`;
        server.route(path, (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(articlePage(a, lang));
        });
        items.push({ path, title: a.title, date: new Date(Date.parse(startDate) - items.length * 3_600_000).toISOString() });
      };
      for (let i = 0; i < (counts.en ?? 0); i++) add(onTopicEnglish(serial), 'en');
      for (let i = 0; i < (counts.id ?? 0); i++) add(onTopicIndonesian(serial), 'id');
      for (let i = 0; i < (counts.off ?? 0); i++) add(offTopic(serial), 'en');
      return items;
    },
  };
  return site;
}

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h.toString(16);
}
