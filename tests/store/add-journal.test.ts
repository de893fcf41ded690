// Adds are acknowledged once appended to the journal and folded into their shards
// later (add-journal.ts). What was acknowledged survives a kill -9 and a line a
// crash cut short; a journal whose articles are already in their shards adds
// nothing twice; a removed article never comes back from it; adds waiting at the
// same moment share one line. A crash is also taken as a copy of the folder made
// while the store is open (the lock in the copy removed, as a stale one is taken over).
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { mkdirSync, renameSync } from 'node:fs';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleRecord } from '../../src/model/article.js';
import { StoreError } from '../../src/store/store-errors.js';
import { Store } from '../../src/store/store.js';
import { article } from '../roundup/memory-roundup-store.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'ringkas-journal-'));
  dirs.push(d);
  return d;
}

async function open(dir: string): Promise<Store> {
  const s = await Store.open(dir);
  stores.push(s);
  return s;
}

async function closed(s: Store): Promise<void> {
  stores.splice(stores.indexOf(s), 1);
  await s.close();
}

/** The folder as a crash would leave it now: a copy, without the lock (a stale lock is taken over). */
function crashCopy(dir: string): string {
  const copy = tmp();
  cpSync(dir, copy, { recursive: true });
  rmSync(path.join(copy, 'ringkas.lock'), { recursive: true, force: true });
  return copy;
}

const journals = (dir: string) => readdirSync(path.join(dir, 'articles')).filter((n) => n.startsWith('journal-'));
const record = (n: number): ArticleRecord =>
  article({ id: `j${n}`, body: `Body ${n} — "quoted" \\ ünïcode`, keyFigures: [{ value: `${n}`, context: `figure ${n}` }], addedAt: '2026-11-01T01:00:00.000Z' });
const shardTexts = (dir: string) =>
  readdirSync(path.join(dir, 'articles'))
    .filter((n) => n.startsWith('shard-'))
    .map((n) => readFileSync(path.join(dir, 'articles', n), 'utf8'))
    .join('\n');

function expectHolds(s: Store, records: readonly ArticleRecord[]): void {
  expect(s.articleCount).toBe(records.length);
  for (const r of records) {
    expect(s.getArticle(r.id)?.title).toBe(r.title);
    expect(s.readBody(r.id)).toBe(r.body);
    expect(s.readKeyFigures(r.id)).toEqual(r.keyFigures);
  }
}

/** Runs a child that adds `count` articles at once and is killed with SIGKILL once they are acknowledged; its lock is left stale. */
async function killedAfterAdds(dir: string, count: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'tests/store/fixtures/add-then-hang.ts'), dir, String(count)], { cwd: PROJECT_ROOT });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ids = await new Promise<string[]>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(line.split(' ').slice(1)));
    child.once('exit', (code) => reject(new Error(`the child ended (${code}) before its adds were acknowledged: ${stderr}`)));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(path.join(dir, 'ringkas.lock'), minuteAgo, minuteAgo);
  return ids;
}

