// Writing one article shard file. Rewriting the whole shard for each add costs a
// JSON.stringify of every article in it (~45 ms for a 2.5 MB shard at 100,000
// articles), and bodies are not in memory (decision 025), so an add that only
// appends articles copies the file as it is on disk (a kernel copy, no
// JavaScript strings), cuts its closing tail and writes the new articles and a
// new tail. The file is laid out with the generation after the articles so
// that the tail is all that changes; a shard written before this (generation
// first) is moved to that layout on its first append by copying its articles'
// bytes as they are, and any other change (a removal, a hand-edited file) is
// written whole, its bodies read back from the file as committed. Either way
// the new text goes to a temporary file renamed over the shard: atomic, as
// lowdb's own writer is (decision 002). A descriptor is opened on the new file
// before the rename, so the state returned reads bodies from exactly it.
import { open as openCallback } from 'node:fs';
import { copyFile, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { KeyFigure, StoredArticle } from '../model/article.js';
import { bodyFrom, closeQuietly, figuresFrom, findBodies, findKeyFigures, isRange, type BodyAt, type FiguresAt, type Range } from './shard-bodies.js';
import { generationOf, type ShardState } from './store-schema.js';

const openFd = promisify(openCallback);

/** What follows the last article: the only bytes an append rewrites. */
export const shardTail = (generation: number): string => `],"generation":${generation}}`;

/** The shard's fields besides its articles, as written. */
function shardFields(shard: ShardState): Record<string, unknown> {
  const { articles: _a, generation: _g, bodies: _b, figures: _k, fd: _f, ...rest } = shard;
  return rest;
}

/** The whole shard as written, with these article texts: articles before the generation, so appends touch only the tail. */
export function shardText(shard: ShardState, articleTexts: readonly string[]): string {
  const head = JSON.stringify({ ...shardFields(shard), articles: [] }).slice(0, -2);
  return `${head}${articleTexts.join(',')}${shardTail(generationOf(shard))}`;
}

/** What memory does not hold of an article: written after its other fields. */
interface OffMemory {
  body: string;
  keyFigures: KeyFigure[] | undefined;
}

/** One article as written: its key figures and body after its other fields. */
const articleText = (article: StoredArticle, { body, keyFigures }: OffMemory): string => JSON.stringify({ ...article, keyFigures, body });

/** An article's body and key figures, read from the file `fd` where they are not in memory. */
function offMemory(state: ShardState, fd: number | null, id: string): OffMemory {
  return { body: bodyFrom(fd, state.bodies.get(id)!), keyFigures: figuresFrom(fd, state.figures.get(id)) };
}

/** The articles `next` adds at the end of `committed`, or null when it changes anything else. */
function appended(next: ShardState, committed: ShardState): StoredArticle[] | null {
  const before = committed.articles;
  const after = next.articles;
  if (after.length <= before.length || next.schemaVersion !== committed.schemaVersion) return null;
  for (let i = 0; i < before.length; i++) if (after[i] !== before[i]) return null;
  if (Object.keys(shardFields(next)).length !== Object.keys(shardFields(committed)).length) return null;
  return after.slice(before.length);
}

/** What a write put on disk: the file's size and where each body and list of key figures is in it. */
interface Written {
  size: number;
  bodies: Map<string, BodyAt>;
  figures: Map<string, FiguresAt>;
}

export class ShardWriter {
  private readonly temp: string;
  /** The file's size after this writer's last write (null before it wrote): another size means someone else wrote it. */
  private size: number | null = null;

  constructor(readonly file: string) {
    this.temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  }

  /** Puts `next` on disk, where `committed` is what the file holds now; returns `next` as the file now holds it. */
  async write(next: ShardState, committed: ShardState): Promise<ShardState> {
    const added = committed.articles.length > 0 ? appended(next, committed) : null;
    let fd: number | null = null;
    try {
      const written = (added && ((await this.append(added, next, committed)) ?? (await this.convert(added, next, committed)))) || (await this.rewrite(next, committed));
      fd = await openFd(this.temp, 'r');
      await rename(this.temp, this.file);
      this.size = written.size;
      return { ...next, bodies: written.bodies, figures: written.figures, fd };
    } catch (e) {
      closeQuietly(fd);
      this.size = null;
      await unlink(this.temp).catch(() => undefined);
      throw e;
    }
  }

  /** The texts of the added articles (bodies and key figures still held) and where theirs land when written from `at`. */
  private addedText(added: readonly StoredArticle[], next: ShardState, at: number, written: Written): Buffer {
    const held = added.map((a) => offMemory(next, null, a.id));
    const text = Buffer.from(`,${added.map((a, i) => articleText(a, held[i]!)).join(',')}`, 'utf8');
    locate(added, held, text, at, written);
    return text;
  }

  /** The whole shard written out; bodies and key figures not in memory are read from the file as committed. */
  private async rewrite(next: ShardState, committed: ShardState): Promise<Written> {
    const held = next.articles.map((a) => offMemory(next, committed.fd, a.id));
    const bytes = Buffer.from(shardText(next, next.articles.map((a, i) => articleText(a, held[i]!))), 'utf8');
    await writeFile(this.temp, bytes);
    const written: Written = { size: bytes.length, bodies: new Map(), figures: new Map() };
    locate(next.articles, held, bytes, 0, written);
    return written;
  }

  /**
   * A shard in the layout written before appends (`{"schemaVersion":1,"generation":4,"articles":[…]}`):
   * its articles' bytes are kept as they are, between the new head and the new tail. Null when the file is not that.
   */
  private async convert(added: StoredArticle[], next: ShardState, committed: ShardState): Promise<Written | null> {
    const { articles: _a, bodies: _b, figures: _k, fd: _f, ...fields } = committed;
    const oldHead = JSON.stringify({ ...fields, articles: [] }).slice(0, -2);
    if (!oldHead.endsWith('"articles":[')) return null;
    const old = await readFile(this.file);
    const head = Buffer.from(oldHead, 'utf8');
    const closing = Buffer.from('}]}', 'utf8');
    if (old.length < head.length + closing.length || !old.subarray(0, head.length).equals(head) || !old.subarray(old.length - closing.length).equals(closing)) return null;
    const newHead = Buffer.from(JSON.stringify({ ...shardFields(next), articles: [] }).slice(0, -2), 'utf8');
    const shift = newHead.length - head.length;
    const written: Written = { size: 0, bodies: shifted(committed.bodies, shift), figures: shifted(committed.figures, shift) };
    const kept = old.subarray(head.length, old.length - 2);
    const text = this.addedText(added, next, newHead.length + kept.length, written);
    const parts = [newHead, kept, text, Buffer.from(shardTail(generationOf(next)), 'utf8')];
    await writeFile(this.temp, parts);
    written.size = parts.reduce((n, p) => n + p.length, 0);
    return written;
  }

  /** Copies the shard and replaces its tail, giving the new size; null when the file is not as this store left it. */
  private async append(added: StoredArticle[], next: ShardState, committed: ShardState): Promise<Written | null> {
    const oldTail = Buffer.from(shardTail(generationOf(committed)), 'utf8');
    await copyFile(this.file, this.temp);
    const handle = await open(this.temp, 'r+');
    try {
      const { size } = await handle.stat();
      if (size <= oldTail.length || (this.size !== null && size !== this.size)) return null;
      const end = Buffer.alloc(oldTail.length + 1);
      await handle.read(end, 0, end.length, size - end.length);
      // The byte before the tail closes the last article: a shard of another layout never ends so.
      if (end[0] !== 0x7d || !end.subarray(1).equals(oldTail)) return null;
      const from = size - oldTail.length;
      const written: Written = { size: 0, bodies: new Map(committed.bodies), figures: new Map(committed.figures) };
      const text = Buffer.concat([this.addedText(added, next, from, written), Buffer.from(shardTail(generationOf(next)), 'utf8')]);
      await handle.truncate(from);
      await handle.write(text, 0, text.length, from);
      written.size = from + text.length;
      return written;
    } finally {
      await handle.close();
    }
  }
}

/**
 * Records where the bodies and key figures `held` of `articles`, written as
 * `bytes` at offset `at`, are (kept in memory as they are where not found as
 * expected, e.g. an article with no key figures).
 */
function locate(articles: readonly StoredArticle[], held: readonly OffMemory[], bytes: Buffer, at: number, written: Written): void {
  const bodies = findBodies(bytes);
  const bodiesExact = bodies !== null && bodies.length === articles.length;
  const figures = bodies && findKeyFigures(bytes, bodies);
  const figuresExact = figures !== null && figures.length === articles.length && held.every((h) => h.keyFigures !== undefined);
  articles.forEach((a, i) => {
    const b = bodiesExact ? bodies[i]! : null;
    written.bodies.set(a.id, b ? { start: at + b.start, end: at + b.end } : held[i]!.body);
    const f = figuresExact ? figures[i]! : null;
    written.figures.set(a.id, f ? { start: at + f.start, end: at + f.end } : held[i]!.keyFigures);
  });
}

function shifted<T>(held: ReadonlyMap<string, Range | T>, by: number): Map<string, Range | T> {
  const out = new Map<string, Range | T>();
  for (const [id, at] of held) out.set(id, isRange(at) ? { start: at.start + by, end: at.end + by } : at);
  return out;
}
