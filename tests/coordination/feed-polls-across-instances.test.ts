// Two engines on one PostgreSQL database poll followed feeds at the same time: each
// feed is fetched by one instance per due time (the loopback site counts requests),
// and a feed whose poller died is polled again once the claim's lease has run out.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { CLAIM_LEASE_MS } from '../../src/coordination/held-claim.js';
import { adminCtx, createTempEngine, type TempEngine } from '../support/temp-engine.js';
import { freshDatabaseUrl } from '../support/postgres-database.js';
import { waitUntil } from '../support/wait-until.js';
import { FEED_TEST_ENV, feedIdOf, replyText } from '../feeds/feed-engine.js';
import { rss } from '../feeds/feed-fixtures.js';
import { startFeedSite, type FeedSite } from '../feeds/feed-server.js';

const MINUTE = 60_000;
const clock = fixedClock('2026-11-30T06:00:00Z');
let site: FeedSite;
let engines: TempEngine[];

beforeAll(async () => {
  site = await startFeedSite();
  const env = { ...FEED_TEST_ENV, RINGKAS_DATABASE_URL: await freshDatabaseUrl() };
  engines = [await createTempEngine(env, { clock }), await createTempEngine(env, { clock })];
});
afterAll(async () => {
  for (const e of engines) {
    await (await e.engine.probe().feeds()).idle();
    await e.cleanup();
  }
  await site.close();
});

describe('feed polls across instances on one database', () => {
  it('each due time of each feed is polled by one instance', async () => {
    const paths = Array.from({ length: 6 }, (_, i) => `/many${i}`);
    const ids: string[] = [];
    for (const p of paths) {
      const items = site.articles(p, { en: 1 });
      site.serveFeed(`${p}.xml`, () => rss(site.origin, items, `Feed ${p}`));
      ids.push(feedIdOf(replyText(await engines[0]!.engine.run(`feed add ${site.origin}${p}.xml every 30m`, adminCtx))));
    }
    const services = await Promise.all(engines.map((e) => e.engine.probe().feeds()));
    await waitUntil(() => ids.every((id) => services[1]!.list().some((f) => f.id === id)), 'the second instance to see the feeds');
    const hits = (p: string) => site.hits.filter((h) => h === `${p}.xml`).length;
    const before = paths.map(hits);
    for (let round = 1; round <= 3; round++) {
      const polled = await Promise.all(services.map((s) => s.pollDue()));
      expect(polled[0]! + polled[1]!).toBe(paths.length);
      paths.forEach((p, i) => expect(hits(p), p).toBe(before[i]! + round));
      // Both instances see the next due time before the clock reaches it.
      await waitUntil(() => services.every((s) => s.list().filter((f) => ids.includes(f.id)).every((f) => Date.parse(f.nextCheckAt) > clock.now().getTime())), 'the next due times');
      clock.advance(34 * MINUTE);
    }
  });

  it('a feed whose poller died is polled by the other instance after the lease', async () => {
    const items = site.articles('/dies', { en: 1 });
    // The first poll's request never gets an answer (the instance that sent it is gone).
    let answered = 0;
    const stuck: http.ServerResponse[] = [];
    site.route('/dies.xml', (_req, res) => {
      if (answered++ === 1) {
        stuck.push(res);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss(site.origin, items, 'Dies'));
    });
    const id = feedIdOf(replyText(await engines[0]!.engine.run(`feed add ${site.origin}/dies.xml every 1h`, adminCtx)));
    const [a, b] = await Promise.all(engines.map((e) => e.engine.probe().feeds()));
    await waitUntil(() => b!.list().some((f) => f.id === id), 'the second instance to see the feed');
    clock.advance(MINUTE);
    const dying = a!.pollDue();
    await waitUntil(() => stuck.length === 1, 'the first poll to reach the site');
    // Counted at the site: the first test's feeds may be due again meanwhile.
    const dies = () => site.hits.filter((h) => h === '/dies.xml').length;
    clock.advance(CLAIM_LEASE_MS - 1000);
    await b!.pollDue();
    expect(dies()).toBe(2);
    clock.advance(1000);
    await b!.pollDue();
    expect(dies()).toBe(3);
    stuck[0]!.destroy();
    await dying.catch(() => undefined);
  });
});
