// Article bodies and key figures stay on disk (decision 025): a shard is read
// with every `"body":"…"` and `"keyFigures":[…]` member cut out before
// JSON.parse, and what memory keeps of them is where their JSON sits in the
// shard file. They are read back on demand (bodies: phrase checks, the
// near-duplicate check, derivations the snapshot lacks; key figures: cards)
// from the file as last committed, through a descriptor opened on that very
// file: shards are replaced by rename, never changed in place, so an old
// descriptor keeps reading the bytes its ranges describe until the next
// version is committed. Entity lists are read on the way (shard-entities.ts).
import { close, closeSync } from 'node:fs';
import type { Entity, KeyFigure } from '../model/article.js';
import { CLOSE_OBJECT, COMMA, compositeEnd, stringEnd } from './json-bytes.js';
import type { SharedEntities } from './shard-entities.js';
import { readAt } from './read-at.js';

/** Where a member's JSON value sits in the shard file. */
export interface Range {
  start: number;
  end: number;
}

/** A body's JSON string in the shard file (quotes included), or the text itself (not written yet, or in a layout not located). */
export type BodyAt = Range | string;
/** An article's key figures as a JSON list in the shard file, or the list itself (undefined: the record has none). */
export type FiguresAt = Range | KeyFigure[] | undefined;

export const isRange = (at: unknown): at is Range => typeof at === 'object' && at !== null && !Array.isArray(at);

interface Member extends Range {
  /** Where the member's key starts. */
  key: number;
}

const BODY_KEY = Buffer.from('"body":"', 'utf8');
const FIGURES_KEY = Buffer.from('"keyFigures":[', 'utf8');
const ENTITIES_KEY = Buffer.from('"entities":[', 'utf8');

/**
 * Every `"body":"…"` member in `bytes`, in order. Inside a JSON string a quote
 * is always escaped, so the key's bytes are found only where a member begins
 * (keys are ours). Null when one is cut short.
 */
export function findBodies(bytes: Buffer): Member[] | null {
  const out: Member[] = [];
  for (let at = bytes.indexOf(BODY_KEY); at >= 0; ) {
    const start = at + BODY_KEY.length - 1;
    const end = stringEnd(bytes, start + 1);
    if (end < 0) return null;
    out.push({ key: at, start, end });
    at = bytes.indexOf(BODY_KEY, end);
  }
  return out;
}

/**
 * Every `"keyFigures":[…]` member in `bytes`, in order, searched for only
 * between the `bodies` (found first: the bodies are half the bytes). Null when
 * one is cut short or runs into a body.
 */
export function findKeyFigures(bytes: Buffer, bodies: readonly Range[]): Member[] | null {
  const out: Member[] = [];
  let from = 0;
  for (let b = 0; b <= bodies.length; b++) {
    const gap = bytes.subarray(0, b < bodies.length ? bodies[b]!.start : bytes.length);
    for (let at = gap.indexOf(FIGURES_KEY, from); at >= 0; at = gap.indexOf(FIGURES_KEY, from)) {
      const start = at + FIGURES_KEY.length - 1;
      const end = compositeEnd(gap, start);
      if (end < 0) return null;
      out.push({ key: at, start, end });
      from = end;
    }
    if (b < bodies.length) from = bodies[b]!.end;
  }
  return out;
}

export interface CutShard {
  /** The shard's JSON without its body and key-figure members, each entity list replaced by its number in `entities`. */
  text: string;
  /** Each article's body and key figures in the original bytes, in file order. */
  bodies: Range[];
  figures: Range[];
  /** The entity lists, in file order: `"entities":3` in `text` stands for `entities[3]`. */
  entities: Entity[][];
}

/** `"entities":N` for the N-th list: the digits, made once. */
const numbers: Buffer[] = [];
const numberBytes = (n: number): Buffer => (numbers[n] ??= Buffer.from(String(n), 'latin1'));

/**
 * Bodies and key figures come one of each per article, so in file order the
 * i-th of each lie before the (i+1)-th of either: a record holding two of one
 * and another holding none would otherwise shift every one after it.
 */
