// One article's row of the derived-data snapshot (DerivedRow: counted search
// terms, scope flag, story signals) as bytes, for a store that keeps the rows
// beside its articles (PostgreSQL's article_derived, docs/decisions/027), and
// the assembler that turns such rows back into the snapshot's own form
// (SnapshotData), so a start from them is exactly a start from a snapshot file:
// the same checks per row (id, fingerprint, stamp), the same canary, the same
// bulk load. Bytes that do not decode cleanly are refused, never half-used.
//
// Layout (little-endian): 8 u32 (format, terms, signals, head length, body
// length, in scope, text bytes, extra bytes), the signal weights (f64), the
// packed term counts (u32), the terms then the signal keys as UTF-8 separated
// by NUL, and the event date and series editions as JSON (only when there are).
import type { EventDate, SeriesEvent, StoredSignals } from '../stories/story-signals.js';
import { SNAPSHOT_VERSION, type DerivedRow, type RowIdentity, type SnapshotData } from './snapshot-file.js';

const FORMAT = 1;
const HEADER = 8 * 4;
const SEPARATOR = '\u0000';

type Extra = [EventDate | null, [number, string[]][]];

/** The row as bytes; null when a term or key holds the separator (never from folded words: that article is then read from its text). */
export function encodeDerivedRow({ prepared, signals }: DerivedRow): Buffer | null {
  const { terms, packed, headLen, bodyLen } = prepared.counts;
  const words = [...terms, ...signals.keys];
  if (words.some((w) => w.includes(SEPARATOR))) return null;
  const text = Buffer.from(words.join(SEPARATOR), 'utf8');
  const extra = signals.date === null && signals.series.length === 0 ? Buffer.alloc(0) : Buffer.from(JSON.stringify(extraOf(signals)), 'utf8');
  const nTerms = terms.length;
  const nSignals = signals.keys.length;
  const bytes = Buffer.alloc(HEADER + nSignals * 8 + nTerms * 4 + text.length + extra.length);
  [FORMAT, nTerms, nSignals, headLen, bodyLen, prepared.inScope ? 1 : 0, text.length, extra.length].forEach((v, i) => bytes.writeUInt32LE(v, i * 4));
  let at = HEADER;
  for (const w of signals.weights) at = bytes.writeDoubleLE(w, at);
  for (const p of packed) at = bytes.writeUInt32LE(p, at);
  at += text.copy(bytes, at);
  extra.copy(bytes, at);
  return bytes;
}

function extraOf(s: StoredSignals): Extra {
  return [s.date, s.series.map((e) => [e.ordinal, [...e.words]])];
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Typed array that doubles as it fills. */
export class Growing<A extends Uint32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(private array: A) {}
  private reserve(n: number): void {
    if (this.length + n <= this.array.length) return;
    const bigger = new (this.array.constructor as new (n: number) => A)(Math.max(16, this.array.length * 2, this.length + n));
    bigger.set(this.array);
    this.array = bigger;
  }
  push(v: number): void {
    this.reserve(1);
    this.array[this.length++] = v;
  }
  /** Appends `n` little-endian values stored in `bytes` from `at`: one copy where they are aligned, value by value where not. */
  append(bytes: Buffer, at: number, n: number, read: (at: number) => number): void {
    this.reserve(n);
    const size = this.array.BYTES_PER_ELEMENT;
    const Typed = this.array.constructor as new (b: ArrayBufferLike, o: number, n: number) => A;
    if (LITTLE_ENDIAN && (bytes.byteOffset + at) % size === 0) this.array.set(new Typed(bytes.buffer, bytes.byteOffset + at, n), this.length);
    else for (let j = 0; j < n; j++) this.array[this.length + j] = read(at + j * size);
    this.length += n;
  }
  at(i: number): number {
    return this.array[i]!;
  }
  /** The values, in an array of their own (the spare room freed): for a result that is kept. */
  done(): A {
    return this.array.slice(0, this.length) as A;
  }
  /** The values as a view of the growing array (no copy): for a caller that reads them once and lets them go. */
  view(): A {
    return this.array.subarray(0, this.length) as A;
  }
}

/** Collects rows (in any order) into one SnapshotData with shared vocabularies. */
export class DerivedRowsAssembler {
  private readonly ids: string[] = [];
  private readonly fingerprints: string[] = [];
  private readonly stamps = new Growing(new Uint32Array(0));
  private readonly terms = new ByteVocabulary();
  private readonly termStart = new Growing(new Uint32Array(0));
  private readonly termIds = new Growing(new Uint32Array(0));
  private readonly termCounts = new Growing(new Uint32Array(0));
  private readonly headLen = new Growing(new Uint32Array(0));
  private readonly bodyLen = new Growing(new Uint32Array(0));
  private readonly inScope = new Growing(new Uint8Array(0));
  private readonly signalKeys = new ByteVocabulary();
  private readonly signalStart = new Growing(new Uint32Array(0));
  private readonly signalIds = new Growing(new Uint32Array(0));
  private readonly signalWeights = new Growing(new Float64Array(0));
  private readonly dates: (EventDate | null)[] = [];
  private readonly series = new Map<number, SeriesEvent[]>();

  get rows(): number {
    return this.ids.length;
  }

