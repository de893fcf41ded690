// The derived-data snapshot's bytes after its header: each field on its own,
// in a fixed order, so it is written a piece at a time with the event loop
// free between pieces (one v8.serialize of the whole snapshot, 175 MB at 100k
// articles, held it for seconds). Typed arrays are their raw bytes in this
// machine's byte order (the header says which): nothing to copy to write
// them, a view of the file's bytes to read them. Lists of strings or objects
// are v8-serialised a few thousand entries at a time. Every piece starts on
// an 8-byte boundary, so a typed array can be a view where it lies.
//
// Layout of a field: u32 number of parts, u32 0, then each part: u32 byte
// length, u32 0, the bytes, zeros to the next multiple of 8.
import { deserialize, serialize } from 'node:v8';
import type { SnapshotFile, SnapshotOut } from './snapshot-file.js';

type Kind = 'value' | 'list' | 'u32' | 'u16' | 'u8' | 'f64';

/** The fields after the header's version, in file order. */
const FIELDS: readonly (readonly [Exclude<keyof SnapshotFile, 'version'>, Kind])[] = [
  ['inputs', 'value'],
  ['ids', 'list'],
  ['fingerprints', 'list'],
  ['stamps', 'u32'],
  ['terms', 'list'],
  ['postingStart', 'u32'],
  ['postingRows', 'u32'],
  ['postingHead', 'u16'],
  ['postingBody', 'u16'],
  ['headLen', 'u32'],
  ['bodyLen', 'u32'],
  ['inScope', 'u8'],
  ['signalKeys', 'list'],
  ['signalStart', 'u32'],
  ['signalIds', 'u32'],
  ['signalWeights', 'f64'],
  ['dates', 'list'],
  ['series', 'value'],
  ['nearSetAside', 'u32'],
  ['nearCount', 'u32'],
  ['nearSpares', 'u8'],
  ['nearWords', 'u32'],
];

/** Entries of a list serialised in one part (a millisecond or two of work). */
const LIST_PART = 4096;
/** Bytes of a typed array handed to one write. */
const RAW_CHUNK = 4 * 2 ** 20;

const TYPED = { u32: Uint32Array, u16: Uint16Array, u8: Uint8Array, f64: Float64Array } as const;

const pad8 = (n: number) => (8 - (n % 8)) % 8;
const ZEROS = Buffer.alloc(8);

function pair(a: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(a, 0);
  return b;
}

/** One part: its length, its bytes (as given, in chunks), its padding. */
function* part(bytes: Buffer): Generator<Buffer, void, void> {
  yield pair(bytes.length);
  for (let at = 0; at < bytes.length; at += RAW_CHUNK) yield bytes.subarray(at, at + RAW_CHUNK);
  if (pad8(bytes.length)) yield ZEROS.subarray(0, pad8(bytes.length));
}

/**
 * The snapshot's fields as pieces to write in order, each made when asked
 * for: a list part is serialised only when the writer reaches it.
 */
export function* encodeSections(s: SnapshotOut): Generator<Buffer, void, void> {
  for (const [name, kind] of FIELDS) {
    const value = s[name];
    if (kind === 'value') {
      yield pair(1);
      yield* part(serialize(value));
    } else if (kind === 'list') {
      const list = value as readonly unknown[];
      const parts = Math.ceil(list.length / LIST_PART);
      yield pair(parts);
      for (let k = 0; k < parts; k++) yield* part(serialize(list.slice(k * LIST_PART, (k + 1) * LIST_PART)));
    } else {
      // One array, or its blocks one after another (none: an optional field left out).
      const blocks = (value === undefined ? [] : Array.isArray(value) ? value : [value]) as readonly (Uint32Array | Uint16Array | Uint8Array | Float64Array)[];
      let length = 0;
      for (const a of blocks) length += a.byteLength;
      yield pair(1);
      yield pair(length);
      for (const a of blocks) for (let at = 0; at < a.byteLength; at += RAW_CHUNK) yield Buffer.from(a.buffer, a.byteOffset + at, Math.min(RAW_CHUNK, a.byteLength - at));
      if (pad8(length)) yield ZEROS.subarray(0, pad8(length));
    }
  }
}

class Damaged extends Error {}

/** Where decodeSections reads from: the bytes that follow, each piece in memory of its own. */
export interface SectionSource {
  /** The next `length` bytes (fewer when the file ends first); with `aligned`, starting on an 8-byte boundary of their buffer. */
  read(length: number, aligned: boolean): Buffer;
  /** Whether every byte has been read. */
  atEnd(): boolean;
}

/**
 * The fields from `source` (after the header); typed arrays are views of the
 * bytes it gives (it aligns them). Throws on bytes cut short or not laid out as
 * encodeSections lays them out.
 */
export function decodeSections(source: SectionSource): Record<string, unknown> {
  const exactly = (length: number, aligned = false): Buffer => {
    const b = source.read(length, aligned);
    if (b.length !== length) throw new Damaged('cut short');
    return b;
  };
  const u32 = () => exactly(8).readUInt32LE(0);
  const nextPart = (aligned = false): Buffer => {
    const length = u32();
    const b = exactly(length, aligned);
    exactly(pad8(length));
    return b;
  };
  const out: Record<string, unknown> = {};
  for (const [name, kind] of FIELDS) {
    const parts = u32();
    if (kind === 'list') {
      const list: unknown[] = [];
      for (let k = 0; k < parts; k++) {
        const chunk = deserialize(nextPart()) as unknown;
        if (!Array.isArray(chunk)) throw new Damaged('not a list');
        for (const v of chunk) list.push(v);
      }
      out[name] = list;
      continue;
    }
    if (parts !== 1) throw new Damaged('one part expected');
    const b = nextPart(kind !== 'value');
    if (kind === 'value') out[name] = deserialize(b);
    else {
      const Typed = TYPED[kind];
      if (b.length % Typed.BYTES_PER_ELEMENT !== 0) throw new Damaged('ragged array');
      // A file's bytes are never a SharedArrayBuffer; the source aligns typed arrays' pieces.
      out[name] = new Typed(b.buffer as ArrayBuffer, b.byteOffset, b.length / Typed.BYTES_PER_ELEMENT);
    }
  }
  if (!source.atEnd()) throw new Damaged('bytes after the last field');
  return out;
}
