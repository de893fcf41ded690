// The records cache (data/records.cache, decision 030): a restart takes a shard
// from it only while the shard is the very file the cache was written from,
// and then holds exactly what a read of the shard's text holds. A shard
// changed since (by this store or by hand), and every shard when the cache is
// missing, damaged or of another version, is read from its text.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/model/article.js';
import { ARTICLE_STAMP_VERSION, articleStamp } from '../../src/model/article-stamp.js';
import { RECORDS_FILE } from '../../src/store/records-cache.js';
import { shardOf, type Store } from '../../src/store/store.js';
import { article } from '../roundup/memory-roundup-store.js';
import { tempStores } from '../support/temp-stores.js';

const { open, tmp } = tempStores('records');

const ministry: Entity = { name: 'METI', kind: 'organisation', expansion: 'Ministry of Economy, Trade and Industry (Japan)' };
const ARTICLES = 24;
const shardIndex = (id: string) => shardOf(id, 128);
const shardFile = (dir: string, id: string) => path.join(dir, 'articles', `shard-${String(shardIndex(id)).padStart(2, '0')}.json`);
const cacheFile = (dir: string) => path.join(dir, RECORDS_FILE);

/**
 * A store of ARTICLES articles (entities shared and not, key figures, quotes
 * in bodies), closed, then opened and closed again: its cache names every
 * shard (shards created empty at the first start have no file open until
 * they are read back).
 */
async function filledStore(): Promise<{ dir: string; shards: number }> {
  const dir = tmp();
  const s = await open(dir);
  for (let i = 0; i < ARTICLES; i++) {
    const entities: Entity[] = [ministry, { name: `Person ${i}`, kind: 'person' }];
    const keyFigures = i % 3 === 0 ? [] : [{ value: `${i}.000`, context: `pelatihan ${i}.000 tenaga kerja "baru"` }];
    await s.addArticle(article({ id: `r${i}`, body: `Body ${i}, "quoted"\n\nand more.`, entities, keyFigures, addedAt: `2026-11-01T01:${String(i).padStart(2, '0')}:00.000Z` }));
  }
  await s.close();
  await (await open(dir)).close();
  return { dir, shards: 128 };
}

/** Everything the store serves of its articles, in its order (key order included, as a later shard write keeps it). */
function contents(s: Store): string {
  return JSON.stringify([...s.listArticles()].map((a) => [a, s.readBody(a.id), s.readKeyFigures(a.id)]));
}

/** What a start from the shards' text holds: a copy is other files, so no section of the cache names them. */
async function fromText(dir: string): Promise<string> {
  const copy = tmp();
  cpSync(dir, copy, { recursive: true, filter: (f) => path.basename(f) !== 'ringkas.lock' });
  const s = await open(copy);
  expect(s.shardsFromCache).toBe(0);
  const out = contents(s);
  await s.close();
  return out;
}

/**
 * Rewrites the cache in `dir` as one written under stamp version
 * `stampVersion` whose every stamp is `stamp`, sections and checksums kept
 * whole (the layout of src/store/records-cache.ts: magic and version, the
 * sections, the JSON header, its length).
 */
function restampCache(dir: string, stampVersion: number, stamp: number): void {
  const bytes = readFileSync(cacheFile(dir));
  const length = bytes.readUInt32BE(bytes.length - 4);
  const header = JSON.parse(bytes.subarray(bytes.length - 4 - length, bytes.length - 4).toString('utf8')) as {
    stampVersion: number;
    shards: ({ offset: number; length: number; sha: string } | null)[];
  };
  const head = bytes.subarray(0, header.shards.find((s) => s !== null)!.offset);
  const parts: Buffer[] = [head];
  let offset = head.length;
  for (const s of header.shards) {
    if (s === null) continue;
    const section = JSON.parse(bytes.subarray(s.offset, s.offset + s.length).toString('utf8')) as { stamps: number[] };
    section.stamps = section.stamps.map(() => stamp);
    const out = Buffer.from(JSON.stringify(section), 'utf8');
    Object.assign(s, { offset, length: out.length, sha: createHash('sha256').update(out).digest('base64') });
    parts.push(out);
    offset += out.length;
  }
  header.stampVersion = stampVersion;
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(json.length, 0);
  writeFileSync(cacheFile(dir), Buffer.concat([...parts, json, trailer]));
}