  /** Adds one row; false (and nothing added) when the bytes do not decode cleanly. */
  add(who: RowIdentity, bytes: Buffer): boolean {
    const row = decode(bytes);
    if (!row) return false;
    const i = this.ids.length;
    this.ids.push(who.id);
    this.fingerprints.push(who.fingerprint);
    this.stamps.push(who.stamp);
    const { nTerms, nSignals, ends } = row;
    let from = row.textFrom;
    this.termStart.push(this.termIds.length);
    for (let j = 0; j < nTerms; from = ends[j++]! + 1) this.termIds.push(this.terms.idOf(bytes, from, ends[j]!));
    this.termCounts.append(bytes, row.packedAt, nTerms, (at) => bytes.readUInt32LE(at));
    this.headLen.push(row.headLen);
    this.bodyLen.push(row.bodyLen);
    this.inScope.push(row.inScope);
    this.signalStart.push(this.signalIds.length);
    for (let j = 0; j < nSignals; from = ends[nTerms + j++]! + 1) this.signalIds.push(this.signalKeys.idOf(bytes, from, ends[nTerms + j]!));
    this.signalWeights.append(bytes, HEADER, nSignals, (at) => bytes.readDoubleLE(at));
    this.dates.push(row.extra[0]);
    if (row.extra[1].length > 0) this.series.set(i, row.extra[1].map(([ordinal, words]) => ({ ordinal, words: new Set(words) })));
    return true;
  }

  finish(inputs: string): SnapshotData {
    this.termStart.push(this.termIds.length);
    this.signalStart.push(this.signalIds.length);
    return {
      version: SNAPSHOT_VERSION,
      inputs,
      ids: this.ids,
      fingerprints: this.fingerprints,
      stamps: this.stamps.done(),
      terms: this.terms.words,
      termStart: this.termStart.done(),
      termIds: this.termIds.done(),
      termCounts: this.termCounts.done(),
      headLen: this.headLen.done(),
      bodyLen: this.bodyLen.done(),
      inScope: this.inScope.done(),
      signalKeys: this.signalKeys.words,
      signalStart: this.signalStart.done(),
      signalIds: this.signalIds.done(),
      signalWeights: this.signalWeights.done(),
      dates: this.dates,
      series: this.series,
    };
  }
}

/**
 * Words numbered by their UTF-8 bytes: a row's words are hashed and compared
 * where they lie in its bytes, and only a word met for the first time becomes a
 * string (rows repeat a small vocabulary: ~10,000 words over 1,000,000 uses at 10,000 articles).
 */
class ByteVocabulary {
  readonly words: string[] = [];
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private readonly starts = new Growing(new Uint32Array(0));
  private readonly hashes = new Growing(new Uint32Array(0));
  private slots = new Int32Array(1 << 10).fill(-1);

  idOf(row: Buffer, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) h = Math.imul(h ^ row[k]!, 0x01000193);
    h >>>= 0;
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === -1) return this.insert(row, from, to, h, slot);
      if (this.hashes.at(id) === h && this.equals(id, row, from, to)) return id;
    }
  }

  private equals(id: number, row: Buffer, from: number, to: number): boolean {
    const start = this.starts.at(id);
    const end = id + 1 < this.words.length ? this.starts.at(id + 1) : this.used;
    if (end - start !== to - from) return false;
    for (let k = 0; k < end - start; k++) if (this.bytes[start + k] !== row[from + k]) return false;
    return true;
  }

  private insert(row: Buffer, from: number, to: number, hash: number, slot: number): number {
    const id = this.words.length;
    if (this.used + (to - from) > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + (to - from)));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    row.copy(this.bytes, this.used, from, to);
    this.starts.push(this.used);
    this.hashes.push(hash);
    this.used += to - from;
    this.words.push(row.toString('utf8', from, to));
    this.slots[slot] = id;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes.at(id) & mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

interface Decoded {
  nTerms: number;
  nSignals: number;
  /** Where the packed counts start (the weights start right after the header). */
  packedAt: number;
  /** Where the words start in the bytes, and where each ends (a view of a buffer reused by the next decode). */
  textFrom: number;
  ends: Uint32Array;
  headLen: number;
  bodyLen: number;
  inScope: number;
  extra: Extra;
}

let endsScratch = new Uint32Array(1024);

function decode(bytes: Buffer): Decoded | null {
  if (bytes.length < HEADER) return null;
  const word = (i: number) => bytes.readUInt32LE(i * 4);
  const [format, nTerms, nSignals, headLen, bodyLen, inScope, textBytes, extraBytes] = [word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7)];
  if (format !== FORMAT || inScope > 1 || bytes.length !== HEADER + nSignals * 8 + nTerms * 4 + textBytes + extraBytes) return null;
  const packedAt = HEADER + nSignals * 8;
  const at = packedAt + nTerms * 4;
  const words = nTerms + nSignals;
  if (endsScratch.length < words) endsScratch = new Uint32Array(words * 2);
  let n = 0;
  const textTo = at + textBytes;
  for (let k = at; k < textTo && n < words; k++) if (bytes[k] === 0) endsScratch[n++] = k;
  if (words > 0) endsScratch[n++] = textTo;
  // Exactly one word per term and signal.
  if (n !== words || (words === 0 && textBytes > 0)) return null;
  const extra = extraBytes === 0 ? ([null, []] satisfies Extra) : parseExtra(bytes.toString('utf8', textTo));
  return extra && { nTerms, nSignals, packedAt, textFrom: at, ends: endsScratch, headLen, bodyLen, inScope, extra };
}

function parseExtra(json: string): Extra | null {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v) || v.length !== 2 || !Array.isArray(v[1])) return null;
    const [date, series] = v as [unknown, unknown[]];
    const isDate = date === null || (typeof date === 'object' && typeof (date as EventDate).month === 'number' && typeof (date as EventDate).day === 'number');
    const isSeries = series.every((e) => Array.isArray(e) && typeof e[0] === 'number' && Array.isArray(e[1]) && (e[1] as unknown[]).every((w) => typeof w === 'string'));
    return isDate && isSeries ? (v as Extra) : null;
  } catch {
    return null;
  }
}
