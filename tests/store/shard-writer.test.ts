// An add appends to its shard by copying the file and replacing its tail; the
// result must be byte for byte what writing the whole shard gives, and a shard
// that does not end as expected (another layout, a hand edit) is written whole,
// its bodies read back from the file as committed (memory holds none). After
// every write, each body is read back from where the returned state says it is.
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedPart, type ArticleRecord } from '../../src/model/article.js';
import { bodyFrom, closeQuietly, figuresFrom } from '../../src/store/shard-bodies.js';
import { parseShard, readShardBytes } from '../../src/store/read-shard.js';
import { ShardWriter } from '../../src/store/shard-writer.js';
import type { ShardState } from '../../src/store/store-schema.js';

const dirs: string[] = [];
const fds: (number | null)[] = [];
afterEach(() => {
  fds.splice(0).forEach(closeQuietly);
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function shardFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ringkas-shard-'));
  dirs.push(dir);
  return path.join(dir, 'shard-07.json');
}

const article = (n: number) =>
  ({
    id: `a${n}`,
    fingerprint: `f${n}`,
    keyFigures: [{ value: `${n}`, context: `"keyFigures":[${n}] — ünïcode \\ {"body":"x"}` }],
    body: `Body "${n}" — ünïcode \\ ${'x'.repeat(n)}\n\n"body":"${n}"`,
  }) as unknown as ArticleRecord;

/** What the store asks a shard to hold: the articles without bodies, the new ones' bodies as text. */
function next(committed: ShardState, generation: number, articles: ArticleRecord[], keep: readonly string[] = committed.articles.map((a) => a.id)): ShardState {
  const bodies = new Map(committed.bodies);
  const figures = new Map(committed.figures);
  for (const held of [bodies, figures]) for (const id of [...held.keys()]) if (!keep.includes(id)) held.delete(id);
  for (const a of articles) {
    bodies.set(a.id, a.body);
    figures.set(a.id, a.keyFigures);
  }
  const kept = committed.articles.filter((a) => keep.includes(a.id));
  return { ...committed, generation, articles: [...kept, ...articles.map(storedPart)], bodies, figures };
}

const empty = (): ShardState => ({ schemaVersion: 1, generation: 0, articles: [], bodies: new Map(), figures: new Map(), fd: null });
const whole = (generation: number, articles: ArticleRecord[]) => JSON.stringify({ schemaVersion: 1, articles, generation });

/** Writes `nextState` over `committed`, checks every body reads back, returns the file's text and the new state. */
async function written(writer: ShardWriter, nextState: ShardState, committed: ShardState, expected: ArticleRecord[]): Promise<[string, ShardState]> {
  const state = await writer.write(nextState, committed);
  fds.push(state.fd);
  expect(state.articles.map((a) => [a.id, bodyFrom(state.fd, state.bodies.get(a.id)!)])).toEqual(expected.map((a) => [a.id, a.body]));
  expect([...state.bodies.values()].every((b) => typeof b !== 'string')).toBe(true);
  expect(state.articles.map((a) => [a.id, figuresFrom(state.fd, state.figures.get(a.id))])).toEqual(expected.map((a) => [a.id, a.keyFigures]));
  expect([...state.figures.values()].every((f) => !Array.isArray(f))).toBe(true);
  return [readFileSync(writer.file, 'utf8'), state];
}

describe('shard writer', () => {
  it('appends added articles so the file equals the whole shard written out', async () => {
    const file = shardFile();
    const writer = new ShardWriter(file);
    const [a1, a2, a3, a4] = [1, 2, 3, 4].map(article) as [ArticleRecord, ArticleRecord, ArticleRecord, ArticleRecord];
    const [t1, one] = await written(writer, next(empty(), 1, [a1]), empty(), [a1]);
    expect(t1).toBe(whole(1, [a1]));
    const [t3, three] = await written(writer, next(one, 2, [a2, a3]), one, [a1, a2, a3]);
    expect(t3).toBe(whole(2, [a1, a2, a3]));
    const [t4] = await written(writer, next(three, 3, [a4]), three, [a1, a2, a3, a4]);
    expect(t4).toBe(whole(3, [a1, a2, a3, a4]));
    expect(readdirSync(path.dirname(file))).toEqual(['shard-07.json']);
  });

  it('moves a shard in the older layout (generation first) to the new one on its first append, then appends to it', async () => {
    const file = shardFile();
    const writer = new ShardWriter(file);
    const [a1, a2, a3, a4] = [1, 2, 3, 4].map(article) as [ArticleRecord, ArticleRecord, ArticleRecord, ArticleRecord];
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, generation: 4, articles: [a1, a2] }));
    const old = parseShard(file, (await readShardBytes(file))!);
    fds.push(old.fd);
    const [t3, three] = await written(writer, next(old, 5, [a3]), old, [a1, a2, a3]);
    expect(t3).toBe(whole(5, [a1, a2, a3]));
    const [t4] = await written(writer, next(three, 6, [a4]), three, [a1, a2, a3, a4]);
    expect(t4).toBe(whole(6, [a1, a2, a3, a4]));
  });

  it('writes whole a removal, reading the kept bodies back from the file, and a file that does not end as the store last wrote it', async () => {
    const file = shardFile();
    const writer = new ShardWriter(file);
    const [a1, a2, a3] = [1, 2, 3].map(article) as [ArticleRecord, ArticleRecord, ArticleRecord];
    const [, two] = await written(writer, next(empty(), 1, [a1, a2]), empty(), [a1, a2]);
    const [t, removed] = await written(writer, next(two, 2, [], [a2.id]), two, [a2]);
    expect(t).toBe(whole(2, [a2]));
    // Replaced outside the store (same generation, other content; an editor's save renames a new
    // file over it): the store's view is written whole, its bodies read through the descriptor on
    // the file it committed.
    writeFileSync(`${file}.edit`, whole(2, [article(9)]));
    renameSync(`${file}.edit`, file);
    const [t2] = await written(writer, next(removed, 3, [a3]), removed, [a2, a3]);
    expect(t2).toBe(whole(3, [a2, a3]));
  });
});