describe('records cache', () => {
  it('its stamps are used only when written under this articleStamp version; under another they are computed again, and the cache rewritten', async () => {
    const { dir, shards } = await filledStore();
    const truth = JSON.parse(await fromText(dir)) as unknown[];
    expect(truth).toHaveLength(ARTICLES);
    const FAKE = 12345;
    // This version: the cache's stamps are taken as they are (the check below can tell).
    restampCache(dir, ARTICLE_STAMP_VERSION, FAKE);
    const trusted = await open(dir);
    expect(trusted.shardsFromCache).toBe(shards);
    expect([...trusted.listArticles()].every((a) => articleStamp(a) === FAKE)).toBe(true);
    await trusted.close();
    // Another version: every shard still comes from the cache, but no stamp does.
    restampCache(dir, ARTICLE_STAMP_VERSION + 1, FAKE);
    const s = await open(dir);
    expect(s.shardsFromCache).toBe(shards);
    const stamps = [...s.listArticles()].map((a) => articleStamp(a));
    expect(stamps).not.toContain(FAKE);
    expect(stamps).toEqual([...s.listArticles()].map((a) => articleStamp({ ...a })));
    await s.close();
    // Close wrote it again under this version, with stamps of the records.
    const bytes = readFileSync(cacheFile(dir));
    const length = bytes.readUInt32BE(bytes.length - 4);
    expect((JSON.parse(bytes.subarray(bytes.length - 4 - length, bytes.length - 4).toString('utf8')) as { stampVersion: number }).stampVersion).toBe(ARTICLE_STAMP_VERSION);
    const again = await open(dir);
    expect(again.shardsFromCache).toBe(shards);
    expect([...again.listArticles()].map((a) => articleStamp(a))).toEqual(stamps);
    await again.close();
  });

  it('a restart takes every unchanged shard from it and holds exactly what a read of the text holds', async () => {
    const { dir, shards } = await filledStore();
    const s = await open(dir);
    expect(s.shardsFromCache).toBe(shards);
    expect(contents(s)).toBe(await fromText(dir));
    const named = [...s.listArticles()].map((a) => a.entities[0]!);
    expect(named.every((e) => e === named[0] && Object.isFrozen(e))).toBe(true);
    // Adds and removals after a start from the cache write the shards as after a start from the text.
    await s.addArticle(article({ id: 'late', addedAt: '2026-11-02T00:00:00.000Z', entities: [ministry] }));
    await s.removeArticle('r5');
    await s.close();
    const again = await open(dir);
    expect(again.shardsFromCache).toBe(shards);
    expect(again.getArticle('late')).toBeDefined();
    expect(again.getArticle('r5')).toBeUndefined();
    expect(contents(again)).toBe(await fromText(dir));
  });

  it('is not written again when it names every shard as it is', async () => {
    const { dir } = await filledStore();
    const before = statSync(cacheFile(dir));
    const s = await open(dir);
    await s.close();
    const after = statSync(cacheFile(dir));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('a shard written after the cache is read from its text, the others still from the cache', async () => {
    const { dir, shards } = await filledStore();
    const old = readFileSync(cacheFile(dir));
    const s = await open(dir);
    // An article landing in r0's shard, so that shard is a file the old cache does not name.
    let k = 0;
    while (shardIndex(`late-${k}`) !== shardIndex('r0')) k++;
    await s.addArticle(article({ id: `late-${k}`, addedAt: '2026-11-02T00:00:00.000Z' }));
    await s.close();
    // As if the process had stopped before writing the cache anew.
    writeFileSync(cacheFile(dir), old);
    const again = await open(dir);
    expect(again.shardsFromCache).toBe(shards - 1);
    expect(again.getArticle(`late-${k}`)).toBeDefined();
    expect(contents(again)).toBe(await fromText(dir));
  });

  it('a shard edited by hand in place is read from its text', async () => {
    const { dir, shards } = await filledStore();
    const file = shardFile(dir, 'r3');
    const inode = statSync(file).ino;
    writeFileSync(file, readFileSync(file, 'utf8').replace('Headline r3', 'Headline R3'));
    expect(statSync(file).ino).toBe(inode);
    const s = await open(dir);
    expect(s.shardsFromCache).toBe(shards - 1);
    expect(s.getArticle('r3')!.title).toBe('Headline R3');
    expect(contents(s)).toBe(await fromText(dir));
  });

  const damage: [string, (bytes: Buffer) => Buffer, (shards: number) => number][] = [
    ['missing', () => Buffer.alloc(0), () => 0],
    ['cut short', (b) => b.subarray(0, Math.floor(b.length / 2)), () => 0],
    ['of another version', (b) => Buffer.concat([b.subarray(0, 16), Buffer.from([0, 0, 0, 99]), b.subarray(20)]), () => 0],
    ['damaged inside one shard\'s part', (b) => Buffer.concat([b.subarray(0, 40), Buffer.from('X'), b.subarray(41)]), (n) => n - 1],
    ['garbage', (b) => Buffer.alloc(b.length, 0x7b), () => 0],
  ];
  for (const [what, change, used] of damage) {
    it(`a cache ${what} is ignored, the shards read from their text, and written anew at close`, async () => {
      const { dir, shards } = await filledStore();
      const bytes = change(readFileSync(cacheFile(dir)));
      if (bytes.length === 0) unlinkSync(cacheFile(dir));
      else writeFileSync(cacheFile(dir), bytes);
      const s = await open(dir);
      expect(s.shardsFromCache).toBe(used(shards));
      expect(contents(s)).toBe(await fromText(dir));
      await s.close();
      const again = await open(dir);
      expect(again.shardsFromCache).toBe(shards);
    });
  }
});