describe('the add journal', () => {
  it('keeps an add acknowledged before a kill -9: the next start has it, body and all, and folds it into its shard', async () => {
    const dir = tmp();
    const ids = await killedAfterAdds(dir, 12);
    expect(ids).toHaveLength(12);
    expect(journals(dir).length).toBeGreaterThan(0);
    expect(shardTexts(dir)).not.toContain('"k0"');

    const s = await open(dir);
    expect(s.articleCount).toBe(12);
    for (const [i, id] of ids.entries()) {
      expect(s.readBody(id)).toBe(`Body of ${id}: "quoted" — ünïcode`);
      expect(s.readKeyFigures(id)).toEqual([{ value: `${i}`, context: `figure ${i}` }]);
    }
    await closed(s);
    expect(journals(dir)).toEqual([]);
    for (const id of ids) expect(shardTexts(dir)).toContain(`"id":"${id}"`);
    const again = await open(dir);
    expect(again.articleCount).toBe(12);
    expect(again.readBody('k11')).toBe('Body of k11: "quoted" — ünïcode');
  });

  it('skips a last line a crash cut short; the lines before it count', async () => {
    const dir = tmp();
    const s = await open(dir);
    const kept = [record(1), record(2)];
    for (const r of kept) await s.addArticle(r);
    const copy = crashCopy(dir);
    const [journal] = journals(copy);
    const cut = JSON.stringify([record(3)]);
    appendFileSync(path.join(copy, 'articles', journal!), cut.slice(0, cut.length - 5));

    const reopened = await open(copy);
    expectHolds(reopened, kept);
    await reopened.addArticle(record(3));
    await closed(reopened);
    const again = await open(copy);
    expectHolds(again, [...kept, record(3)]);
  });

  it('adds nothing twice when the journal outlived its fold (a crash before its removal)', async () => {
    const dir = tmp();
    const s = await open(dir);
    const added = [record(1), record(2), record(3)];
    await Promise.all(added.map((r) => s.addArticle(r)));
    const [journal] = journals(dir);
    const lines = readFileSync(path.join(dir, 'articles', journal!));
    await closed(s); // folds, then removes the journal
    expect(journals(dir)).toEqual([]);
    writeFileSync(path.join(dir, 'articles', journal!), lines);

    const reopened = await open(dir);
    expectHolds(reopened, added);
    await closed(reopened);
    expect(journals(dir)).toEqual([]);
    expect(shardTexts(dir).split('"id":"j1"')).toHaveLength(2);
  });

  it('never brings a removed article back', async () => {
    const dir = tmp();
    const s = await open(dir);
    await s.addArticle(record(1));
    await s.addArticle(record(2));
    expect((await s.removeArticle('j1'))?.id).toBe('j1');
    const copy = crashCopy(dir);
    expectHolds(await open(copy), [record(2)]);
    await closed(s);
    expectHolds(await open(dir), [record(2)]);
  });

  it('tells the log when a fold nobody waits for fails, and keeps the adds for the next one', async () => {
    const dir = tmp();
    const logged: { event?: string }[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line) as { event?: string }) });
    const s = await Store.open(dir, { logger });
    stores.push(s);
    const articles = path.join(dir, 'articles');
    const shards = readdirSync(articles).filter((n) => n.startsWith('shard-'));
    // Every shard path a directory: no fold can rename a new shard file over it.
    for (const n of shards) {
      renameSync(path.join(articles, n), path.join(articles, `${n}.aside`));
      mkdirSync(path.join(articles, n, 'in-the-way'), { recursive: true });
    }
    // Over 16 MB waiting starts a fold at once, in the background.
    const big = [1, 2].map((n) => ({ ...record(n), body: `${n} ${'x'.repeat(9_000_000)}` }));
    for (const r of big) await s.addArticle(r);
    await vi.waitFor(() => expect(logged.map((l) => l.event)).toContain('store_fold_failed'), { timeout: 5_000, interval: 20 });
    expectHolds(s, big);
    for (const n of shards) {
      rmSync(path.join(articles, n), { recursive: true });
      renameSync(path.join(articles, `${n}.aside`), path.join(articles, n));
    }
    await closed(s);
    expectHolds(await open(dir), big);
  });

  it('a start through the records cache still takes what only the journal holds', async () => {
    const dir = tmp();
    const first = await open(dir);
    for (const n of [1, 2, 3]) await first.addArticle(record(n));
    await closed(first); // folds, and writes the records cache
    const killed = await killedAfterAdds(dir, 4); // k0..k3 are in the journal only
    const restarted = await open(dir);
    expect(restarted.shardsFromCache).toBeGreaterThan(0);
    expect([...restarted.listArticles()].map((a) => a.id).sort()).toEqual(['j1', 'j2', 'j3', ...killed].sort());
    for (const r of [1, 2, 3].map(record)) expect(restarted.readBody(r.id)).toBe(r.body);
    expect(restarted.readBody('k3')).toBe('Body of k3: "quoted" — ünïcode');
    await closed(restarted);
    const again = await open(dir);
    expect(again.shardsFromCache).toBeGreaterThan(0);
    expect(again.articleCount).toBe(7);
    expect(again.readBody('k3')).toBe('Body of k3: "quoted" — ünïcode');
  });

  it('writes adds waiting at the same moment as one line', async () => {
    const dir = tmp();
    const s = await open(dir);
    const added = Array.from({ length: 20 }, (_, i) => record(i));
    await Promise.all(added.map((r) => s.addArticle(r)));
    const [journal, ...others] = journals(dir);
    expect(others).toEqual([]);
    const lines = readFileSync(path.join(dir, 'articles', journal!), 'utf8').split('\n').filter(Boolean);
    // All 20 were made in one turn of the event loop: one line.
    expect(lines.map((l) => (JSON.parse(l) as unknown[]).length)).toEqual([20]);
    expectHolds(s, added);
  });

  it('refuses a start whose journal holds a complete line that is not articles, naming the file', async () => {
    const dir = tmp();
    const s = await open(dir);
    await s.addArticle(record(1));
    const copy = crashCopy(dir);
    const file = path.join(copy, 'articles', journals(copy)[0]!);
    appendFileSync(file, '{"not":"a list"}\n');
    const err = await Store.open(copy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toContain(file);
    expect(existsSync(file)).toBe(true);
  });
});
