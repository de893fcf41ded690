// The feed schedule runs on the injected clock: a tick polls only feeds that are due,
// and the next check comes one interval (plus at most 10% jitter) later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { FeedScheduler } from '../../src/feeds/feed-scheduler.js';
import { silentLogger } from '../../src/logger.js';
import { adminCtx, type TempEngine } from '../support/temp-engine.js';
import { rss } from './feed-fixtures.js';
import { openFeedWorld, type FeedWorld } from './feed-engine.js';
import type { FeedSite } from './feed-server.js';

let w: FeedWorld;
let site: FeedSite;
let t: TempEngine;
const clock = fixedClock('2026-11-30T06:00:00Z');

beforeAll(async () => {
  w = await openFeedWorld(clock, { RINGKAS_FEED_FIRST_POLL_ITEMS: '2' });
  ({ site, t } = w);
});
afterAll(() => w.close());

describe('FeedScheduler', () => {
  it('polls due feeds only, by the injected clock, and the first poll takes the configured number of items', async () => {
    const items = site.articles('/sched', { en: 3 });
    site.serveFeed('/sched.xml', () => rss(site.origin, items, 'Scheduled'));
    const reply = await t.engine.run(`feed add ${site.origin}/sched.xml every 30m`, adminCtx);
    expect(reply.kind === 'message' && reply.text).toContain('every 30m');
    const scheduler = new FeedScheduler({ service: () => t.engine.probe().feeds(), logger: silentLogger });
    const feedHits = () => site.hits.filter((h) => h === '/sched.xml').length;
    const before = feedHits();

    expect(await scheduler.tick()).toBe(1);
    expect(feedHits()).toBe(before + 1);
    const added = t.engine.probe().articles().filter((a) => a.addedBy.startsWith('feed:'));
    expect(added).toHaveLength(2);

    clock.advance(29 * 60_000);
    expect(await scheduler.tick()).toBe(0);
    clock.advance(5 * 60_000);
    expect(await scheduler.tick()).toBe(1);
    expect(feedHits()).toBe(before + 2);
    expect(site.conditional).toContain('/sched.xml');
    await scheduler.stop();
  });
});
