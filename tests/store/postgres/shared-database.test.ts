// Several instances on one PostgreSQL database: what one writes, the others see
// (through LISTEN/NOTIFY) within 2 s, in their stores and in their engines' search.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { Engine } from '../../../src/engine.js';
import { storedPart } from '../../../src/model/article.js';
import type { RemoteChange } from '../../../src/store/briefing-store.js';
import { DuplicateArticleError } from '../../../src/store/duplicate-article.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { article } from '../../roundup/memory-roundup-store.js';
import { makeArticleText } from '../../support/article-text.js';
import { freshDatabaseUrl } from '../../support/postgres-database.js';
import { adminCtx, PROJECT_ROOT, userCtx } from '../../support/temp-engine.js';
import { feed, subscription } from '../store-contract.js';

/** What a PostgreSQL instance keeps of an article in memory: all but the body and the key figures (both in its body file). */
const held = storedPart;

const WITHIN = { timeout: 2_000, interval: 20 };

/** Ends the instances' LISTEN connections, as a database restart or a proxy timeout would; resolves to how many. */
async function terminateListeners(url: string): Promise<number | null> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return (await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'")).rowCount;
  } finally {
    await admin.end();
  }
}
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function openStores(n: number): Promise<PostgresStore[]> {
  const url = await freshDatabaseUrl();
  const stores = await Promise.all(Array.from({ length: n }, () => PostgresStore.open(url)));
  for (const s of stores) closers.push(() => s.close());
  return stores;
}

