// An add appends to its shard by copying the file and replacing its tail; the
// result must be byte for byte what writing the whole shard gives, and a shard
// that does not end as expected (another layout, a hand edit) is written whole.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/model/article.js';
import { ShardWriter, shardText } from '../../src/store/shard-writer.js';
import type { ShardFile } from '../../src/store/store-schema.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function shardFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ringkas-shard-'));
  dirs.push(dir);
  return path.join(dir, 'shard-07.json');
}

const article = (n: number) => ({ id: `a${n}`, fingerprint: `f${n}`, body: `Body "${n}" — ünïcode ${'x'.repeat(n)}` }) as unknown as ArticleRecord;
const shard = (generation: number, articles: ArticleRecord[]): ShardFile => ({ schemaVersion: 1, generation, articles });

/** Writes `next` over `committed` and returns the file's text. */
async function written(writer: ShardWriter, next: ShardFile, committed: ShardFile): Promise<string> {
  await writer.write(next, committed);
  return readFileSync(writer.file, 'utf8');
}

describe('shard writer', () => {
  it('appends added articles so the file equals the whole shard written out', async () => {
    const file = shardFile();
    const writer = new ShardWriter(file);
    const one = shard(1, [article(1)]);
    expect(await written(writer, one, shard(0, []))).toBe(shardText(one));
    const three = shard(2, [...one.articles, article(2), article(3)]);
    expect(await written(writer, three, one)).toBe(shardText(three));
    const four = shard(3, [...three.articles, article(4)]);
    expect(await written(writer, four, three)).toBe(shardText(four));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(four);
    expect(readdirSync(path.dirname(file))).toEqual(['shard-07.json']);
  });

  it('moves a shard in the older layout (generation first) to the new one on its first append, then appends to it', async () => {
    const file = shardFile();
    const writer = new ShardWriter(file);
    const old = shard(4, [article(1), article(2)]);
    writeFileSync(file, JSON.stringify(old));
    expect(readFileSync(file, 'utf8')).not.toBe(shardText(old));
    const next = shard(5, [...old.articles, article(3)]);
    expect(await written(writer, next, old)).toBe(shardText(next));
    const after = shard(6, [...next.articles, article(4)]);
    expect(await written(writer, after, next)).toBe(shardText(after));
  });

  it('writes whole a removal, and a file that does not end as the store last wrote it', async () => {
    const file = shardFile();
    const writer = new ShardWriter(file);
    const two = shard(1, [article(1), article(2)]);
    await writer.write(two, shard(0, []));
    const removed = shard(2, [two.articles[1]!]);
    expect(await written(writer, removed, two)).toBe(shardText(removed));
    // Changed outside the store (same generation, other content): the store's view is written whole.
    writeFileSync(file, shardText(shard(2, [article(9)])));
    const next = shard(3, [...removed.articles, article(3)]);
    expect(await written(writer, next, removed)).toBe(shardText(next));
  });
});
