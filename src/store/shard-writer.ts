// Writing one article shard file. Rewriting the whole shard for each add costs a
// JSON.stringify of every article in it (~45 ms for a 2.5 MB shard at 100,000
// articles), so an add that only appends articles copies the file as it is on
// disk (a kernel copy, no JavaScript strings), cuts its closing tail and writes
// the new articles and a new tail. The file is laid out with the generation
// after the articles so that the tail is all that changes; a shard written
// before this (generation first) is moved to that layout on its first append by
// copying its articles' bytes as they are, and one in any other layout (a hand
// edit) is rewritten whole. Either way
// the new text goes to a temporary file renamed over the shard: atomic, as
// lowdb's own writer is (decision 002).
import { copyFile, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generationOf } from './open-files.js';
import type { ShardFile } from './store-schema.js';

/** What follows the last article: the only bytes an append rewrites. */
export const shardTail = (generation: number): string => `],"generation":${generation}}`;

/** The whole shard as written: articles before the generation, so appends touch only the tail. */
export function shardText(shard: ShardFile): string {
  const { articles, generation, ...rest } = shard;
  return JSON.stringify({ ...rest, articles, generation: generation ?? 0 });
}

/** The articles `next` adds at the end of `committed`, or null when it changes anything else. */
function appended(next: ShardFile, committed: ShardFile): ShardFile['articles'] | null {
  const before = committed.articles;
  const after = next.articles;
  if (after.length <= before.length || next.schemaVersion !== committed.schemaVersion) return null;
  for (let i = 0; i < before.length; i++) if (after[i] !== before[i]) return null;
  const keys = (s: ShardFile) => Object.keys(s).filter((k) => k !== 'generation' && k !== 'articles').length;
  if (keys(next) !== keys(committed)) return null;
  return after.slice(before.length);
}

export class ShardWriter {
  private readonly temp: string;
  /** The file's size after this writer's last write (null before it wrote): another size means someone else wrote it. */
  private size: number | null = null;

  constructor(readonly file: string) {
    this.temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  }

  /** Puts `next` on disk, where `committed` is what the file holds now. */
  async write(next: ShardFile, committed: ShardFile): Promise<void> {
    const added = committed.articles.length > 0 ? appended(next, committed) : null;
    try {
      let size = added ? ((await this.append(added, generationOf(committed), generationOf(next))) ?? (await this.convert(added, next, committed))) : null;
      if (size === null) {
        const text = shardText(next);
        await writeFile(this.temp, text, 'utf8');
        size = Buffer.byteLength(text, 'utf8');
      }
      await rename(this.temp, this.file);
      this.size = size;
    } catch (e) {
      this.size = null;
      await unlink(this.temp).catch(() => undefined);
      throw e;
    }
  }

  /**
   * A shard in the layout written before appends (`{"schemaVersion":1,"generation":4,"articles":[…]}`):
   * its articles' bytes are kept as they are, between the new head and the new tail. Null when the file is not that.
   */
  private async convert(added: ShardFile['articles'], next: ShardFile, committed: ShardFile): Promise<number | null> {
    const oldHead = JSON.stringify({ ...committed, articles: [] }).slice(0, -2);
    if (!oldHead.endsWith('"articles":[')) return null;
    const old = await readFile(this.file);
    const head = Buffer.from(oldHead, 'utf8');
    const closing = Buffer.from('}]}', 'utf8');
    if (old.length < head.length + closing.length || !old.subarray(0, head.length).equals(head) || !old.subarray(old.length - closing.length).equals(closing)) return null;
    const { articles: _articles, generation: _generation, ...rest } = next;
    const parts = [
      Buffer.from(JSON.stringify({ ...rest, articles: [] }).slice(0, -2), 'utf8'),
      old.subarray(head.length, old.length - 2),
      Buffer.from(`,${added.map((a) => JSON.stringify(a)).join(',')}${shardTail(generationOf(next))}`, 'utf8'),
    ];
    await writeFile(this.temp, parts);
    return parts.reduce((n, p) => n + p.length, 0);
  }

  /** Copies the shard and replaces its tail, giving the new size; null when the file is not as this store left it. */
  private async append(added: ShardFile['articles'], from: number, to: number): Promise<number | null> {
    const oldTail = Buffer.from(shardTail(from), 'utf8');
    await copyFile(this.file, this.temp);
    const handle = await open(this.temp, 'r+');
    try {
      const { size } = await handle.stat();
      if (size <= oldTail.length || (this.size !== null && size !== this.size)) return null;
      const end = Buffer.alloc(oldTail.length + 1);
      await handle.read(end, 0, end.length, size - end.length);
      // The byte before the tail closes the last article: a shard of another layout never ends so.
      if (end[0] !== 0x7d || !end.subarray(1).equals(oldTail)) return null;
      const text = Buffer.from(`,${added.map((a) => JSON.stringify(a)).join(',')}${shardTail(to)}`, 'utf8');
      await handle.truncate(size - oldTail.length);
      await handle.write(text, 0, text.length, size - oldTail.length);
      return size - oldTail.length + text.length;
    } finally {
      await handle.close();
    }
  }
}
