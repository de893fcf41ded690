// Adds and audit entries asked for together go in one statement (group commit,
// decision 036): the outcome of each must be what it would be one after another,
// a bad row must fail only its own add, and other instances must see every one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleRecord } from '../../../src/model/article.js';
import { storedPart } from '../../../src/model/article.js';
import { beginForeground } from '../../../src/foreground.js';
import { DuplicateArticleError } from '../../../src/store/duplicate-article.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import type { AuditEntry } from '../../../src/store/store-schema.js';
import { article } from '../../roundup/memory-roundup-store.js';
import { freshDatabaseUrl, sqlOn } from '../../support/postgres-database.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function open(url: string): Promise<PostgresStore> {
  const store = await PostgresStore.open(url);
  closers.push(() => store.close());
  return store;
}

const at = '2026-11-01T00:00:00.000Z';

/** 50 adds: 46 new articles, one with a stored fingerprint, one with a canonical URL taken within the burst, the same record twice, and one the database refuses (a NUL in its body). */
function burst(): ArticleRecord[] {
  const adds = Array.from({ length: 46 }, (_, i) => article({ id: `g${i}`, fingerprint: `fp-g${i}`, canonicalUrl: `https://news.example/g${i}`, addedAt: at, body: `Body of g${i}.` }));
  adds.splice(10, 0, article({ id: 'samefp', fingerprint: 'fp-g3', addedAt: at }));
  adds.splice(20, 0, article({ id: 'sameurl', fingerprint: 'fp-sameurl', canonicalUrl: 'https://news.example/g15', addedAt: at }));
  adds.splice(30, 0, adds[25]!);
  adds.splice(40, 0, article({ id: 'bad', fingerprint: 'fp-bad', addedAt: at, body: 'a \u0000 in the body' }));
  return adds;
}

type Outcome = { ok: true } | { duplicateOf: string; field: string } | { error: string };

