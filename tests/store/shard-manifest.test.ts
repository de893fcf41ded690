// The store knows what each shard should hold: a deleted or short shard stops the
// start by name instead of being recreated empty, while the state a crash between
// writing a shard and the manifest leaves is accepted (decision 002).
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { StoreError } from '../../src/store/store-errors.js';
import { Store } from '../../src/store/store.js';
import { makeArticleText } from '../support/article-text.js';
import { adminCtx, tempConfig } from '../support/temp-engine.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function storeWith(n: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-manifest-'));
  dirs.push(dir);
  const engine = await Engine.open(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'false' }, dir));
  for (let i = 0; i < n; i++) await engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(i) } }, adminCtx);
  await engine.close();
  return dir;
}

const shardsWithArticles = (dir: string) =>
  readdirSync(path.join(dir, 'articles'))
    .map((f) => path.join(dir, 'articles', f))
    .filter((f) => (JSON.parse(readFileSync(f, 'utf8')) as { articles: unknown[] }).articles.length > 0);

async function openError(dir: string): Promise<StoreError> {
  const err = await Store.open(dir, { waitMs: 0 }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StoreError);
  return err as StoreError;
}

async function articleCount(dir: string): Promise<number> {
  const store = await Store.open(dir, { waitMs: 0 });
  const n = store.articleCount;
  await store.close();
  return n;
}

describe('the shard manifest', () => {
  it('stops the start when a shard holding articles was deleted, naming it, and does not recreate it', async () => {
    const dir = await storeWith(5);
    const shard = shardsWithArticles(dir)[0]!;
    unlinkSync(shard);
    const err = await openError(dir);
    expect(err.userMessage).toContain(`${shard} is missing`);
    expect(existsSync(shard)).toBe(false);
  });

  it('stops the start when a shard holds fewer articles than it should (an older copy, a hand edit)', async () => {
    const dir = await storeWith(5);
    const shard = shardsWithArticles(dir)[0]!;
    const data = JSON.parse(readFileSync(shard, 'utf8')) as { articles: unknown[] };
    const short = JSON.stringify({ ...data, articles: data.articles.slice(1) });
    writeFileSync(shard, short);
    const err = await openError(dir);
    expect(err.userMessage).toContain(shard);
    expect(err.userMessage).toMatch(/older copy or was cut short/);
    expect(readFileSync(shard, 'utf8')).toBe(short);
  });

  it('accepts what a crash between writing a shard and the manifest leaves, and settles the manifest', async () => {
    const dir = await storeWith(3);
    const manifest = path.join(dir, 'manifest.json');
    const before = `${manifest}.before`;
    copyFileSync(manifest, before);
    const engine = await Engine.open(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'false' }, dir));
    await engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(3) } }, adminCtx);
    await engine.close();
    copyFileSync(before, manifest); // the shard went out, the manifest did not
    expect(await articleCount(dir)).toBe(4);
    expect(readFileSync(manifest, 'utf8')).not.toBe(readFileSync(before, 'utf8'));
  });

  it('builds the manifest for a store from before it, and guards that store from then on', async () => {
    const dir = await storeWith(4);
    unlinkSync(path.join(dir, 'manifest.json'));
    for (const f of readdirSync(path.join(dir, 'articles'))) {
      const file = path.join(dir, 'articles', f);
      const { generation: _generation, ...legacy } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify(legacy)); // shards as an older Ringkas wrote them
    }
    expect(await articleCount(dir)).toBe(4);
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(true);
    unlinkSync(shardsWithArticles(dir)[0]!);
    expect((await openError(dir)).userMessage).toMatch(/is missing/);
  });
});