function paired(bodies: Member[], figures: Member[]): Member[] | null {
  if (bodies.length !== figures.length) return null;
  const out: Member[] = [];
  for (let i = 0; i < bodies.length; i++) {
    const [first, second] = bodies[i]!.key < figures[i]!.key ? [bodies[i]!, figures[i]!] : [figures[i]!, bodies[i]!];
    const next = Math.min(bodies[i + 1]?.key ?? Infinity, figures[i + 1]?.key ?? Infinity);
    if (second.key >= next) return null;
    out.push(first, second);
  }
  return out;
}

/**
 * The shard's bytes without its body and key-figure members (and one comma
 * beside each), with each entity list read through `shared`; null when one of
 * them is not laid out as JSON.stringify writes it (a hand edit): the caller
 * then parses the file whole.
 */
export function cutShard(bytes: Buffer, shared: SharedEntities): CutShard | null {
  const bodies = findBodies(bytes);
  const figures = bodies && findKeyFigures(bytes, bodies);
  const members = bodies && figures && paired(bodies, figures);
  if (!members) return null;
  const parts: Buffer[] = [];
  const entities: Entity[][] = [];
  let from = 0;
  /** Copies up to `until`, replacing the entity lists on the way by their numbers (searched for only there, not in the bodies). */
  const keep = (until: number): boolean => {
    if (until < from) return false; // a member inside another: not ours
    const before = bytes.subarray(0, until);
    for (let at = before.indexOf(ENTITIES_KEY, from); at >= 0; at = before.indexOf(ENTITIES_KEY, from)) {
      const start = at + ENTITIES_KEY.length - 1;
      const read = shared.listAt(before, start);
      if (!read) return false;
      parts.push(bytes.subarray(from, start), numberBytes(entities.length));
      entities.push(read.list);
      from = read.end;
    }
    parts.push(bytes.subarray(from, until));
    return true;
  };
  for (const m of members) {
    if (!keep(m.key)) return null;
    if (bytes[m.end] === COMMA) from = m.end + 1;
    else if (bytes[m.end] === CLOSE_OBJECT && dropTrailingComma(parts)) from = m.end;
    else return null;
  }
  if (!keep(bytes.length)) return null;
  return { text: Buffer.concat(parts).toString('utf8'), bodies: bodies.map(range), figures: figures.map(range), entities };
}

const range = ({ start, end }: Member): Range => ({ start, end });

/** The member before a record's last one was cut: the comma before it goes too. */
function dropTrailingComma(parts: Buffer[]): boolean {
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (p.length === 0) continue;
    if (p[p.length - 1] !== COMMA) return false;
    parts[i] = p.subarray(0, p.length - 1);
    return true;
  }
  return false;
}

/** Reads the JSON value at `at` through a shard file descriptor. */
function readJsonAt(fd: number, at: Range): unknown {
  return JSON.parse(readAt(fd, at.start, at.end - at.start, () => 'shard file shorter than its recorded range').toString('utf8'));
}

/** Reads the body recorded at `at` (the text itself when it is not on disk yet). */
export function bodyFrom(fd: number | null, at: BodyAt): string {
  if (!isRange(at)) return at;
  if (fd === null) throw new Error('shard body recorded without an open file');
  const text = readJsonAt(fd, at);
  if (typeof text !== 'string') throw new Error('recorded body range does not hold a string');
  return text;
}

/** Reads the key figures recorded at `at` (the list itself when it is not on disk). */
export function figuresFrom(fd: number | null, at: FiguresAt): KeyFigure[] | undefined {
  if (!isRange(at)) return at;
  if (fd === null) throw new Error('shard key figures recorded without an open file');
  const list = readJsonAt(fd, at);
  if (!Array.isArray(list)) throw new Error('recorded key-figure range does not hold a list');
  return list as KeyFigure[];
}

export function closeQuietly(fd: number | null): void {
  if (fd === null) return;
  try {
    closeSync(fd);
  } catch {
    // already closed: nothing to release
  }
}

/**
 * Closes a replaced shard's descriptor off the main thread. It is the file's last
 * reference (the rename unlinked it), so closing frees its blocks: ~2 ms for a
 * 300 KB shard and ~25 ms for a 2.6 MB one here (ext4 waits for the file's
 * writeback and discards), which closeSync spent on the event loop once per add.
 */
export function closeInBackground(fd: number | null): void {
  if (fd !== null) close(fd, () => undefined);
}