describe('PostgreSQL store shared by instances', () => {
  it('an article added on A is in B within 2 s, and its removal too', async () => {
    const [a, b] = await openStores(2);
    const seen: RemoteChange[] = [];
    b!.onRemoteChange((c) => seen.push(c));
    const added = article({ id: 'x1', fingerprint: 'fp-x1', canonicalUrl: 'https://news.example/x1', addedAt: '2026-11-01T00:00:00.000Z' });
    await a!.addArticle(added);
    await vi.waitFor(() => expect(b!.getArticle('x1')).toEqual(held(added)), WITHIN);
    expect(b!.readBody('x1')).toBe(added.body);
    expect(b!.readKeyFigures('x1')).toEqual(added.keyFigures);
    expect(b!.findByCanonicalUrl('https://news.example/x1')?.id).toBe('x1');
    // The listeners get the body with the record (they index its text).
    expect(seen).toEqual([{ kind: 'article-added', article: added }]);
    await a!.removeArticle('x1');
    await vi.waitFor(() => expect(b!.getArticle('x1')).toBeUndefined(), WITHIN);
    expect(b!.readBody('x1')).toBeUndefined();
    expect(b!.readKeyFigures('x1')).toBeUndefined();
    expect(seen.at(-1)).toEqual({ kind: 'article-removed', article: held(added) });
  });

  it('a burst of 300 adds on A is all in B within 2 s of the last commit', async () => {
    const [a, b] = await openStores(2);
    const heard: string[] = [];
    b!.onRemoteChange((c) => c.kind === 'article-added' && heard.push(c.article.id));
    const ids = Array.from({ length: 300 }, (_, i) => `burst${i}`);
    await Promise.all(ids.map((id) => a!.addArticle(article({ id, fingerprint: `fp-${id}`, addedAt: '2026-11-01T00:00:00.000Z' }))));
    await vi.waitFor(() => expect(b!.articleCount).toBe(300), WITHIN);
    expect(heard.sort()).toEqual([...ids].sort());
  });

  it('an instance whose listening connection dropped reconnects and catches up on what it missed', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    closers.push(() => a.close(), () => b.close());
    await a.addArticle(article({ id: 'before', fingerprint: 'fp-before', addedAt: '2026-11-01T00:00:00.000Z' }));
    await vi.waitFor(() => expect(b.getArticle('before')).toBeDefined(), WITHIN);
    expect(await terminateListeners(url)).toBe(2);
    await a.addArticle(article({ id: 'missed', fingerprint: 'fp-missed', addedAt: '2026-11-01T00:00:00.000Z' }));
    await a.removeArticle('before');
    // Removed and added again under the same id (ids come from the fingerprint) with another record.
    const again = article({ id: 'again', fingerprint: 'fp-again', addedAt: '2026-11-01T00:00:00.000Z' });
    await a.addArticle(again);
    await vi.waitFor(() => expect(b.getArticle('again')).toBeDefined(), WITHIN);
    await terminateListeners(url);
    await a.removeArticle('again');
    const renewed = { ...again, title: 'Added again', addedAt: '2026-11-02T00:00:00.000Z', keyFigures: [{ value: '2', context: 'again' }] };
    await a.addArticle(renewed);
    // Reconnecting waits a second; the resync then finds every change.
    await vi.waitFor(() => {
      expect(b.getArticle('missed')).toBeDefined();
      expect(b.getArticle('before')).toBeUndefined();
      expect(b.getArticle('again')).toEqual(held(renewed));
      expect(b.readKeyFigures('again')).toEqual(renewed.keyFigures);
    }, { timeout: 6_000, interval: 50 });
  });

  it('an instance hears nothing of its own writes', async () => {
    const [a, b] = await openStores(2);
    const heardByA: RemoteChange[] = [];
    a!.onRemoteChange((c) => heardByA.push(c));
    await a!.addArticle(article({ id: 'own', fingerprint: 'fp-own', addedAt: '2026-11-01T00:00:00.000Z' }));
    // B's write is noted after A's in the channel, so once A has heard B's, A would have heard its own.
    await b!.putSubscription(subscription('s-from-b'));
    await vi.waitFor(() => expect(heardByA).toEqual([{ kind: 'subscription-changed', id: 's-from-b' }]), WITHIN);
  });

  it('subscriptions, seeding and feeds changed on A reach B', async () => {
    const [a, b] = await openStores(2);
    const bFeeds = await b!.feeds();
    await a!.putSubscription(subscription('s1'));
    await a!.markSeeded(new Date('2026-11-01T00:00:00.000Z'));
    const aFeeds = await a!.feeds();
    await aFeeds.put(feed('f1', 'https://news.example/rss'));
    await vi.waitFor(() => {
      expect(b!.listSubscriptions().map((s) => s.id)).toEqual(['s1']);
      expect(b!.seeding).toBe('done');
      expect(bFeeds.list().map((f) => f.id)).toEqual(['f1']);
    }, WITHIN);
    await a!.deleteSubscription('s1');
    await vi.waitFor(() => expect(b!.listSubscriptions()).toEqual([]), WITHIN);
  });

  it('callers asking for the feeds at the same moment share one store, the one remote changes refresh', async () => {
    const [b] = await openStores(1);
    const [x, y] = await Promise.all([b!.feeds(), b!.feeds()]);
    expect(x).toBe(y);
  });

  it('what B saves is what B keeps, though a change from A replaced the object B was changing', async () => {
    const [a, b] = await openStores(2);
    const [aFeeds, bFeeds] = await Promise.all([a!.feeds(), b!.feeds()]);
    await aFeeds.put(feed('f1', 'https://news.example/rss'));
    await vi.waitFor(() => expect(bFeeds.get('f1')).toBeDefined(), WITHIN);
    // B's poll starts with the object B holds now...
    const polling = bFeeds.get('f1')!;
    // ...while A changes the feed and B re-reads it into a new object.
    const onA = aFeeds.get('f1')!;
    onA.title = 'Renamed on A';
    await aFeeds.save(onA);
    await vi.waitFor(() => expect(bFeeds.get('f1')!.title).toBe('Renamed on A'), WITHIN);
    // The poll saves the object it holds; B's own note is skipped, so memory must follow the save.
    polling.nextCheckAt = '2026-12-01T00:00:00.000Z';
    await bFeeds.save(polling);
    expect(bFeeds.get('f1')).toEqual(polling);
    await vi.waitFor(() => expect(aFeeds.get('f1')!.nextCheckAt).toBe('2026-12-01T00:00:00.000Z'), WITHIN);
    // A re-read overlapping a save of B's cannot put the row from before the save back.
    polling.nextCheckAt = '2026-12-02T00:00:00.000Z';
    await Promise.all([bFeeds.refresh('f1'), bFeeds.save(polling)]);
    expect(bFeeds.get('f1')!.nextCheckAt).toBe('2026-12-02T00:00:00.000Z');
  });

  it('two instances adding the same article at once store it once; the loser is told which one won', async () => {
    const [a, b] = await openStores(2);
    const results = await Promise.allSettled([
      a!.addArticle(article({ id: 'from-a', fingerprint: 'same-text', addedAt: '2026-11-01T00:00:00.000Z' })),
      b!.addArticle(article({ id: 'from-b', fingerprint: 'same-text', addedAt: '2026-11-01T00:00:00.000Z' })),
    ]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as unknown;
    expect(reason).toBeInstanceOf(DuplicateArticleError);
    const winner = results[0]!.status === 'fulfilled' ? 'from-a' : 'from-b';
    expect((reason as DuplicateArticleError).existing.id).toBe(winner);
    await vi.waitFor(() => expect([a!, b!].map((s) => [...s.listArticles()].map((x) => x.id))).toEqual([[winner], [winner]]), WITHIN);
  });

  it('engines on one database: seeds go in once, an article added through A is found through B within 2 s, and the data folders stay empty', async () => {
    const url = await freshDatabaseUrl();
    const open = async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'ringkas-pg-engine-'));
      const config = loadConfig({ env: { RINGKAS_DATA_DIR: dataDir, RINGKAS_DATABASE_URL: url }, cwd: PROJECT_ROOT, envFile: null });
      const engine = await Engine.open({ config });
      closers.push(async () => {
        await engine.close();
        rmSync(dataDir, { recursive: true, force: true });
      });
      return { engine, dataDir };
    };
    const a = await open();
    const b = await open();
    const seeds = readdirSync(path.join(PROJECT_ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).length;
    expect([a.engine.probe().articleCount(), b.engine.probe().articleCount()]).toEqual([seeds, seeds]);

    const text = 'Zirconium plant opens\nA new zirconium refinery opened in Kendari on Monday, officials said, with capacity of 5,000 tonnes a year for export markets in Japan and Korea. ' + makeArticleText(6);
    const added = await a.engine.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);
    if (added.kind !== 'added') throw new Error(JSON.stringify(added));
    await vi.waitFor(async () => {
      const found = await b.engine.execute({ name: 'brief', query: 'zirconium' }, userCtx);
      expect(found.kind === 'cards' && found.cards[0]!.id).toBe(added.card.id);
    }, WITHIN);
    // The same text through B now answers with A's card, as a duplicate.
    const again = await b.engine.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);
    expect(again).toMatchObject({ kind: 'added', duplicate: true, card: { id: added.card.id } });

    await b.engine.execute({ name: 'remove', id: added.card.id }, adminCtx);
    await vi.waitFor(async () => {
      const gone = await a.engine.execute({ name: 'brief', query: 'zirconium' }, userCtx);
      expect(gone.kind === 'cards' && gone.cards.some((c) => c.id === added.card.id)).toBe(false);
    }, WITHIN);
    expect(readdirSync(a.dataDir)).toEqual([]);
    expect(readdirSync(b.dataDir)).toEqual([]);
  });
});
