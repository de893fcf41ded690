// One behaviour for every store behind the BriefingStore port: the same tests run
// against the lowdb folder and against PostgreSQL (store-contract-*.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedRecord } from '../../src/feeds/feed-record.js';
import type { SubscriptionRecord } from '../../src/model/subscription.js';
import type { BriefingStore } from '../../src/store/briefing-store.js';
import { DuplicateArticleError } from '../../src/store/duplicate-article.js';
import type { AuditEntry } from '../../src/store/store-schema.js';
import { storedPart, type ArticleRecord } from '../../src/model/article.js';
import { article } from '../roundup/memory-roundup-store.js';

/** A stored article with its body read back (memory may hold it without). */
function whole(s: BriefingStore, id: string): ArticleRecord | undefined {
  const stored = s.getArticle(id);
  const body = s.readBody(id);
  return stored && body !== undefined ? { ...stored, keyFigures: s.readKeyFigures(id) ?? [], body } : undefined;
}

/** One place a store lives (a folder, a database), opened as often as a test asks. */
export interface StoreLocation {
  open(): Promise<BriefingStore>;
  /** Marks the stored schema as newer than this code knows (the store must be closed). */
  makeSchemaNewer(): Promise<void>;
  cleanup(): Promise<void>;
}

export function subscription(id: string, over: Partial<SubscriptionRecord> = {}): SubscriptionRecord {
  return {
    id,
    channel: { platform: 'slack', workspace: 'T1', channel: `C-${id}` },
    weekday: 1,
    time: '08:00',
    timezone: 'Asia/Jakarta',
    topics: ['ijepa'],
    quietWeeks: 'post',
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'U1',
    lastSlot: null,
    coveredUntil: null,
    paused: null,
    ...over,
  };
}

export function feed(id: string, url: string): FeedRecord {
  return {
    id,
    url,
    title: `Feed ${id}`,
    format: 'rss',
    everyMinutes: 60,
    takeAll: false,
    addedAt: '2026-11-01T00:00:00.000Z',
    addedBy: 'U1',
    state: 'ok',
    pausedByAdmin: false,
    reason: null,
    failingSince: null,
    failures: 0,
    permanentFailures: 0,
    lastCheckAt: null,
    nextCheckAt: '2026-11-01T00:00:00.000Z',
    etag: null,
    lastModified: null,
    primed: false,
    seen: [],
    log: [],
    recentSkips: [],
  };
}

const audit = (detail: string): AuditEntry => ({ at: '2026-11-02T03:04:05.000Z', platform: 'slack', actor: 'U1', command: 'remove', detail, outcome: 'ok' });

