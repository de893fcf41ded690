// The derived-data snapshot on disk (data/index.snapshot): what the engine read
// from each stored article's text at start (counted search terms, whether it is
// in the briefing's field, its story signals), in flat typed arrays with shared
// vocabularies, behind a magic line, a version number and the byte order, laid
// out in sections (snapshot-sections.ts) written one piece at a time. It is a cache, never the truth:
// derived-indexes.ts takes a row only for the very article it was read from,
// and a file that is damaged, cut short or written by a newer Ringkas is
// ignored (and logged), never trusted.
import { mkdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { writeAtomically } from '../store/write-atomically.js';
import { endianness } from 'node:os';
import path from 'node:path';
import type { PostedSearch, PreparedDocument } from '../search/search-index.js';
import { epochDay, type EventDate, type SeriesEvent, type StoredSignals } from '../stories/story-signals.js';
import { eachSignal, type PackedSignals } from '../stories/signal-blocks.js';
import { ArrayBlocks } from '../search/array-blocks.js';
import { release, releasableBuffer } from '../releasable-memory.js';
import { SIGNATURE_WORDS } from '../articles/shingles.js';
import { ROW_WORDS } from '../articles/filing-slots.js';
import type { FilingCapture, FilingRow, KnownFiling } from '../articles/near-duplicates.js';
import { decodeSections, encodeSections, type SectionSource } from './snapshot-sections.js';

/**
 * Bump whenever what is derived from an article changes (folding, stop words,
 * signals): it is hashed into the derivation inputs and names the shared rows' version.
 * 2: no near-duplicate part (the check files stored articles in the background after start).
 * 3: laid out in sections (typed arrays raw, lists in parts), the byte order in the header.
 */
export const SNAPSHOT_VERSION = 3;

/**
 * The file's layout, in its header (a file of another layout is refused as
 * older or newer). 3: sections, search terms per article; 4: search postings
 * per term, as the index holds them (a restart no longer sorts them by term);
 * 5: the near-duplicate check's filing (decision 033).
 */
export const SNAPSHOT_FILE_VERSION = 5;

export const SNAPSHOT_FILE = 'index.snapshot';
const MAGIC = Buffer.from('RINGKAS-DERIVED\n');
/** The magic line, the version, the byte order (1 little-endian, 2 big-endian): 24 bytes, so sections start 8-aligned. */
const HEADER = MAGIC.length + 8;
const BYTE_ORDER = endianness() === 'LE' ? 1 : 2;
/** Pieces are gathered into one write (writev, no copy) until they hold this much. */
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
  /**
   * The near-duplicate check's filing (near-duplicates.ts): the keys set aside,
   * then per row its shingle count, how many spares its slot holds (NOT_FILED:
   * none, not filed when written) and its signature and spares (FILING_WORDS
   * each). Empty when the writer had none (absent: the same).
   */
  nearSetAside?: Uint32Array;
  nearCount?: Uint32Array;
  nearSpares?: Uint8Array;
  nearWords?: Uint32Array;
}

/** A row's `nearSpares` when its article was not filed when the snapshot was written. */
export const NOT_FILED = 255;
/** Words per row of `nearWords`. */
export const FILING_WORDS = ROW_WORDS;
/** Rows of `nearWords` per block the writer fills (36 KB: see SMALL_BUFFER_BYTES). */
const FILING_BLOCK = 256;

/**
 * What the snapshot file holds: SnapshotData with search as postings by term
 * (article rows numbered as in `ids`, ascending per term), the search index's
 * own form, instead of terms per article.
 */
export interface SnapshotFile extends Omit<SnapshotData, 'termStart' | 'termIds' | 'termCounts'> {
  postingStart: Uint32Array;
  postingRows: Uint32Array;
  postingHead: Uint16Array;
  postingBody: Uint16Array;
}

const HEAD_UNIT = 2 ** 16;

type Parts<T> = T extends Uint32Array | Uint16Array | Float64Array ? T | readonly T[] : T;

/** The snapshot file's data as written: a long typed array may come in blocks, written one after another as that one array. */
export type SnapshotOut = { [K in keyof SnapshotFile]: Parts<SnapshotFile[K]> };

