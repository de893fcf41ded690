// Entities repeat across articles (the same ministries, companies, places), and
// they are the largest part of a record memory keeps: ~12 small objects per
// article, a third of the bytes a start parses. At start a shard's entity lists
// are read element by element from its bytes, and an element whose bytes were
// seen before (in any shard of this start) is the object already parsed for
// them: each distinct entity is parsed and held once. The shared objects are
// frozen, so no reader can change one article's entity through another. The
// elements are found and hashed in one pass over their bytes (no string is made
// for an entity seen before), then compared byte for byte with the one seen.
import type { Entity } from '../model/article.js';
import { BACKSLASH, CLOSE_LIST, CLOSE_OBJECT, COMMA, OPEN_LIST, OPEN_OBJECT, QUOTE } from './json-bytes.js';

interface Known {
  bytes: Buffer;
  entity: Entity;
  /** Another entity whose bytes hash the same. */
  next: Known | undefined;
}

export class SharedEntities {
  private readonly byHash = new Map<number, Known>();
  /** Set by `elementEnd`: the FNV-1a hash of the element it scanned. */
  private hash = 0;

  /**
   * The list of objects whose `[` is at `start`, and the index just past it;
   * null when it is not laid out as JSON.stringify writes a list of objects
   * (the caller then parses the shard whole).
   */
  listAt(bytes: Buffer, start: number): { end: number; list: Entity[] } | null {
    const list: Entity[] = [];
    let i = start + 1;
    if (bytes[i] === CLOSE_LIST) return { end: i + 1, list };
    for (;;) {
      if (bytes[i] !== OPEN_OBJECT) return null;
      const end = this.elementEnd(bytes, i);
      if (end < 0) return null;
      const entity = this.entity(bytes, i, end);
      if (!entity) return null;
      list.push(entity);
      if (bytes[end] === CLOSE_LIST) return { end: end + 1, list };
      if (bytes[end] !== COMMA) return null;
      i = end + 1;
    }
  }

  /** Index just past the object opening at `i` (-1 when cut short), hashing its bytes on the way. */
  private elementEnd(bytes: Buffer, i: number): number {
    let h = 0x811c9dc5;
    let depth = 0;
    for (;;) {
      const c = bytes[i++];
      if (c === undefined) return -1;
      h = Math.imul(h ^ c, 0x01000193);
      if (c === QUOTE) {
        for (;;) {
          const d = bytes[i++];
          if (d === undefined) return -1;
          h = Math.imul(h ^ d, 0x01000193);
          if (d === QUOTE) break;
          if (d === BACKSLASH) h = Math.imul(h ^ (bytes[i++] ?? 0), 0x01000193);
        }
      } else if (c === OPEN_OBJECT || c === OPEN_LIST) depth++;
      else if ((c === CLOSE_OBJECT || c === CLOSE_LIST) && --depth === 0) {
        this.hash = h;
        return i;
      }
    }
  }

  private entity(bytes: Buffer, start: number, end: number): Entity | null {
    const hash = this.hash;
    const first = this.byHash.get(hash);
    for (let k = first; k; k = k.next) if (sameBytes(k.bytes, bytes, start, end)) return k.entity;
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8', start, end));
    } catch {
      return null;
    }
    const entity = Object.freeze(parsed as Entity);
    this.byHash.set(hash, { bytes: Buffer.from(bytes.subarray(start, end)), entity, next: first });
    return entity;
  }
}

function sameBytes(known: Buffer, bytes: Buffer, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[start + i]) return false;
  return true;
}
