// Article bodies stay on disk (decision 025): a shard is read with every
// `"body":"…"` cut out before JSON.parse, and what memory keeps of a body is
// where its JSON string sits in the shard file. A body is read back on demand
// (phrase checks, the near-duplicate check, derivations the snapshot lacks)
// from the file as last committed, through a descriptor opened on that very
// file: shards are replaced by rename, never changed in place, so an old
// descriptor keeps reading the bytes its ranges describe until the next
// version is committed.
import { close, closeSync, readSync } from 'node:fs';

/** A body's JSON string in the shard file (quotes included), or the text itself (not written yet, or in a layout not located). */
export type BodyAt = { start: number; end: number } | string;

const BODY_KEY = Buffer.from('"body":"', 'utf8');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSE = 0x7d;

/** Index just past the closing quote of the JSON string whose content starts at `i`; -1 when cut short. */
function stringEnd(bytes: Buffer, i: number): number {
  for (;;) {
    const q = bytes.indexOf(QUOTE, i);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; bytes[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

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
  /** The shard's JSON with every body member taken out. */
  text: string;
  /** Each body's JSON string in the original bytes, in file order. */
  ranges: { start: number; end: number }[];
}

/**
 * The shard's bytes without its body members (and one comma beside each), or
 * null when a body member is not laid out as JSON.stringify writes it (a hand
 * edit): the caller then parses the file whole.
 */
export function cutBodies(bytes: Buffer): CutShard | null {
  const found = findBodies(bytes);
  if (!found) return null;
  const parts: Buffer[] = [];
  let from = 0;
  for (const b of found) {
    if (bytes[b.end] === COMMA) {
      parts.push(bytes.subarray(from, b.key));
      from = b.end + 1;
    } else if (bytes[b.end] === CLOSE && bytes[b.key - 1] === COMMA) {
      parts.push(bytes.subarray(from, b.key - 1));
      from = b.end;
    } else return null;
  }
  parts.push(bytes.subarray(from));
  return { text: Buffer.concat(parts).toString('utf8'), ranges: found.map(({ start, end }) => ({ start, end })) };
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

/**
 * Closes a replaced shard's descriptor off the main thread. It is the file's last
 * reference (the rename unlinked it), so closing frees its blocks: ~2 ms for a
 * 300 KB shard and ~25 ms for a 2.6 MB one here (ext4 waits for the file's
 * writeback and discards), which closeSync spent on the event loop once per add.
 */
export function closeInBackground(fd: number | null): void {
  if (fd !== null) close(fd, () => undefined);
}