/** Rows' search terms as postings by term (a counting sort). */
export function postingsForm(s: SnapshotData | SnapshotFile): SnapshotFile {
  if (!('termStart' in s)) return s;
  const { termStart, termIds, termCounts, ...rest } = s;
  const n = s.ids.length;
  const postingStart = new Uint32Array(s.terms.length + 1);
  for (let e = 0; e < termIds.length; e++) postingStart[termIds[e]! + 1]!++;
  for (let t = 0; t < s.terms.length; t++) postingStart[t + 1]! += postingStart[t]!;
  const next = postingStart.slice(0, s.terms.length);
  const postingRows = new Uint32Array(termIds.length);
  const postingHead = new Uint16Array(termIds.length);
  const postingBody = new Uint16Array(termIds.length);
  for (let r = 0; r < n; r++) {
    for (let e = termStart[r]!; e < termStart[r + 1]!; e++) {
      const at = next[termIds[e]!]!++;
      postingRows[at] = r;
      postingHead[at] = Math.floor(termCounts[e]! / HEAD_UNIT);
      postingBody[at] = termCounts[e]! % HEAD_UNIT;
    }
  }
  return { ...rest, postingStart, postingRows, postingHead, postingBody };
}

/** Postings by term as each row's run of terms (a counting sort the other way), for rows taken one by one. */
export function rowsForm(f: SnapshotFile | SnapshotData): SnapshotData {
  if ('termStart' in f) return f;
  const { postingStart, postingRows, postingHead, postingBody, ...rest } = f;
  const n = f.ids.length;
  const termStart = new Uint32Array(n + 1);
  for (let e = 0; e < postingRows.length; e++) termStart[postingRows[e]! + 1]!++;
  for (let r = 0; r < n; r++) termStart[r + 1]! += termStart[r]!;
  const next = termStart.slice(0, n);
  const termIds = new Uint32Array(postingRows.length);
  const termCounts = new Uint32Array(postingRows.length);
  for (let t = 0; t + 1 < postingStart.length; t++) {
    for (let e = postingStart[t]!; e < postingStart[t + 1]!; e++) {
      const at = next[postingRows[e]!]!++;
      termIds[at] = t;
      termCounts[at] = postingHead[e]! * HEAD_UNIT + postingBody[e]!;
    }
  }
  return { ...rest, termStart, termIds, termCounts };
}

/** A few rows as `prepare` read them, from postings by term (one pass over the postings). */
export function preparedRows(f: SnapshotFile, rows: readonly number[]): PreparedDocument[] {
  const which = new Int32Array(f.ids.length).fill(-1);
  rows.forEach((r, k) => (which[r] = k));
  const out: PreparedDocument[] = rows.map((r) => ({ counts: { terms: [], packed: [], headLen: f.headLen[r]!, bodyLen: f.bodyLen[r]! }, inScope: f.inScope[r] === 1 }));
  for (let t = 0; t + 1 < f.postingStart.length; t++) {
    for (let e = f.postingStart[t]!; e < f.postingStart[t + 1]!; e++) {
      const k = which[f.postingRows[e]!]!;
      if (k < 0) continue;
      out[k]!.counts.terms.push(f.terms[t]!);
      out[k]!.counts.packed.push(f.postingHead[e]! * HEAD_UNIT + f.postingBody[e]!);
    }
  }
  return out;
}

export { articleStamp } from '../model/article-stamp.js';

/**
 * The stamp of a row written without its story signals (the engine closed
 * before its background story build read them): the article's stamp with
 * these bits flipped, so that no reader takes the row's empty signals for
 * the article's (an older one sees a stamp that matches nothing and reads the
 * whole article again), and this one takes its search part and reads only the
 * signals from the text.
 */
const WITHOUT_SIGNALS = 0x5a17e5d3;

export function stampWithoutSignals(stamp: number): number {
  return (stamp ^ WITHOUT_SIGNALS) >>> 0;
}

export const snapshotPath = (dir: string) => path.join(dir, SNAPSHOT_FILE);

/** What a row keeps besides search: who it was read from, story signals (as the story index keeps them, or as arrays). */
export type RowRest = RowIdentity & { signals: StoredSignals | PackedSignals };

/**
 * Builds the snapshot file's data: `search` as the index holds it, `rows`
 * aligned with `search.ids`; in steps (runInSlices), reading only what it is given.
 */
