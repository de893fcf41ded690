// How polling fails: never silently. Temporary trouble backs off (no sooner than
// Retry-After), permanent trouble pauses the feed with its reason, a moved feed is
// followed and remembered, and one bad item never stops the rest.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { FeedScheduler } from '../../src/feeds/feed-scheduler.js';
import { silentLogger } from '../../src/logger.js';
import type { TempEngine } from '../support/temp-engine.js';
import { redirect } from '../fetch/page-server.js';
import { billionLaughs, rss } from './feed-fixtures.js';
import { feedIdOf, openFeedWorld, type FeedWorld } from './feed-engine.js';
import type { FeedSite } from './feed-server.js';

let w: FeedWorld;
let site: FeedSite;
let t: TempEngine;
const clock = fixedClock('2026-11-30T06:00:00Z');

beforeAll(async () => {
  w = await openFeedWorld(clock);
  ({ site, t } = w);
});
afterAll(() => w.close());

const run = (cmd: string) => w.run(cmd);
const idOf = feedIdOf;
const feed = async (id: string) => (await t.engine.probe().feeds()).get(id);

/** A route whose answer the test switches. */
function switchable(path: string): { set(h: (req: http.IncomingMessage, res: http.ServerResponse) => void): void } {
  let handler: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, res) => res.end();
  site.route(path, (req, res) => handler(req, res));
  return { set: (h) => (handler = h) };
}

async function followed(path: string, items = site.articles(path, { en: 1 })): Promise<{ id: string; route: ReturnType<typeof switchable> }> {
  const route = switchable(`${path}.xml`);
  const body = rss(site.origin, items, `Feed ${path}`);
  route.set((_q, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(body);
  });
  const id = idOf(await run(`feed add ${site.origin}${path}.xml`));
  expect(id).not.toBe('');
  return { id, route };
}

describe('temporary failures', () => {
  it('429 with Retry-After in seconds: failing, next check no sooner than asked', async () => {
    const { id, route } = await followed('/busy');
    route.set((_q, res) => {
      res.writeHead(429, { 'retry-after': '7200' });
      res.end();
    });
    expect(await run(`feed check ${id}`)).toContain('the check failed (HTTP 429');
    const f = await feed(id);
    expect(f.state).toBe('failing');
    expect(f.failingSince).toBe(clock.now().toISOString());
    expect(Date.parse(f.nextCheckAt) - clock.now().getTime()).toBe(7_200_000);
    expect(await run('feeds')).toContain(`failing since 2026-11-30 06:00 UTC: HTTP 429`);
  });

  it('503 with an HTTP-date Retry-After, then exponential back-off, then recovery', async () => {
    const { id, route } = await followed('/down');
    const later = new Date(clock.now().getTime() + 3 * 3_600_000).toUTCString();
    route.set((_q, res) => {
      res.writeHead(503, { 'retry-after': later });
      res.end();
    });
    await run(`feed check ${id}`);
    expect(Date.parse((await feed(id)).nextCheckAt)).toBe(Date.parse(later));
    route.set((_q, res) => {
      res.writeHead(503);
      res.end();
    });
    await run(`feed check ${id}`);
    const second = Date.parse((await feed(id)).nextCheckAt) - clock.now().getTime();
    await run(`feed check ${id}`);
    const third = Date.parse((await feed(id)).nextCheckAt) - clock.now().getTime();
    expect(third).toBe(second * 2);
    expect((await feed(id)).state).toBe('failing');
    const items = site.articles('/down-ok', { en: 1 });
    route.set((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss(site.origin, items));
    });
    await run(`feed check ${id}`);
    expect((await feed(id)).state).toBe('ok');
    expect((await feed(id)).failingSince).toBeNull();
  });
});

