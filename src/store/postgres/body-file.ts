// The article bodies a PostgreSQL instance can read synchronously without holding
// them in memory (decision 025's port: `readBody` is sync, and its readers are the
// look-up's phrase check, the near-duplicate check and derivation from text, all
// sync code). A body cannot be fetched from the database synchronously, so the
// instance streams every body once at open (a binary COPY: the bytes as stored,
// no string made) into a file of its own and reads it back with one pread.
// The file is unlinked as soon as it is opened: it lives as long as its descriptor,
// so nothing is left behind by a crash, and no other process or instance sees it.
// Bodies of later adds (this instance's or others') are appended; a removal only
// forgets where the body was. Decision 027, 2026-12-03 section. Each article's key
// figures (their JSON text) are kept the same way, beside its body (decision 031):
// they feed only cards, and were 40% of a record's bytes. At a large start the
// bodies and the records blob's key figures are written by the start's reader
// thread (start-reads.ts): every writer reserves its range of the file through
// one shared end (an atomic add) before writing it, so no two ranges overlap.
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, unlinkSync, writevSync } from 'node:fs';
import path from 'node:path';
import { readAt } from '../read-at.js';

interface Place {
  start: number;
  length: number;
}

/** What another thread needs to append to the file: its descriptor (descriptors are the process's) and its shared end. */
export interface BodyFileShare {
  fd: number;
  end: SharedArrayBuffer;
}

/** Appends `parts` one after another at a range reserved for them (one write, no joined copy); returns where they start. */
export function appendShared(share: BodyFileShare, parts: readonly Uint8Array[]): number {
  let length = 0;
  for (const p of parts) length += p.length;
  const start = Number(Atomics.add(new BigInt64Array(share.end), 0, BigInt(length)));
  // libuv repeats a short writev until every part is written.
  if (length > 0 && writevSync(share.fd, parts as Uint8Array[], start) !== length) throw new Error('the body file took fewer bytes than given');
  return start;
}

export class BodyFile {
  private readonly at = new Map<string, Place>();
  private readonly figuresAt = new Map<string, Place>();
  private readonly end = new SharedArrayBuffer(8);

  private constructor(private fd: number) {}

  /** For a thread that appends while the store loads (the descriptor stays this file's: it must not outlive it). */
  share(): BodyFileShare {
    return { fd: this.descriptor(), end: this.end };
  }

  /** A new, empty file in `dir`, already unlinked. */
  static open(dir: string): BodyFile {
    const file = path.join(dir, `ringkas-bodies-${process.pid}-${randomUUID()}`);
    const fd = openSync(file, 'wx+', 0o600);
    unlinkSync(file);
    return new BodyFile(fd);
  }

  has(id: string): boolean {
    return this.at.has(id);
  }

  /** Appends bodies given as their UTF-8 bytes (views are fine: they are copied out now, not kept). */
  putBytes(entries: readonly (readonly [id: string, bytes: Buffer])[]): void {
    this.putIn(this.at, entries);
  }

  put(id: string, body: string): void {
    this.putBytes([[id, Buffer.from(body, 'utf8')]]);
  }

  /** An added article's body and key figures (their JSON text's bytes) in one write: an add on the main thread makes one system call, not two. */
  putArticle(id: string, body: string, figures: Buffer): void {
    const bytes = Buffer.from(body, 'utf8');
    const at = appendShared(this.share(), [bytes, figures]);
    this.at.set(id, { start: at, length: bytes.length });
    this.figuresAt.set(id, { start: at + bytes.length, length: figures.length });
  }

  /** Appends key figures given as their JSON text's bytes. */
  putFigures(entries: readonly (readonly [id: string, bytes: Buffer])[]): void {
    this.putIn(this.figuresAt, entries);
  }

  /** Appends bytes whose places are told later (placeFigures); returns where they start. */
  putArea(bytes: Buffer): number {
    return appendShared(this.share(), [bytes]);
  }

  /** Bodies another thread appended (appendShared): `ids[k]`'s is `lengths[k]` bytes at `starts[k]`. */
  placeBodies(ids: readonly string[], starts: Float64Array, lengths: Uint32Array): void {
    for (let k = 0; k < ids.length; k++) this.at.set(ids[k]!, { start: starts[k]!, length: lengths[k]! });
  }

  /** The key figures of `id` are the `length` bytes at `start` (put there by putArea). */
  placeFigures(id: string, start: number, length: number): void {
    this.figuresAt.set(id, { start, length });
  }

  private putIn(places: Map<string, Place>, entries: readonly (readonly [id: string, bytes: Buffer])[]): void {
    let at = appendShared(this.share(), entries.map(([, bytes]) => bytes));
    for (const [id, bytes] of entries) {
      places.set(id, { start: at, length: bytes.length });
      at += bytes.length;
    }
  }

  read(id: string): string | undefined {
    return this.bytesAt(this.at.get(id), `body of ${id}`)?.toString('utf8');
  }

  /** The key figures' JSON text as stored (undefined for an id without). */
  figures(id: string): Buffer | undefined {
    return this.bytesAt(this.figuresAt.get(id), `key figures of ${id}`);
  }

  private bytesAt(place: Place | undefined, what: string): Buffer | undefined {
    const fd = this.descriptor();
    if (!place) return undefined;
    return readAt(fd, place.start, place.length, () => `${what} cut short in the instance's body file`);
  }

  forget(id: string): void {
    this.at.delete(id);
    this.figuresAt.delete(id);
  }

  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }

  private descriptor(): number {
    if (this.fd < 0) throw new Error('the store is closed');
    return this.fd;
  }
}