export function* buildSnapshotSteps(inputs: string, search: PostedSearch, rows: readonly RowRest[], filing: FilingCapture | null = null): Generator<void, SnapshotOut, void> {
  const n = rows.length;
  const keyIdOf = new Map<string, number>();
  const signalKeys: string[] = [];
  const ids = new Array<string>(n);
  const fingerprints = new Array<string>(n);
  const stamps = new Uint32Array(n);
  const dates = new Array<EventDate | null>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    ids[i] = r.id;
    fingerprints[i] = r.fingerprint;
    stamps[i] = r.stamp;
    dates[i] = r.signals.date;
    if (i % 4096 === 4095) yield;
  }
  const signalStart = new Uint32Array(n + 1);
  const signalIds = new ArrayBlocks((k) => new Uint32Array(k));
  const signalWeights = new ArrayBlocks((k) => new Float64Array(k));
  const series = new Map<number, SeriesEvent[]>();
  const nearCount = new Uint32Array(filing ? n : 0);
  const nearSpares = new Uint8Array(filing ? n : 0);
  // Blocks of FILING_BLOCK rows (no one large allocation in a slice), each row's words copied in one `set`.
  const nearWords: Uint32Array[] = [];
  yield;
  let g = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (filing) {
      // Copied now: the filing may change at the next turn (more articles filed, spares taken again).
      const filed = filing.row(r.id, r.fingerprint);
      nearCount[i] = filed?.count ?? 0;
      nearSpares[i] = filed?.spares ?? NOT_FILED;
      if (i % FILING_BLOCK === 0) nearWords.push(new Uint32Array(Math.min(FILING_BLOCK, n - i) * FILING_WORDS));
      if (filed) nearWords.at(-1)!.set(filed.words, (i % FILING_BLOCK) * FILING_WORDS);
    }
    signalStart[i] = g;
    eachSignal(r.signals, (key, weight) => {
      let id = keyIdOf.get(key);
      if (id === undefined) keyIdOf.set(key, (id = signalKeys.push(key) - 1));
      signalIds.push(id);
      signalWeights.push(weight);
      g++;
    });
    if (r.signals.series.length > 0) series.set(i, [...r.signals.series]);
    yield;
  }
  signalStart[n] = g;
  return {
    version: SNAPSHOT_FILE_VERSION,
    inputs,
    ids,
    fingerprints,
    stamps,
    terms: search.vocabulary,
    postingStart: search.postings.start,
    postingRows: search.postings.docs,
    postingHead: search.postings.head,
    postingBody: search.postings.body,
    headLen: search.headLen,
    bodyLen: search.bodyLen,
    inScope: search.inScope,
    signalKeys,
    signalStart,
    signalIds: signalIds.parts(),
    signalWeights: signalWeights.parts(),
    dates,
    series,
    // A filing that lost its exactness during the build (an article unfiled) is left out.
    ...(filing?.stillExact() ? { nearSetAside: filing.setAside, nearCount, nearSpares, nearWords } : {}),
  };
}

/**
 * The snapshot's filing for the near-duplicate check, when it has one and every
 * row it files is a stored article as it was filed (`rowOf`: stored article id ->
 * its row, for rows of that very article); null otherwise. A filed row of a
 * removed or changed article would leave keys set aside that a filing from the
 * text would not: then none is taken (the check files from the text).
 */
export function knownFiling(s: Pick<SnapshotData, 'ids' | 'nearSetAside' | 'nearCount' | 'nearSpares' | 'nearWords'>, rowOf: ReadonlyMap<string, number>): KnownFiling | null {
  const { nearSetAside: setAside, nearCount: count, nearSpares: spares, nearWords: words } = s;
  if (!setAside || !count || !spares || !words || count.length !== s.ids.length) return null;
  let rows = 0;
  for (let i = 0; i < s.ids.length; i++) {
    if (spares[i] === NOT_FILED) continue;
    if (rowOf.get(s.ids[i]!) !== i) return null;
    rows++;
  }
  return {
    setAside,
    rows,
    get(id): FilingRow | undefined {
      const i = rowOf.get(id);
      if (i === undefined || spares[i] === NOT_FILED) return undefined;
      return { count: count[i]!, spares: spares[i]!, words: words.subarray(i * FILING_WORDS, (i + 1) * FILING_WORDS) };
    },
  };
}

