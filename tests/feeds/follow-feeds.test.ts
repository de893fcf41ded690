// Following feeds through the real engine, store and safe fetcher, against a
// loopback site (127.0.0.1 opened by the private-host switch, as in the fetch tests).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { CommandContext } from '../../src/model/actor.js';
import { userCtx, type TempEngine } from '../support/temp-engine.js';
import { atom, jsonFeed, newsSitemap, rss } from './feed-fixtures.js';
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

const run = (cmd: string, ctx?: CommandContext) => w.run(cmd, ctx);
const idOf = feedIdOf;
const feedArticles = (id: string) => t.engine.probe().articles().filter((a) => a.addedBy === `feed:${id}`);

describe('following an RSS feed', () => {
  it('adds only the on-topic items, in both languages, and skips the rest with a count', async () => {
    const items = site.articles('/rss', { en: 2, id: 2, off: 2 });
    site.serveFeed('/rss.xml', () => rss(site.origin, items));
    const added = await run(`feed add ${site.origin}/rss.xml every 6h`);
    expect(added).toContain('Now following "Contoh Energi"');
    expect(added).toContain('6 items in the feed');
    const id = idOf(added);

    const check = await run(`feed check ${id}`);
    expect(check).toContain('6 new items, 4 added, 0 already known, 2 skipped as off-topic');
    expect(check).toContain('Vietnam and Korea');
    const stored = feedArticles(id);
    expect(stored.map((a) => a.language).sort()).toEqual(['en', 'en', 'id', 'id']);

    // Nothing changed: a conditional request, a 304, nothing re-added.
    const again = await run(`feed check ${id}`);
    expect(again).toContain('nothing changed');
    expect(again).toContain('Last skipped as off-topic: "Vietnam and Korea');
    expect(site.conditional).toContain('/rss.xml');
    expect(feedArticles(id)).toHaveLength(4);

    const list = await run('feeds');
    expect(list).toContain(`${id} · Contoh Energi — ok; every 6h`);
    expect(list).toContain('last 7 days: 4 added, 2 skipped as off-topic');
  });

  it('follows Atom, JSON Feed and a bilingual news sitemap the same way', async () => {
    const a = site.articles('/atom', { en: 1, off: 1 });
    site.serveFeed('/atom.xml', () => atom(site.origin, a), 'application/atom+xml');
    const j = site.articles('/json', { id: 1, off: 1 });
    site.serveFeed('/feed.json', () => jsonFeed(site.origin, j), 'application/feed+json');
    const s = site.articles('/news', { en: 1, id: 1, off: 1 });
    site.serveFeed('/news-sitemap.xml', () => newsSitemap(site.origin, s), 'application/xml');
    for (const [path, expected] of [['/atom.xml', 1], ['/feed.json', 1], ['/news-sitemap.xml', 2]] as const) {
      const id = idOf(await run(`feed add ${site.origin}${path}`));
      expect(await run(`feed check ${id}`)).toContain(`${expected} added`);
      expect(feedArticles(id)).toHaveLength(expected);
    }
  });

  it('"all" takes the off-topic items too', async () => {
    const items = site.articles('/all', { off: 2 });
    site.serveFeed('/all.xml', () => rss(site.origin, items, 'Semua'));
    const id = idOf(await run(`feed add ${site.origin}/all.xml all`));
    expect(await run(`feed check ${id}`)).toContain('2 added');
  });

  it('lists sources for everyone, but feed commands are for admins', async () => {
    expect(await run('sources', userCtx)).toContain('Contoh Energi');
    expect(await run(`feed add ${site.origin}/rss.xml`, userCtx)).toContain('only admins');
    expect(await run('feeds', userCtx)).toContain('only admins');
  });
});


describe('the same article from two feeds', () => {
  it('is one entry; the second feed counts it as already known', async () => {
    const items = site.articles('/shared', { en: 1 });
    site.serveFeed('/one.xml', () => rss(site.origin, items, 'One'));
    site.serveFeed('/two.json', () => jsonFeed(site.origin, items, 'Two'), 'application/feed+json');
    const one = idOf(await run(`feed add ${site.origin}/one.xml`));
    const two = idOf(await run(`feed add ${site.origin}/two.json`));
    expect(await run(`feed check ${one}`)).toContain('1 added');
    expect(await run(`feed check ${two}`)).toContain('0 added, 1 already known');
    const all = t.engine.probe().articles().filter((a) => a.canonicalUrl?.endsWith(items[0]!.path));
    expect(all).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('gets one clear sentence and changes nothing', async () => {
    const before = (await t.engine.probe().feeds()).list().length;
    expect(await run('feed')).toMatch(/^Use "\/brief feed add <url>/);
    expect(await run('feed add')).toMatch(/^Give the feed's address/);
    expect(await run('feed add ftp://x.example/feed')).toMatch(/full http\(s\) address/);
    expect(await run(`feed add ${site.origin}/rss.xml every 2h`)).toBe('"every 2h" is not an interval Ringkas offers; use every 30m, 1h, 6h or 1d.');
    expect(await run('feed check')).toMatch(/Give the feed's id/);
    expect(await run('feed pause fdeadbeef')).toBe('No followed feed has the id "fdeadbeef". "/brief feeds" lists them.');
    expect(await run(`feed add ${site.origin}/missing.xml`)).toBe('Ringkas could not read that address: HTTP 404: the feed is gone.');
    expect((await t.engine.probe().feeds()).list().length).toBe(before);
  });
});