async function outcome(p: Promise<void>): Promise<Outcome> {
  try {
    await p;
    return { ok: true };
  } catch (e) {
    if (e instanceof DuplicateArticleError) return { duplicateOf: e.existing.id, field: e.field };
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** What the database holds, and memory, in a form two stores can be compared by. */
async function holding(store: PostgresStore, url: string) {
  const rows = await sqlOn<{ id: string; body: string }>(url, 'SELECT id, body FROM articles ORDER BY id');
  const memory = [...store.listArticles()].map((a) => a.id).sort();
  return { rows: rows.map((r) => [r.id, r.body]), memory };
}

describe('PostgreSQL store: concurrent adds go in together', () => {
  it('50 concurrent adds (a duplicate fingerprint, a taken canonical URL, a repeat, a bad row) end as 50 adds one after another, in fewer transactions', async () => {
    const adds = burst();
    const sequentialUrl = await freshDatabaseUrl();
    const sequential = await open(sequentialUrl);
    const oneByOne: Outcome[] = [];
    for (const a of adds) oneByOne.push(await outcome(sequential.addArticle(a)));

    const concurrentUrl = await freshDatabaseUrl();
    const concurrent = await open(concurrentUrl);
    const together = await Promise.all(adds.map((a) => outcome(concurrent.addArticle(a))));

    expect(together).toEqual(oneByOne);
    expect(together.filter((o) => 'ok' in o)).toHaveLength(47);
    expect(together[10]).toEqual({ duplicateOf: 'g3', field: 'fingerprint' });
    expect(together[20]).toEqual({ duplicateOf: 'g15', field: 'canonical URL' });
    // The bad row's own error, from the database; no other add failed with it.
    expect(together.filter((o) => 'error' in o)).toEqual([{ error: expect.stringMatching(/0x00/) }]);
    expect(together[40]).toEqual(together.find((o) => 'error' in o));
    expect(await holding(concurrent, concurrentUrl)).toEqual(await holding(sequential, sequentialUrl));
    expect(concurrent.getArticle('bad')).toBeUndefined();
    expect(concurrent.readBody('g7')).toBe('Body of g7.');
    // Rows committed by one statement share its transaction id: far fewer than one per add.
    const [{ transactions }] = (await sqlOn<{ transactions: string }>(concurrentUrl, 'SELECT count(DISTINCT xmin::text) AS transactions FROM articles')) as [{ transactions: string }];
    expect(Number(transactions)).toBeLessThan(10);
  });

  it('each add of a burst holds its own revision, and a restart and another instance hold what the adding one holds', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await open(url), await open(url)];
    const adds = Array.from({ length: 50 }, (_, i) => article({ id: `r${i}`, fingerprint: `fp-r${i}`, addedAt: at, body: `Body ${i}` }));
    await Promise.all(adds.map((x) => a.addArticle(x)));
    await vi.waitFor(() => expect(b.articleCount).toBe(50), { timeout: 2_000, interval: 20 });
    for (const x of adds) {
      expect(b.getArticle(x.id)).toEqual(storedPart(x));
      expect(b.readBody(x.id)).toBe(x.body);
    }
    const revisions = await sqlOn<{ id: string; revision: string }>(url, 'SELECT id, revision FROM articles');
    expect(new Set(revisions.map((r) => r.revision)).size).toBe(50);
    // The records blob names rows by id and revision: a snapshot written now serves a restart every record.
    const again = await open(url);
    expect([...again.listArticles()].map((x) => x.id).sort()).toEqual(adds.map((x) => x.id).sort());
  });

  it('audit entries recorded at once keep the order they were asked in, in memory, in the database and after a restart', async () => {
    const url = await freshDatabaseUrl();
    const store = await open(url);
    const entries: AuditEntry[] = Array.from({ length: 30 }, (_, i) => ({ at, platform: 'slack', actor: 'U1', command: 'add', detail: `entry ${i}`, outcome: 'ok' }));
    await Promise.all(entries.map((e) => store.recordAudit(e)));
    expect(store.listAudit()).toEqual(entries);
    const rows = await sqlOn<{ detail: string }>(url, "SELECT entry->>'detail' AS detail FROM audit_log ORDER BY seq");
    expect(rows.map((r) => r.detail)).toEqual(entries.map((e) => e.detail));
    const [{ transactions }] = (await sqlOn<{ transactions: string }>(url, 'SELECT count(DISTINCT xmin::text) AS transactions FROM audit_log')) as [{ transactions: string }];
    expect(Number(transactions)).toBeLessThan(10);
    expect((await open(url)).listAudit()).toEqual(entries);
  });

  it('adds and audit entries asked for together share statements, and each still gets its own revision, seq and note', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await open(url), await open(url)];
    const adds = Array.from({ length: 20 }, (_, i) => article({ id: `m${i}`, fingerprint: `fp-m${i}`, addedAt: at, body: `Body ${i}` }));
    const entries: AuditEntry[] = adds.map((x) => ({ at, platform: 'slack', actor: 'U1', command: 'add', detail: x.id, outcome: 'ok' }));
    // An add's audit entry is asked for once the add is written, in the same turn as the next add.
    const recorded: Promise<void>[] = [];
    for (const [i, x] of adds.entries()) {
      await a.addArticle(x);
      recorded.push(a.recordAudit(entries[i]!));
    }
    await Promise.all(recorded);
    // Each audit entry went in the statement of the next add (one transaction for both rows), the last one alone: 21 transactions, not 40.
    const shared = await sqlOn<{ n: string }>(url, 'SELECT count(*) AS n FROM articles x JOIN audit_log l ON x.xmin::text = l.xmin::text');
    expect(Number(shared[0]!.n)).toBe(19);
    const [{ transactions }] = (await sqlOn<{ transactions: string }>(url, 'SELECT count(DISTINCT xmin::text) AS transactions FROM (SELECT xmin FROM articles UNION ALL SELECT xmin FROM audit_log) t')) as [{ transactions: string }];
    expect(Number(transactions)).toBe(21);
    const revisions = await sqlOn<{ revision: string }>(url, 'SELECT revision FROM articles');
    expect(new Set(revisions.map((r) => r.revision)).size).toBe(20);
    const order = (await sqlOn<{ detail: string }>(url, "SELECT entry->>'detail' AS detail FROM audit_log ORDER BY seq")).map((r) => r.detail);
    expect(a.listAudit().map((e) => e.detail)).toEqual(order);
    await vi.waitFor(() => {
      expect(b.articleCount).toBe(20);
      expect(b.listAudit().map((e) => e.detail)).toEqual(order);
    }, { timeout: 2_000, interval: 20 });
  });

  it('audit entries two instances record at once reach each other, in the database order, on both', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await open(url), await open(url)];
    const entry = (detail: string): AuditEntry => ({ at, platform: 'slack', actor: 'U1', command: 'add', detail, outcome: 'ok' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => [a.recordAudit(entry(`a${i}`)), b.recordAudit(entry(`b${i}`))]).flat());
    const stored = async () => (await sqlOn<{ detail: string }>(url, "SELECT entry->>'detail' AS detail FROM audit_log ORDER BY seq")).map((r) => r.detail);
    const order = await stored();
    expect(order).toHaveLength(40);
    await vi.waitFor(() => {
      expect(a.listAudit().map((e) => e.detail)).toEqual(order);
      expect(b.listAudit().map((e) => e.detail)).toEqual(order);
    }, { timeout: 2_000, interval: 20 });
  });

  it('adds of commands in flight that reach the store a turn apart (a burst deriving one article a turn) wait for each other and share one statement', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await open(url), await open(url)];
    const adds = Array.from({ length: 10 }, (_, i) => article({ id: `t${i}`, fingerprint: `fp-t${i}`, addedAt: at, body: `Body ${i}` }));
    // Ten commands begin together; each reaches the store one turn after the one before (its article derived meanwhile).
    const commands = adds.map(() => beginForeground());
    const written: Promise<void>[] = [];
    for (const [i, x] of adds.entries()) {
      await new Promise((resolve) => setImmediate(resolve));
      written.push(a.addArticle(x).finally(commands[i]));
    }
    await Promise.all(written);
    const [{ transactions }] = (await sqlOn<{ transactions: string }>(url, 'SELECT count(DISTINCT xmin::text) AS transactions FROM articles')) as [{ transactions: string }];
    expect(Number(transactions)).toBe(1);
    await vi.waitFor(() => expect(b.articleCount).toBe(10), { timeout: 2_000, interval: 20 });
    // No command in flight: a lone add goes at its turn, in a statement of its own.
    await a.addArticle(article({ id: 'lone', fingerprint: 'fp-lone', addedAt: at }));
    const [{ n }] = (await sqlOn<{ n: string }>(url, 'SELECT count(DISTINCT xmin::text) AS n FROM articles')) as [{ n: string }];
    expect(Number(n)).toBe(2);
  });
});