/**
 * Gives back the memory of the long arrays a build copied (ArrayBlocks) once
 * they are written: garbage only at V8's next full collection otherwise,
 * which an idle instance may not have for a long time. `out` reads as empty there afterwards.
 */
export function releaseCopies(out: SnapshotOut): void {
  for (const value of Object.values(out) as unknown[]) {
    const arrays = Array.isArray(value) ? (value as unknown[]) : [value];
    if (!ArrayBuffer.isView(arrays[0])) continue;
    for (const a of arrays) release((a as ArrayBufferView).buffer);
  }
}

/** Builds the snapshot at once (tests, small stores). */
export function buildSnapshot(inputs: string, search: PostedSearch, rows: readonly RowRest[]): SnapshotOut {
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

/** The story-signal part of a snapshot (both forms). */
export type SnapshotSignals = Pick<SnapshotData, 'signalKeys' | 'signalStart' | 'signalIds' | 'signalWeights' | 'dates' | 'series'>;

export function signalsAt(s: SnapshotSignals, i: number): StoredSignals {
  const [keys, weights] = runAt(i, s.signalStart, s.signalIds, s.signalKeys, s.signalWeights);
  const date = s.dates[i] ?? null;
  return { keys, weights, date, day: epochDay(date), series: s.series.get(i) ?? [] };
}

/**
 * Writes atomically (a temporary file, then rename): a reader sees the old
 * snapshot or the new one. Written a piece at a time (a list part is
 * serialised only when reached), so the event loop runs between pieces.
 */
export async function writeSnapshot(file: string, data: SnapshotOut | SnapshotData): Promise<void> {
  const snapshot: SnapshotOut = 'termStart' in data ? postingsForm(data) : data;
  mkdirSync(path.dirname(file), { recursive: true });
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header);
  header.writeUInt32BE(SNAPSHOT_FILE_VERSION, MAGIC.length);
  header.writeUInt32BE(BYTE_ORDER, MAGIC.length + 4);
  await writeAtomically(file, async (write) => {
    let gathered: Buffer[] = [header];
    let size = header.length;
    const flush = async () => {
      await write(gathered);
      gathered = [];
      size = 0;
    };
    for (const piece of encodeSections(snapshot)) {
      gathered.push(piece);
      size += piece.length;
      if (size >= GATHER_BYTES) await flush();
    }
    await flush();
  });
}

export type SnapshotRead =
  | { kind: 'ok'; snapshot: SnapshotFile }
  | { kind: 'missing' }
  | { kind: 'newer'; version: number }
  | { kind: 'unreadable'; reason: string };

/** The snapshot file's bytes, or why there are none. */
export type SnapshotBytes = { kind: 'bytes'; bytes: Buffer } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

/**
 * The file's bytes in one read (one trip to the thread pool, so it can run
 * while the main thread reads the store: the engine starts it first).
 */