export function storeContract(name: string, newLocation: () => Promise<StoreLocation>): void {
  describe(`${name} store (BriefingStore contract)`, () => {
    const locations: StoreLocation[] = [];
    const open: BriefingStore[] = [];
    let here: StoreLocation;

    const fresh = async () => {
      here = await newLocation();
      locations.push(here);
      return reopen();
    };
    const reopen = async () => {
      const s = await here.open();
      open.push(s);
      return s;
    };
    const close = async (s: BriefingStore) => {
      open.splice(open.indexOf(s), 1);
      await s.close();
    };

    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
      for (const l of locations.splice(0)) await l.cleanup();
    });

    it('adds, gets, lists, finds and removes articles', async () => {
      const s = await fresh();
      expect(s.articleCount).toBe(0);
      const a = article({ id: 'a1', fingerprint: 'fp-a1', canonicalUrl: 'https://news.example/a1', addedAt: '2026-11-01T01:00:00.000Z' });
      const b = article({ id: 'b2', fingerprint: 'fp-b2', addedAt: '2026-11-01T02:00:00.000Z' });
      await s.addArticle(a);
      await s.addArticle(b);
      expect(s.articleCount).toBe(2);
      expect(whole(s, 'a1')).toEqual(a);
      expect(s.hasId('b2')).toBe(true);
      expect([...s.listArticles()].map((x) => x.id).sort()).toEqual(['a1', 'b2']);
      expect(s.findByFingerprint('fp-b2')?.id).toBe('b2');
      expect(s.findByCanonicalUrl('https://news.example/a1')?.id).toBe('a1');
      expect(await s.removeArticle('a1')).toMatchObject(storedPart(a));
      expect(await s.removeArticle('a1')).toBeUndefined();
      expect(s.getArticle('a1')).toBeUndefined();
      expect(s.findByCanonicalUrl('https://news.example/a1')).toBeUndefined();
      expect(s.articleCount).toBe(1);
    });

    it('refuses a second article with a stored fingerprint or canonical URL, and takes the same record again as a no-op', async () => {
      const s = await fresh();
      const a = article({ id: 'a1', fingerprint: 'fp-1', canonicalUrl: 'https://news.example/one', addedAt: '2026-11-01T01:00:00.000Z' });
      await s.addArticle(a);
      const sameText = await s.addArticle(article({ id: 'c3', fingerprint: 'fp-1', addedAt: '2026-11-01T02:00:00.000Z' })).catch((e: unknown) => e);
      expect(sameText).toBeInstanceOf(DuplicateArticleError);
      expect((sameText as DuplicateArticleError).existing.id).toBe('a1');
      const samePage = await s.addArticle(article({ id: 'd4', fingerprint: 'fp-4', canonicalUrl: 'https://news.example/one', addedAt: '2026-11-01T02:00:00.000Z' })).catch((e: unknown) => e);
      expect(samePage).toBeInstanceOf(DuplicateArticleError);
      expect((samePage as DuplicateArticleError).field).toBe('canonical URL');
      await s.addArticle(a);
      expect(s.articleCount).toBe(1);
      expect(s.hasId('c3') || s.hasId('d4')).toBe(false);
    });

    it('puts, replaces, lists and deletes subscriptions', async () => {
      const s = await fresh();
      await s.putSubscription(subscription('s1'));
      await s.putSubscription(subscription('s2'));
      await s.putSubscription(subscription('s1', { time: '09:30', lastSlot: '2026-11-02T01:00:00.000Z' }));
      expect(s.listSubscriptions().map((x) => [x.id, x.time])).toEqual([
        ['s1', '09:30'],
        ['s2', '08:00'],
      ]);
      expect(await s.deleteSubscription('s2')).toBe(true);
      expect(await s.deleteSubscription('s2')).toBe(false);
      expect(s.listSubscriptions().map((x) => x.id)).toEqual(['s1']);
    });

    it('records seeding progress', async () => {
      const s = await fresh();
      expect(s.seeding).toBe('not-started');
      await s.markSeedingStarted(new Date('2026-11-01T00:00:00.000Z'));
      expect(s.seeding).toBe('in-progress');
      expect(s.seededAt).toBeNull();
      await s.markSeeded(new Date('2026-11-01T00:01:00.000Z'));
      expect(s.seeding).toBe('done');
      expect(s.seededAt).toBe('2026-11-01T00:01:00.000Z');
    });

    it('appends audit entries in order', async () => {
      const s = await fresh();
      await s.recordAudit(audit('a1'));
      await s.recordAudit(audit('b2'));
      expect(s.listAudit().map((e) => e.detail)).toEqual(['a1', 'b2']);
    });

    it('keeps followed feeds: put, change in place and save, find by URL, delete', async () => {
      const s = await fresh();
      const feeds = await s.feeds();
      await feeds.put(feed('f1', 'https://news.example/rss'));
      await feeds.put(feed('f2', 'https://other.example/atom'));
      const f1 = feeds.get('f1')!;
      f1.seen.push('item-1');
      f1.failures = 2;
      await feeds.save(f1);
      expect(feeds.findByUrl('https://other.example/atom')?.id).toBe('f2');
      expect(await feeds.delete('f2')).toBe(true);
      expect(await feeds.delete('f2')).toBe(false);
      expect(feeds.list().map((f) => f.id)).toEqual(['f1']);
    });

    it('reads bodies back on demand, as written, after a restart too; a removed or unknown id has none', async () => {
      const s = await fresh();
      const bodies = [
        'Plain ASCII body.\n\nSecond paragraph.',
        'Kutipan "langsung" dengan \\ garis miring, tab\t dan "body":"palsu" di dalam teks.',
        'Two-byte text: 経済連携協定 — “quotes” and an emoji 🚗 in it.',
      ];
      const records = bodies.map((body, i) => article({ id: `b${i}`, fingerprint: `fp-b${i}`, body, addedAt: `2026-11-01T0${i}:00:00.000Z` }));
      for (const r of records) await s.addArticle(r);
      expect(records.map((r) => s.readBody(r.id))).toEqual(bodies);
      await s.removeArticle('b1');
      expect(s.readBody('b1')).toBeUndefined();
      expect(s.readBody('nope')).toBeUndefined();
      expect([s.readBody('b0'), s.readBody('b2')]).toEqual([bodies[0], bodies[2]]);
      await close(s);
      const again = await reopen();
      expect([again.readBody('b0'), again.readBody('b1'), again.readBody('b2')]).toEqual([bodies[0], undefined, bodies[2]]);
      await again.addArticle(records[1]!);
      expect(records.map((r) => whole(again, r.id))).toEqual(records);
    });

    it('reads key figures back on demand, as written, after a restart too; a removed or unknown id has none', async () => {
      const s = await fresh();
      const figures = [
        [{ value: 'Rp2,5 triliun', context: 'Investasi "baru" senilai Rp2,5 triliun [tahap 1]' }],
        [],
        [
          { value: '99', context: '99 cars per 1,000 people — “quoted”' },
          { value: '2030', context: 'by 2030, {target}' },
        ],
      ];
      const records = figures.map((keyFigures, i) => article({ id: `k${i}`, fingerprint: `fp-k${i}`, keyFigures, addedAt: `2026-11-01T0${i}:00:00.000Z` }));
      for (const r of records) await s.addArticle(r);
      expect(records.map((r) => s.readKeyFigures(r.id))).toEqual(figures);
      await s.removeArticle('k1');
      expect([s.readKeyFigures('k1'), s.readKeyFigures('nope')]).toEqual([undefined, undefined]);
      await close(s);
      const again = await reopen();
      expect(['k0', 'k1', 'k2'].map((id) => again.readKeyFigures(id))).toEqual([figures[0], undefined, figures[2]]);
    });

    it('shows the same data after closing and opening again', async () => {
      const s = await fresh();
      const a = article({ id: 'a1', fingerprint: 'fp-a1', canonicalUrl: 'https://news.example/a1', addedAt: '2026-11-01T01:00:00.000Z' });
      await s.addArticle(a);
      await s.addArticle(article({ id: 'gone', fingerprint: 'fp-gone', addedAt: '2026-11-01T01:00:00.000Z' }));
      await s.removeArticle('gone');
      await s.putSubscription(subscription('s1'));
      await s.markSeedingStarted(new Date('2026-11-01T00:00:00.000Z'));
      await s.markSeeded(new Date('2026-11-01T00:01:00.000Z'));
      await s.recordAudit(audit('a1'));
      const feeds = await s.feeds();
      await feeds.put(feed('f1', 'https://news.example/rss'));
      const f1 = feeds.get('f1')!;
      f1.seen.push('item-1');
      await feeds.save(f1);
      await close(s);

      const again = await reopen();
      expect([...again.listArticles()].map((x) => whole(again, x.id))).toEqual([a]);
      expect(again.findByCanonicalUrl('https://news.example/a1')?.id).toBe('a1');
      expect(again.listSubscriptions()).toEqual([subscription('s1')]);
      expect(again.seeding).toBe('done');
      expect(again.seededAt).toBe('2026-11-01T00:01:00.000Z');
      expect(again.listAudit()).toEqual([audit('a1')]);
      expect((await again.feeds()).list()).toEqual([{ ...feed('f1', 'https://news.example/rss'), seen: ['item-1'] }]);
    });

    it('refuses to open a store whose schema is newer than this code knows', async () => {
      const s = await fresh();
      await s.putSubscription(subscription('s1'));
      await close(s);
      await here.makeSchemaNewer();
      await expect(here.open()).rejects.toThrow(/newer/);
    });
  });
}
