import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { StoreError } from '../../src/store/store-errors.js';
import { Store } from '../../src/store/store.js';
import { adminCtx, createTempEngine, tempConfig, type TempEngine } from '../support/temp-engine.js';
import { makeArticleText } from '../support/article-text.js';

const dirs: string[] = [];
const engines: TempEngine[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'ringkas-store-'));
  dirs.push(d);
  return d;
};

afterEach(async () => {
  for (const e of engines.splice(0)) await e.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('store files', () => {
  it('refuses an empty main file, naming it, and leaves it untouched', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'ringkas.json'), '');
    const err = await Store.open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).userMessage).toContain(path.join(dir, 'ringkas.json'));
    expect(readFileSync(path.join(dir, 'ringkas.json'), 'utf8')).toBe('');
  });

  it('refuses a corrupt shard and leaves it untouched', async () => {
    const dir = tmp();
    const s = await Store.open(dir);
    await s.close();
    const shard = path.join(dir, 'articles', 'shard-07.json');
    writeFileSync(shard, '{"schemaVersion":1,"articles":[{"id":');
    const err = await Store.open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).userMessage).toContain('shard-07.json');
    expect(readFileSync(shard, 'utf8')).toBe('{"schemaVersion":1,"articles":[{"id":');
  });

  it('refuses valid JSON that is not a Ringkas file, and a newer schema', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'ringkas.json'), '[1,2,3]');
    await expect(Store.open(dir)).rejects.toThrow(/does not look like a Ringkas data file/);
    writeFileSync(path.join(dir, 'ringkas.json'), JSON.stringify({ schemaVersion: 99, seededAt: null, subscriptions: [], audit: [] }));
    await expect(Store.open(dir)).rejects.toThrow(/newer Ringkas/);
  });

  it('leaves no temporary files after writes (atomic rename)', async () => {
    const t = await createTempEngine();
    engines.push(t);
    const leftovers = readdirSync(path.join(t.dir, 'articles')).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });
});

describe('engine persistence', () => {
  it('keeps 100 concurrent adds, and everything survives a restart', async () => {
    const t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' });
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => t.engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(i) } }, adminCtx)),
    );
    expect(replies.every((r) => r.kind === 'added' && !r.duplicate)).toBe(true);
    await t.engine.close();
    const again = await Engine.open({ config: t.config });
    const list = await again.execute({ name: 'list', page: 1 }, adminCtx);
    expect(list.kind === 'articles' && list.total).toBe(100);
    await again.close();
    rmSync(t.dir, { recursive: true, force: true });
  });

  it('ingests the seeds once; a restart adds nothing twice', async () => {
    const t = await createTempEngine();
    const first = await t.engine.execute({ name: 'list', page: 1 }, adminCtx);
    const seedCount = readdirSync(path.join(import.meta.dirname, '../../seeds')).filter((f) => f.endsWith('.txt')).length;
    expect(first.kind === 'articles' && first.total).toBe(seedCount);
    await t.engine.close();
    const { config } = tempConfig({}, t.dir);
    const again = await Engine.open({ config });
    const second = await again.execute({ name: 'list', page: 1 }, adminCtx);
    expect(second.kind === 'articles' && second.total).toBe(seedCount);
    await again.close();
    rmSync(t.dir, { recursive: true, force: true });
  });

  it('an emptied store is not re-seeded behind the admin\'s back', async () => {
    const t = await createTempEngine();
    engines.push(t);
    const list = await t.engine.execute({ name: 'list', page: 1 }, adminCtx);
    if (list.kind !== 'articles') throw new Error('expected a list');
    for (const item of list.items) await t.engine.execute({ name: 'remove', id: item.id }, adminCtx);
    await t.engine.close();
    const again = await Engine.open({ config: t.config });
    const after = await again.execute({ name: 'list', page: 1 }, adminCtx);
    expect(after.kind === 'articles' && after.total).toBe(0);
    await again.close();
    expect(existsSync(path.join(t.dir, 'ringkas.json'))).toBe(true);
    engines.pop();
    rmSync(t.dir, { recursive: true, force: true });
  });
});

describe('audit log', () => {
  it('survives a restart, and a line cut short by a crash loses only that line', async () => {
    const dir = tmp();
    const s = await Store.open(dir);
    await s.recordAudit({ at: '2026-01-01T00:00:00Z', platform: 'shell', actor: 'a', command: 'add', detail: 'x', outcome: 'ok' });
    await s.recordAudit({ at: '2026-01-01T00:01:00Z', platform: 'shell', actor: 'b', command: 'remove', detail: 'y', outcome: 'refused' });
    await s.close();
    writeFileSync(path.join(dir, 'audit.jsonl'), `${readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')}{"at":"2026-01-01T00:02`);
    const again = await Store.open(dir);
    expect(again.listAudit().map((e) => e.actor)).toEqual(['a', 'b']);
    await again.recordAudit({ at: '2026-01-01T00:03:00Z', platform: 'shell', actor: 'c', command: 'add', detail: 'z', outcome: 'ok' });
    await again.close();
    const third = await Store.open(dir);
    expect(third.listAudit().map((e) => e.actor)).toEqual(['a', 'b', 'c']);
    await third.close();
  });
});
