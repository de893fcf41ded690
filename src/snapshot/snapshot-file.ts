// The derived-data snapshot on disk (data/index.snapshot): what the engine read
// from each stored article's text at start (counted search terms, whether it is
// in the briefing's field, its story signals), in flat typed arrays with shared
// vocabularies, behind a magic line, a version number and the byte order, laid
// out in sections (snapshot-sections.ts) written one piece at a time. It is a cache, never the truth:
// derived-indexes.ts takes a row only for the very article it was read from,
// and a file that is damaged, cut short or written by a newer Ringkas is
// ignored (and logged), never trusted.
import { mkdirSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import type { StoredArticle } from '../model/article.js';
import type { NumberedSearch, PreparedDocument } from '../search/search-index.js';
import { epochDay, type EventDate, type SeriesEvent, type StoredSignals } from '../stories/story-signals.js';
import { decodeSections, encodeSections } from './snapshot-sections.js';

/**
 * Bump whenever what is derived from an article changes (folding, stop words, signals).
 * 2: no near-duplicate part (the check files stored articles in the background after start).
 * 3: laid out in sections (typed arrays raw, lists in parts), the byte order in the header.
 */
export const SNAPSHOT_VERSION = 3;

export const SNAPSHOT_FILE = 'index.snapshot';
const MAGIC = Buffer.from('RINGKAS-DERIVED\n');
/** The magic line, the version, the byte order (1 little-endian, 2 big-endian): 24 bytes, so sections start 8-aligned. */
const HEADER = MAGIC.length + 8;
const BYTE_ORDER = endianness() === 'LE' ? 1 : 2;
/** Pieces smaller than this are gathered into one write. */
const GATHER_BYTES = 2 ** 20;

/** One article's derived data, in the shapes the indexes take. */
export interface DerivedRow {
  prepared: PreparedDocument;
  signals: StoredSignals;
}

/** Who a row was read from: a row is used only for an article with the same id and stamp. */
export interface RowIdentity {
  id: string;
  fingerprint: string;
  stamp: number;
}

export interface SnapshotData {
  version: number;
  /** Hash of what derived data depends on besides the article (briefs, scope, lexicon). */
  inputs: string;
  ids: string[];
  fingerprints: string[];
  stamps: Uint32Array;
  /** Search terms: vocabulary, then per article a range of (term, packed counts). */
  terms: string[];
  termStart: Uint32Array;
  termIds: Uint32Array;
  termCounts: Uint32Array;
  headLen: Uint32Array;
  bodyLen: Uint32Array;
  inScope: Uint8Array;
  /** Story signals: vocabulary, then per article a range of (signal, weight). */
  signalKeys: string[];
  signalStart: Uint32Array;
  signalIds: Uint32Array;
  signalWeights: Float64Array;
  dates: (EventDate | null)[];
  /** Numbered series editions, only for the articles naming one (index -> editions). */
  series: Map<number, SeriesEvent[]>;
}

/** FNV-1a of `text` continued from `h`, then a separator. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193);
}

/** Who a row was read from: FNV-1a over the fields derived data reads besides the body (the fingerprint covers that). */
export function articleStamp(a: StoredArticle): number {
  let h = 0x811c9dc5;
  for (const text of [a.addedAt, a.title, a.language, a.eventDate ?? '', a.publishedDate ?? '']) h = fnv(h, text);
  for (const list of [a.topics, a.keyPoints]) {
    for (const text of list) h = fnv(h, text);
    h = fnv(h, '');
  }
  for (const e of a.entities) h = fnv(fnv(h, e.name), e.expansion ?? '');
  return h >>> 0;
}

export const snapshotPath = (dir: string) => path.join(dir, SNAPSHOT_FILE);

/** What a row keeps besides search: who it was read from, story signals. */
export type RowRest = RowIdentity & Omit<DerivedRow, 'prepared'>;

/**
 * Builds the snapshot: `search` as the index numbered it, `rows` aligned with
 * `search.ids`; in steps (runInSlices), reading only what it is given.
 */
export function* buildSnapshotSteps(inputs: string, search: NumberedSearch, rows: readonly RowRest[]): Generator<void, SnapshotData, void> {
  const n = rows.length;
  const keyIdOf = new Map<string, number>();
  const signalKeys: string[] = [];
  let signalTotal = 0;
  for (const r of rows) signalTotal += r.signals.keys.length;
  const s: SnapshotData = {
    version: SNAPSHOT_VERSION,
    inputs,
    ids: rows.map((r) => r.id),
    fingerprints: rows.map((r) => r.fingerprint),
    stamps: Uint32Array.from(rows, (r) => r.stamp),
    terms: search.vocabulary,
    termStart: search.start,
    termIds: search.termIds,
    termCounts: search.packed,
    headLen: search.headLen,
    bodyLen: search.bodyLen,
    inScope: search.inScope,
    signalKeys,
    signalStart: new Uint32Array(n + 1),
    signalIds: new Uint32Array(signalTotal),
    signalWeights: new Float64Array(signalTotal),
    dates: rows.map((r) => r.signals.date),
    series: new Map(),
  };
  yield;
  let g = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    s.signalStart[i] = g;
    for (let j = 0; j < r.signals.keys.length; j++, g++) {
      const key = r.signals.keys[j]!;
      let id = keyIdOf.get(key);
      if (id === undefined) keyIdOf.set(key, (id = signalKeys.push(key) - 1));
      s.signalIds[g] = id;
      s.signalWeights[g] = r.signals.weights[j]!;
    }
    if (r.signals.series.length > 0) s.series.set(i, r.signals.series);
    yield;
  }
  s.signalStart[n] = g;
  return s;
}

