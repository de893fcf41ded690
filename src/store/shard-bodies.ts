// Article bodies stay on disk (decision 025): a shard is read with every
// `"body":"…"` cut out before JSON.parse, and what memory keeps of a body is
// where its JSON string sits in the shard file. A body is read back on demand
// (phrase checks, the near-duplicate check, derivations the snapshot lacks)
// from the file as last committed, through a descriptor opened on that very
// file: shards are replaced by rename, never changed in place, so an old
// descriptor keeps reading the bytes its ranges describe until the next
// version is committed.
import { closeSync, readSync } from 'node:fs';
import type { Entity } from '../model/article.js';
import { stringEnd } from './json-bytes.js';
import type { SharedEntities } from './shard-entities.js';

/** A body's JSON string in the shard file (quotes included), or the text itself (not written yet, or in a layout not located). */
export type BodyAt = { start: number; end: number } | string;

const BODY_KEY = Buffer.from('"body":"', 'utf8');
const ENTITIES_KEY = Buffer.from('"entities":[', 'utf8');
const COMMA = 0x2c;
const CLOSE = 0x7d;

/**
 * Every `"body":"…"` member in `bytes`, in order: where its key starts, where
 * its string starts and ends. Inside a JSON string a quote is always escaped,
 * so the key's bytes are found only where a member begins (keys are ours).
 */
export function findBodies(bytes: Buffer): { key: number; start: number; end: number }[] | null {
  const out: { key: number; start: number; end: number }[] = [];
  for (let at = bytes.indexOf(BODY_KEY); at >= 0; ) {
    const start = at + BODY_KEY.length - 1;
    const end = stringEnd(bytes, start + 1);
    if (end < 0) return null;
    out.push({ key: at, start, end });
    at = bytes.indexOf(BODY_KEY, end);
  }
  return out;
}

export interface CutShard {
  /** The shard's JSON with every body member taken out and every entity list replaced by its number in `entities`. */
  text: string;
  /** Each body's JSON string in the original bytes, in file order. */
  ranges: { start: number; end: number }[];
  /** The entity lists, in file order: `"entities":3` in `text` stands for `entities[3]`. */
  entities: Entity[][];
}

/** `"entities":N` for the N-th list: the digits, made once. */
const numbers: Buffer[] = [];
const numberBytes = (n: number): Buffer => (numbers[n] ??= Buffer.from(String(n), 'latin1'));

/**
 * The shard's bytes without its body members (and one comma beside each) and
 * with each entity list read through `shared` (shard-entities.ts), or null
 * when a body member or an entity list is not laid out as JSON.stringify
 * writes it (a hand edit): the caller then parses the file whole.
 */
export function cutShard(bytes: Buffer, shared: SharedEntities): CutShard | null {
  const found = findBodies(bytes);
  if (!found) return null;
  const parts: Buffer[] = [];
  const entities: Entity[][] = [];
  let from = 0;
  /** Copies up to `until`, replacing the entity lists on the way by their numbers (searched for only there, not in the bodies). */
  const keep = (until: number): boolean => {
    const before = bytes.subarray(0, until);
    for (let at = before.indexOf(ENTITIES_KEY, from); at >= 0; at = before.indexOf(ENTITIES_KEY, from)) {
      const start = at + ENTITIES_KEY.length - 1;
      const read = shared.listAt(before, start);
      if (!read) return false;
      parts.push(bytes.subarray(from, start), numberBytes(entities.length));
      entities.push(read.list);
      from = read.end;
    }
    return true;
  };
  for (const b of found) {
    if (b.key < from) return null; // a body inside an entity list: not ours
    if (bytes[b.end] === COMMA) {
      if (!keep(b.key)) return null;
      parts.push(bytes.subarray(from, b.key));
      from = b.end + 1;
    } else if (bytes[b.end] === CLOSE && bytes[b.key - 1] === COMMA) {
      if (!keep(b.key - 1)) return null;
      parts.push(bytes.subarray(from, b.key - 1));
      from = b.end;
    } else return null;
  }
  if (!keep(bytes.length)) return null;
  parts.push(bytes.subarray(from));
  return { text: Buffer.concat(parts).toString('utf8'), ranges: found.map(({ start, end }) => ({ start, end })), entities };
}

/** Reads a body from a shard file descriptor: the JSON string at `at`, decoded. */
export function readBodyAt(fd: number, at: { start: number; end: number }): string {
  const length = at.end - at.start;
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, at.start + done);
    if (n === 0) throw new Error('shard file shorter than its recorded body range');
    done += n;
  }
  const text: unknown = JSON.parse(buffer.toString('utf8'));
  if (typeof text !== 'string') throw new Error('recorded body range does not hold a string');
  return text;
}

/** Reads the body recorded at `at` (the text itself when it is not on disk yet). */
export function bodyFrom(fd: number | null, at: BodyAt): string {
  if (typeof at === 'string') return at;
  if (fd === null) throw new Error('shard body recorded without an open file');
  return readBodyAt(fd, at);
}

export function closeQuietly(fd: number | null): void {
  if (fd === null) return;
  try {
    closeSync(fd);
  } catch {
    // already closed: nothing to release
  }
}
