// Restarts and roundups: a poll cut short by a restart adds every item exactly
// once, and the roundup (which reads the store) includes what a feed brought in.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { adminCtx, createTempEngine, userCtx, type TempEngine } from '../support/temp-engine.js';
import { FEED_TEST_ENV, feedIdOf, replyText } from './feed-engine.js';
import { articlePage, onTopicEnglish, rss } from './feed-fixtures.js';
import { startFeedSite, type FeedSite } from './feed-server.js';

let site: FeedSite;
const opened: TempEngine[] = [];
/** Copies of data folders, removed once the engines opened on them are closed (a close writes into them). */
const copies: string[] = [];
const clock = fixedClock('2026-11-30T06:00:00Z');

beforeAll(async () => {
  site = await startFeedSite();
});
afterAll(async () => {
  for (const t of opened) {
    await (await t.engine.probe().feeds()).idle();
    await t.cleanup();
  }
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  await site.close();
});

const text = replyText;
const idOf = feedIdOf;

async function open(dir?: string): Promise<TempEngine> {
  const t = await createTempEngine(FEED_TEST_ENV, { clock, ...(dir ? { dir } : {}) });
  opened.push(t);
  return t;
}

/** The data directory as a crash would leave it: the files on disk, no lock. */
function snapshot(dir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'ringkas-crash-'));
  cpSync(dir, copy, { recursive: true, filter: (src) => !src.endsWith('ringkas.lock') });
  copies.push(copy);
  return copy;
}

describe('restart in the middle of a poll', () => {
  it('adds every item exactly once, also when the crash fell between storing an article and remembering it', async () => {
    const items = site.articles('/crash', { en: 5 });
    // Oldest items are ingested first: hold the fourth one's page until the snapshot is taken.
    const held = items[1]!;
    const page = articlePage(onTopicEnglish(9_001));
    let release: () => void = () => undefined;
    let calls = 0;
    const requested = new Promise<void>((resolveRequested) => {
      site.route(held.path, (_req: http.IncomingMessage, res: http.ServerResponse) => {
        const answer = () => res.writeHead(200, { 'content-type': 'text/html' }).end(page);
        if (calls++ > 0) return answer();
        release = answer;
        resolveRequested();
      });
    });
    site.serveFeed('/crash.xml', () => rss(site.origin, items, 'Crashy'));
    const a = await open();
    const id = idOf(text(await a.engine.run(`feed add ${site.origin}/crash.xml`, adminCtx)));
    const poll = a.engine.run(`feed check ${id}`, adminCtx);
    await requested;
    const crashed = snapshot(a.dir);
    // Worst moment: the third item's article is on disk but the feed file does not yet say it was seen.
    const feedsFile = path.join(crashed, 'feeds.json');
    const state = JSON.parse(readFileSync(feedsFile, 'utf8')) as { feeds: { id: string; seen: string[] }[] };
    const feed = state.feeds.find((f) => f.id === id)!;
    expect(feed.seen).toHaveLength(3);
    feed.seen.pop();
    writeFileSync(feedsFile, JSON.stringify(state));
    release();
    await poll;

    const b = await open(crashed);
    expect(text(await b.engine.run(`feed check ${id}`, adminCtx))).toContain('3 new items, 2 added, 1 already known');
    const stored = b.engine.probe().articles().filter((x) => x.addedBy === `feed:${id}`);
    expect(stored).toHaveLength(5);
    expect(new Set(stored.map((x) => x.canonicalUrl)).size).toBe(5);
    // And a plain restart re-adds nothing.
    const c = await open(snapshot(b.dir));
    expect(text(await c.engine.run(`feed check ${id}`, adminCtx))).toMatch(/nothing changed|0 new items/);
    expect(c.engine.probe().articleCount()).toBe(b.engine.probe().articleCount());
  });
});

describe('roundups', () => {
  it('include what feeds brought in (they read the store)', async () => {
    const t = await open();
    const items = site.articles('/ru', { en: 1 });
    site.serveFeed('/ru.xml', () => rss(site.origin, items, 'Roundup source'));
    const id = idOf(text(await t.engine.run(`feed add ${site.origin}/ru.xml`, adminCtx)));
    await t.engine.run(`feed check ${id}`, adminCtx);
    const [article] = t.engine.probe().articles().filter((x) => x.addedBy === `feed:${id}`);
    expect(article).toBeDefined();
    const preview = await t.engine.run('roundup', { ...userCtx, channel: { platform: 'shell', workspace: 'local', channel: 'terminal' } });
    expect(preview.kind === 'roundup' && preview.roundup.lines.map((l) => l.storyId)).toEqual([article!.storyId]);
  });
});