/** Builds the snapshot at once (tests, small stores). */
export function buildSnapshot(inputs: string, search: NumberedSearch, rows: readonly RowRest[]): SnapshotData {
  const steps = buildSnapshotSteps(inputs, search, rows);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Row `i` of a snapshot, in the shapes the indexes take (strings shared with the snapshot's vocabularies). */
export function rowAt(s: SnapshotData, i: number): DerivedRow {
  return { prepared: preparedAt(s, i), signals: signalsAt(s, i) };
}

/** Row `i`'s run of (name, value) pairs: names numbered in `vocabulary`, runs delimited by `start`. */
function runAt(i: number, start: ArrayLike<number>, nameIds: ArrayLike<number>, vocabulary: readonly string[], values: ArrayLike<number>): [string[], number[]] {
  const from = start[i]!;
  const to = start[i + 1]!;
  const names = new Array<string>(to - from);
  const counts = new Array<number>(to - from);
  for (let e = from; e < to; e++) {
    names[e - from] = vocabulary[nameIds[e]!]!;
    counts[e - from] = values[e]!;
  }
  return [names, counts];
}

export function preparedAt(s: SnapshotData, i: number): PreparedDocument {
  const [terms, packed] = runAt(i, s.termStart, s.termIds, s.terms, s.termCounts);
  return { counts: { terms, packed, headLen: s.headLen[i]!, bodyLen: s.bodyLen[i]! }, inScope: s.inScope[i] === 1 };
}

export function signalsAt(s: SnapshotData, i: number): StoredSignals {
  const [keys, weights] = runAt(i, s.signalStart, s.signalIds, s.signalKeys, s.signalWeights);
  const date = s.dates[i] ?? null;
  return { keys, weights, date, day: epochDay(date), series: s.series.get(i) ?? [] };
}

/**
 * Writes atomically (a temporary file, then rename): a reader sees the old
 * snapshot or the new one. Written a piece at a time (a list part is
 * serialised only when reached), so the event loop runs between pieces.
 */
export async function writeSnapshot(file: string, snapshot: SnapshotData): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header);
  header.writeUInt32BE(snapshot.version, MAGIC.length);
  header.writeUInt32BE(BYTE_ORDER, MAGIC.length + 4);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fh = await open(tmp, 'w');
    try {
      let gathered: Buffer[] = [header];
      let size = header.length;
      const flush = async () => {
        const bytes = gathered.length === 1 ? gathered[0]! : Buffer.concat(gathered, size);
        for (let at = 0; at < bytes.length; ) at += (await fh.write(bytes, at)).bytesWritten;
        gathered = [];
        size = 0;
      };
      for (const piece of encodeSections(snapshot)) {
        gathered.push(piece);
        size += piece.length;
        if (size >= GATHER_BYTES) await flush();
      }
      await flush();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export type SnapshotRead =
  | { kind: 'ok'; snapshot: SnapshotData }
  | { kind: 'missing' }
  | { kind: 'newer'; version: number }
  | { kind: 'unreadable'; reason: string };

export async function readSnapshot(file: string): Promise<SnapshotRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'read failed' };
  }
  if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { kind: 'unreadable', reason: 'not a derived-data snapshot' };
  const version = bytes.readUInt32BE(MAGIC.length);
  if (version > SNAPSHOT_VERSION) return { kind: 'newer', version };
  if (version < SNAPSHOT_VERSION) return { kind: 'unreadable', reason: `older version ${version}` };
  if (bytes.readUInt32BE(MAGIC.length + 4) !== BYTE_ORDER) return { kind: 'unreadable', reason: 'written with another byte order' };
  let value: unknown;
  try {
    value = { version, ...decodeSections(bytes, HEADER) };
  } catch {
    return { kind: 'unreadable', reason: 'cut short or damaged' };
  }
  return wellFormed(value) ? { kind: 'ok', snapshot: value } : { kind: 'unreadable', reason: 'damaged' };
}

const isU32 = (a: unknown): a is Uint32Array => a instanceof Uint32Array;

/** Ranges that agree with each other and ids within their vocabularies: a damaged file that still deserialises stops here. */
function wellFormed(v: unknown): v is SnapshotData {
  const s = v as Partial<SnapshotData> | null;
  if (!s || typeof s !== 'object' || s.version !== SNAPSHOT_VERSION || typeof s.inputs !== 'string') return false;
  if (!Array.isArray(s.ids) || !Array.isArray(s.fingerprints) || !Array.isArray(s.terms) || !Array.isArray(s.signalKeys) || !Array.isArray(s.dates)) return false;
  const n = s.ids.length;
  const typed = [s.stamps, s.termStart, s.termIds, s.termCounts, s.headLen, s.bodyLen, s.signalStart, s.signalIds].every(isU32);
  if (!typed || !(s.inScope instanceof Uint8Array) || !(s.signalWeights instanceof Float64Array) || !(s.series instanceof Map)) return false;
  const perArticle = [s.fingerprints, s.dates, s.stamps!, s.headLen!, s.bodyLen!, s.inScope];
  if (perArticle.some((a) => a.length !== n)) return false;
  const ranges: [Uint32Array, number][] = [[s.termStart!, s.termIds!.length], [s.signalStart!, s.signalIds!.length]];
  for (const [start, total] of ranges) {
    if (start.length !== n + 1 || start[0] !== 0 || start[n] !== total) return false;
    for (let i = 0; i < n; i++) if (start[i]! > start[i + 1]!) return false;
  }
  if (s.termCounts!.length !== s.termIds!.length || s.signalWeights.length !== s.signalIds!.length) return false;
  return allBelow(s.termIds!, s.terms.length) && allBelow(s.signalIds!, s.signalKeys.length);
}

function allBelow(ids: Uint32Array, bound: number): boolean {
  let max = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
  return ids.length === 0 || max < bound;
}