export async function readSnapshotBytes(file: string): Promise<SnapshotBytes> {
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'read failed' };
  }
  try {
    const size = (await fh.stat()).size;
    const bytes = releasableBuffer(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await fh.read(bytes, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { kind: 'bytes', bytes: bytes.subarray(0, got) };
  } catch (e) {
    return { kind: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'read failed' };
  } finally {
    await fh.close();
  }
}

/**
 * The snapshot in `file` (or in bytes read from it already). Typed arrays are
 * views of the file's bytes: a reader that keeps one keeps them all (the
 * search index copies its postings out; the story build reads the signals
 * until it is done).
 */
export async function readSnapshot(file: string, read: Promise<SnapshotBytes> = readSnapshotBytes(file)): Promise<SnapshotRead> {
  const got = await read;
  if (got.kind !== 'bytes') return got;
  const { bytes } = got;
  if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { kind: 'unreadable', reason: 'not a derived-data snapshot' };
  const version = bytes.readUInt32BE(MAGIC.length);
  if (version > SNAPSHOT_FILE_VERSION) return { kind: 'newer', version };
  if (version < SNAPSHOT_FILE_VERSION) return { kind: 'unreadable', reason: `older version ${version}` };
  if (bytes.readUInt32BE(MAGIC.length + 4) !== BYTE_ORDER) return { kind: 'unreadable', reason: 'written with another byte order' };
  let value: unknown;
  try {
    value = { version, ...decodeSections(bufferSource(bytes, HEADER)) };
  } catch {
    return { kind: 'unreadable', reason: 'cut short or damaged' };
  }
  return wellFormed(value) ? { kind: 'ok', snapshot: value } : { kind: 'unreadable', reason: 'damaged' };
}

/** The bytes after `at` in order: views, copied only when a typed array would not lie 8-aligned. */
function bufferSource(bytes: Buffer, at: number): SectionSource {
  return {
    read(length, aligned) {
      const piece = bytes.subarray(at, Math.min(bytes.length, at + length));
      at += piece.length;
      if (!aligned || piece.byteOffset % 8 === 0) return piece;
      const copy = Buffer.from(new ArrayBuffer(Math.ceil(piece.length / 8) * 8), 0, piece.length);
      piece.copy(copy);
      return copy;
    },
    atEnd: () => at === bytes.length,
  };
}

const isU32 = (a: unknown): a is Uint32Array => a instanceof Uint32Array;

/** Ranges that agree with each other and ids within their vocabularies: a damaged file that still deserialises stops here. */
function wellFormed(v: unknown): v is SnapshotFile {
  const s = v as Partial<SnapshotFile> | null;
  if (!s || typeof s !== 'object' || s.version !== SNAPSHOT_FILE_VERSION || typeof s.inputs !== 'string') return false;
  if (!Array.isArray(s.ids) || !Array.isArray(s.fingerprints) || !Array.isArray(s.terms) || !Array.isArray(s.signalKeys) || !Array.isArray(s.dates)) return false;
  const n = s.ids.length;
  const typed = [s.stamps, s.postingStart, s.postingRows, s.headLen, s.bodyLen, s.signalStart, s.signalIds].every(isU32);
  const u16 = s.postingHead instanceof Uint16Array && s.postingBody instanceof Uint16Array;
  if (!typed || !u16 || !(s.inScope instanceof Uint8Array) || !(s.signalWeights instanceof Float64Array) || !(s.series instanceof Map)) return false;
  const perArticle = [s.fingerprints, s.dates, s.stamps!, s.headLen!, s.bodyLen!, s.inScope];
  if (perArticle.some((a) => a.length !== n)) return false;
  const ranges: [Uint32Array, number, number][] = [[s.postingStart!, s.terms.length, s.postingRows!.length], [s.signalStart!, n, s.signalIds!.length]];
  for (const [start, count, total] of ranges) {
    if (start.length !== count + 1 || start[0] !== 0 || start[count] !== total) return false;
    for (let i = 0; i < count; i++) if (start[i]! > start[i + 1]!) return false;
  }
  if (s.postingHead!.length !== s.postingRows!.length || s.postingBody!.length !== s.postingRows!.length || s.signalWeights.length !== s.signalIds!.length) return false;
  return ascendingRows(s.postingStart!, s.postingRows!, n) && allBelow(s.signalIds!, s.signalKeys.length) && wellFiled(s, n);
}

/** The filing's arrays: none, or one entry per row (FILING_WORDS words each) and spares counts a slot can hold. */
function wellFiled(s: Partial<SnapshotFile>, n: number): boolean {
  const { nearSetAside, nearCount, nearSpares, nearWords } = s;
  if (!isU32(nearSetAside) || !isU32(nearCount) || !(nearSpares instanceof Uint8Array) || !isU32(nearWords)) return false;
  const rows = nearCount.length;
  if ((rows !== 0 && rows !== n) || nearSpares.length !== rows || nearWords.length !== rows * FILING_WORDS) return false;
  return nearSpares.every((k) => k === NOT_FILED || k <= FILING_WORDS - SIGNATURE_WORDS);
}

/** Every term's rows ascending and below `n` (the index's binary searches need them sorted). */
function ascendingRows(start: Uint32Array, rows: Uint32Array, n: number): boolean {
  for (let t = 0; t + 1 < start.length; t++) {
    let last = -1;
    for (let e = start[t]!; e < start[t + 1]!; e++) {
      const r = rows[e]!;
      if (r <= last || r >= n) return false;
      last = r;
    }
  }
  return true;
}

function allBelow(ids: Uint32Array, bound: number): boolean {
  let max = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
  return ids.length === 0 || max < bound;
}