describe('permanent failures', () => {
  it('a feed that turns into an HTML page is reported, then paused after repeated failures', async () => {
    const { id, route } = await followed('/became-html');
    route.set((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body><p>We moved our news.</p></body></html>');
    });
    expect(await run(`feed check ${id}`)).toContain('not a feed: it is a web page');
    await run(`feed check ${id}`);
    await run(`feed check ${id}`);
    const f = await feed(id);
    expect(f.state).toBe('paused');
    expect(await run('feeds')).toContain(`paused (paused after 3 failures: not a feed: it is a web page`);
  });

  it('404 and 410 are permanent; malformed XML and a billion-laughs document are refused, not parsed', async () => {
    const cases: [string, (res: http.ServerResponse) => void, string][] = [
      ['/gone', (res) => res.writeHead(410).end(), 'HTTP 410: the feed is gone'],
      ['/broken', (res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>x</title><item><title>a</ite'), 'not well-formed'],
      ['/laughs', (res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(billionLaughs()), 'declares XML entities'],
    ];
    for (const [path, answer, reason] of cases) {
      const { id, route } = await followed(path);
      route.set((_q, res) => answer(res));
      expect(await run(`feed check ${id}`)).toContain(reason);
      expect((await feed(id)).permanentFailures).toBe(1);
    }
    site.route('/laughs-new.xml', (_q, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end(billionLaughs()));
    expect(await run(`feed add ${site.origin}/laughs-new.xml`)).toBe('That is not a feed Ringkas can follow: the document declares XML entities, which Ringkas refuses.');
  });

  it('a paused feed is skipped by the scheduler until resumed', async () => {
    const { id } = await followed('/pausable');
    await run(`feed pause ${id}`);
    const service = await t.engine.probe().feeds();
    const scheduler = new FeedScheduler({ service: async () => service, logger: silentLogger });
    const hits = () => site.hits.filter((h) => h === '/pausable.xml').length;
    const before = hits();
    await scheduler.tick();
    expect(hits()).toBe(before);
    await run(`feed resume ${id}`);
    await scheduler.tick();
    expect(hits()).toBe(before + 1);
    await scheduler.stop();
  });
});

describe('moves, compression and bad items', () => {
  it('a 301 to a new feed URL is followed and remembered', async () => {
    const items = site.articles('/moved', { en: 1 });
    site.serveFeed('/new-home.xml', () => rss(site.origin, items, 'Moved feed'));
    const old = switchable('/old-home.xml');
    old.set((_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(site.origin, items, 'Moved feed')));
    const id = idOf(await run(`feed add ${site.origin}/old-home.xml`));
    old.set(redirect(`${site.origin}/new-home.xml`, 301));
    expect(await run(`feed check ${id}`)).toContain('1 added');
    expect((await feed(id)).url).toBe(`${site.origin}/new-home.xml`);
    const oldHits = site.hits.filter((h) => h === '/old-home.xml').length;
    await run(`feed check ${id}`);
    expect(site.hits.filter((h) => h === '/old-home.xml').length).toBe(oldHits);
  });

  it('reads a gzip body', async () => {
    const items = site.articles('/gz', { id: 1 });
    site.serveFeed('/gz.xml', () => rss(site.origin, items, 'Gzip feed'), 'application/rss+xml', { gzip: true });
    const id = idOf(await run(`feed add ${site.origin}/gz.xml`));
    expect(await run(`feed check ${id}`)).toContain('1 added');
  });

  it('an article the site fails to serve is tried again at the next poll (the feed is re-read, not a 304), a few times at most', async () => {
    const items = site.articles('/flaky', { en: 2 });
    const flaky = items[0]!;
    let answers = 0;
    // The page as the site serves it once it recovers (fetched here on loopback).
    const body = await (await fetch(`${site.origin}${flaky.path}`)).text();
    site.route(flaky.path, (_q, res) => (answers++ === 0 ? res.writeHead(503).end() : res.writeHead(200, { 'content-type': 'text/html' }).end(body)));
    site.serveFeed('/flaky.xml', () => rss(site.origin, items, 'Flaky'));
    const id = idOf(await run(`feed add ${site.origin}/flaky.xml`));
    const first = await run(`feed check ${id}`);
    expect(first).toContain('2 new items, 1 added');
    expect(first).toContain('(will retry)');
    expect(await run(`feed check ${id}`)).toContain('1 new item, 1 added');
    expect(await run(`feed check ${id}`)).toContain('nothing changed');

    const gone = site.articles('/gone-article', { en: 1 });
    site.route(gone[0]!.path, (_q, res) => res.writeHead(503).end());
    site.serveFeed('/gone-article.xml', () => rss(site.origin, gone, 'Gone article'));
    const g = idOf(await run(`feed add ${site.origin}/gone-article.xml`));
    expect(await run(`feed check ${g}`)).toContain('(will retry)');
    expect(await run(`feed check ${g}`)).toContain('(will retry)');
    const last = await run(`feed check ${g}`);
    expect(last).toContain('1 could not be read');
    expect(last).not.toContain('(will retry)');
    expect(await run(`feed check ${g}`)).toContain('nothing changed');
  });

  it('an item pointing at a private address is refused and the feed keeps going', async () => {
    const good = site.articles('/mixed', { en: 1 });
    const items = [{ path: '/x', title: 'Internal', date: '2026-11-30T05:00:00Z' }, ...good];
    const body = rss(site.origin, items, 'Mixed').replace(`<link>/x</link>`, '<link>http://10.0.0.1/admin</link>').replace(`<link>${good[0]!.path}</link>`, `<link>${good[0]!.path}</link>`);
    site.route('/mixed.xml', (_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    const id = idOf(await run(`feed add ${site.origin}/mixed.xml`));
    const check = await run(`feed check ${id}`);
    expect(check).toContain('1 added');
    expect(check).toContain('1 could not be read');
    expect(check).toContain('Internal: That address is inside a private network');
    expect((await feed(id)).state).toBe('ok');
  });
});

describe('big feeds and discovery', () => {
  it('the first poll of a 10,000-item feed takes only the 20 newest', async () => {
    const items = site.articles('/big', { en: 10_000 });
    site.serveFeed('/big.xml', () => rss(site.origin, items, 'Big'));
    const id = idOf(await run(`feed add ${site.origin}/big.xml`));
    const before = site.hits.filter((h) => h.startsWith('/big/')).length;
    expect(await run(`feed check ${id}`)).toContain('20 new items, 20 added');
    const fetched = site.hits.filter((h) => h.startsWith('/big/')).slice(before);
    expect(fetched).toHaveLength(20);
    expect(new Set(fetched)).toEqual(new Set(items.slice(0, 20).map((i) => i.path)));
  });

  it('a site page naming its feed is followed through discovery and the admin is told', async () => {
    const items = site.articles('/disc', { en: 1 });
    site.serveFeed('/disc/feed.xml', () => rss(site.origin, items, 'Discovered'));
    site.route('/disc', (_q, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/disc/feed.xml"></head><body>Home</body></html>'),
    );
    site.route('/nofeed', (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Home</body></html>'));
    const reply = await run(`feed add ${site.origin}/disc`);
    expect(reply).toContain(`Found the feed ${site.origin}/disc/feed.xml on ${site.origin}/disc.`);
    expect(reply).toContain('Now following "Discovered"');
    expect(await run(`feed add ${site.origin}/nofeed`)).toContain('names no feed');
    expect(await run(`feed add ${site.origin}/disc/feed.xml`)).toContain('already followed');
  });
});
