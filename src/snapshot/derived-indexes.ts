// Building the engine's derived indexes (search, stories, the near-duplicate
// check's filing, which it completes itself in the background) at start, taking each article's derived data from the snapshot when the
// snapshot holds that very article (same id, fingerprint and stamp of the
// fields read, same briefs, scope and lexicon, same snapshot version) and
// reading the article's text otherwise. Articles go in in the store's order,
// as a build from the text alone takes them, so a start from the snapshot
// answers exactly as a start without it. A few rows are read again from the
// text and compared (a canary): code that derives differently without a
// version bump makes the whole snapshot be ignored, not trusted.
import { createHash } from 'node:crypto';
import type { Brief } from '../briefs/brief-schema.js';
import type { Scope } from '../briefs/scope.js';
import type { Logger } from '../logger.js';
import type { Lexicon } from '../search/lexicon.js';
import type { StoredArticle } from '../model/article.js';
import { filingAgrees, NearDuplicates, type KnownFiling } from '../articles/near-duplicates.js';
import { SearchIndex } from '../search/search-index.js';
import type { BriefingStore } from '../store/briefing-store.js';
import { articleWithBody } from '../store/article-with-body.js';
import { conceptsOf } from '../stories/event-signals.js';
import { StoryIndex, type KnownSignals } from '../stories/story-clusters.js';
import { storedSignals, storySignals } from '../stories/story-signals.js';
import { articleStamp, knownFiling, stampWithoutSignals, preparedRows, readSnapshotBytes, type SnapshotBytes, SNAPSHOT_VERSION, readSnapshot, rowAt, rowsForm, signalsAt, snapshotPath, SNAPSHOT_FILE_VERSION, type DerivedRow, type SnapshotData, type SnapshotFile, type SnapshotSignals } from './snapshot-file.js';
import { Growing } from './derived-row-bytes.js';
import { release } from '../releasable-memory.js';
import { sharedWriters, startSharedRead } from './shared-snapshot.js';
import { SnapshotWriter } from './snapshot-writer.js';

export interface DerivedIndexes {
  index: SearchIndex;
  stories: StoryIndex;
  /** Files the stored articles in the background once started (ArticleService), from the snapshot where it can. */
  nearDuplicates: NearDuplicates;
  /** Keeps the snapshot (file, or the store's shared rows) up to date; null for a store with neither. */
  snapshots: DerivedWriter | null;
}

/** What keeps derived data stored: the snapshot file's writer, or the shared rows' (shared-derived.ts). */
export interface DerivedWriter {
  start(): void;
  close(): Promise<void>;
}

export interface DerivedInputs {
  store: BriefingStore;
  briefs: readonly Brief[];
  lexicon: Lexicon;
  scope: Scope;
  /** The scope as configured (side -> names), part of what the snapshot was derived with. */
  scopeSides: Record<string, string[]> | null;
  logger: Logger;
  /** The store's shared snapshot or rows, already being read (started while the store loaded its articles). */
  sharedRows?: Promise<SnapshotFile | SnapshotData | null>;
  /** The snapshot file's bytes, read while the store was read (used only if it is the store's own file). */
  prefetched?: PrefetchedSnapshot | null;
  /** A worker thread may read stored articles' story signals ahead of the background build (signals-ahead.ts). */
  readAhead?: boolean;
}

export interface PrefetchedSnapshot {
  file: string;
  bytes: Promise<SnapshotBytes>;
}

/**
 * Starts reading the snapshot file that a lowdb store in `dataDir` keeps
 * (its cacheDir), so that the read runs on the thread pool while the store is
 * read. Reading before the store's lock is taken is harmless: every row is
 * checked against the stored article it names, and a file renamed over
 * meanwhile is read whole, old or new.
 */
export function prefetchSnapshot(dataDir: string): PrefetchedSnapshot {
  const file = snapshotPath(dataDir);
  return { file, bytes: readSnapshotBytes(file) };
}

/** How many rows are read again from the text and compared before a snapshot is used. */
const CANARY_ROWS = 4;

export function derivationInputs(d: Pick<DerivedInputs, 'briefs' | 'lexicon' | 'scopeSides'>): string {
  const briefs = d.briefs.map((b) => [b.id, b.name]);
  return createHash('sha256').update(JSON.stringify([SNAPSHOT_VERSION, briefs, d.scopeSides, [...d.lexicon]])).digest('hex').slice(0, 32);
}

export async function openDerivedIndexes(d: DerivedInputs): Promise<DerivedIndexes> {
  const { store, logger } = d;
  const t0 = performance.now();
  const index = new SearchIndex(d.briefs, store, d.scope);
  const dir = store.cacheDir;
  const inputs = derivationInputs(d);
  const file = dir === null ? null : snapshotPath(dir);
  const shared = file === null ? store.sharedDerived : null;
  const early = d.prefetched && d.prefetched.file === file ? d.prefetched.bytes : undefined;
  const snapshot: SnapshotFile | SnapshotData | null = file !== null ? await usableSnapshot(file, inputs, logger, early) : shared ? await (d.sharedRows ?? startSharedRead(shared, inputs, logger).finish(store)) : null;
  const t1 = performance.now();
  const { rowOf, withoutSignals } = snapshot ? validRows(snapshot, store) : { rowOf: new Map<string, number>(), withoutSignals: new Set<string>() };
  let filing = snapshot ? knownFiling(snapshot, rowOf) : null;
  if (snapshot && !canaryAgrees(snapshot, rowOf, withoutSignals, d, index, filing)) {
    logger.warn({ event: 'derived_snapshot_outdated', file }, 'derived-data snapshot disagrees with this version; articles are read from their text');
    rowOf.clear();
    withoutSignals.clear();
    filing = null;
  }
  const articles = [...store.listArticles()];
  const knownSignals = snapshot ? signalsOfRows(signalPart(snapshot), rowOf, withoutSignals) : undefined;
  // Before the search pass, so that its read-ahead worker starts (~1 s of CPU under tsx) beside that pass rather
  // than beside the first look-ups after ready (decision 040).
  const s0 = performance.now();
  const stories = new StoryIndex(articles, d.lexicon, knownSignals, (id) => store.readBody(id), { readAhead: d.readAhead === true });
  const storiesStartMs = performance.now() - s0;
  const t2 = performance.now();
  let fromText = 0;
  if (snapshot && 'postingStart' in snapshot && rowOf.size === articles.length) loadPosted(index, articles, snapshot, rowOf);
  else fromText = loadSearchIndex(store, index, articles, snapshot && rowsForm(snapshot), rowOf);
  const t3 = performance.now();
  const nearDuplicates = nearDuplicatesOf(store, filing);
  if (snapshot && file !== null) releaseWhenRead(snapshot, stories, nearDuplicates);
  const reused = rowOf.size;
  const ms = (a: number, b: number) => Math.round(b - a);
  const timing = { readMs: ms(t0, t1), checkMs: ms(t1, t2), searchMs: ms(t2, t3), storiesMs: ms(t3 - storiesStartMs, performance.now()) };
  logger.info({ event: 'derived_indexes_built', fromSnapshot: reused, fromText, snapshotRows: snapshot?.ids.length ?? 0, signalsFromText: withoutSignals.size, filingFromSnapshot: filing !== null, ...timing }, 'derived indexes built');
  // A snapshot without the whole filing (written after a removal, or before the filing was done) is written again with it.
  const upToDate = fromText === 0 && withoutSignals.size === 0 && reused === (snapshot?.ids.length ?? 0) && (file === null || snapshot === null || filing?.rows === reused);
  const snapshots =
    file !== null
      ? new SnapshotWriter({ file, inputs, store, index, stories, logger, upToDate, filing: nearDuplicates })
      : shared && sharedWriters({ shared, inputs, store, index, stories, logger, usable: rowOf.keys(), upToDate, snapshot, filing: nearDuplicates, filingWhole: filing?.rows === reused });
  return { index, stories, nearDuplicates, snapshots };
}

/**
 * The near-duplicate check over the stored articles, starting from the
 * snapshot's filing when there is one. A function of its own, for the same
 * reason as signalsOfRows: the filing's views keep the file's bytes only
 * until the check has filed every stored article.
 */
function nearDuplicatesOf(store: BriefingStore, filing: KnownFiling | null): NearDuplicates {
  return new NearDuplicates(
    () => store.listArticles(),
    (id) => store.getArticle(id),
    (id) => store.readBody(id),
    filing,
  );
}

/**
 * Gives the snapshot file's bytes back (snapshot-file.ts reads them into
 * releasable memory) once the story build and the filing, the last readers
 * of their views, are done: an idle instance may go minutes without the full
 * collection that would free them (~18 MB resident at 10,000 articles,
 * decision 038). Held weakly: a build that never ends (closing) keeps nothing alive.
 */
function releaseWhenRead(snapshot: SnapshotFile | SnapshotData, stories: StoryIndex, filing: NearDuplicates): void {
  const bytes = new WeakRef(snapshot.stamps.buffer);
  void Promise.all([stories.onceIndexed(), filing.onceFiled()]).then(() => {
    const b = bytes.deref();
    if (b) release(b);
  });
}

/**
 * Stored articles' signals, turned into arrays only when the story build
 * reaches them (after ready). A function of its own: a closure made in
 * openDerivedIndexes would share its scope with the ones that live on
 * (e.g. the story index's body reader) and keep the file's bytes for good;
 * this one is dropped, and the bytes with it, once the build is done.
 */
function signalsOfRows(snapshot: SnapshotSignals, rowOf: ReadonlyMap<string, number>, withoutSignals: ReadonlySet<string>): KnownSignals {
  return {
    size: rowOf.size - withoutSignals.size,
    get: (id) => {
      const i = rowOf.get(id);
      return i === undefined || withoutSignals.has(id) ? undefined : signalsAt(snapshot, i);
    },
  };
}

/**
 * Only the story-signal part of a snapshot: what the story build keeps until it is
 * done. A snapshot whose signal arrays are copies of their own (the database's,
 * shared-snapshot.ts) then lets go of its bytes (and the postings) once open returns.
 */
function signalPart(s: SnapshotSignals): SnapshotSignals {
  return { signalKeys: s.signalKeys, signalStart: s.signalStart, signalIds: s.signalIds, signalWeights: s.signalWeights, dates: s.dates, series: s.series };
}

/**
 * Fills the search index in the store's order: articles with a row take it,
 * the others are read from their text now, each turned into numbered terms at
 * once (holding every prepared document until all were read, their term
 * strings included, was ~400 MB of a first start's peak at 100,000 articles,
 * decision 037). Returns how many were read.
 */
function loadSearchIndex(store: BriefingStore, index: SearchIndex, articles: readonly StoredArticle[], snapshot: SnapshotData | null, rowOf: ReadonlyMap<string, number>): number {
  const n = articles.length;
  if (snapshot && articles.every((a) => rowOf.has(a.id))) {
    loadRows(index, articles, snapshot, rowOf);
    return 0;
  }
  // The snapshot's vocabulary, extended with the words only articles read now have.
  const vocabulary = snapshot ? [...snapshot.terms] : [];
  const idOf = new Map(vocabulary.map((t, i) => [t, i]));
  const termId = (term: string): number => {
    let id = idOf.get(term);
    if (id === undefined) idOf.set(term, (id = vocabulary.push(term) - 1));
    return id;
  };
  const headLen = new Uint32Array(n);
  const bodyLen = new Uint32Array(n);
  const start = new Uint32Array(n + 1);
  const inScope = new Uint8Array(n);
  const termIds = new Growing(new Uint32Array(0));
  const packedCounts = new Growing(new Uint32Array(0));
  let fromText = 0;
  for (let k = 0; k < n; k++) {
    start[k] = termIds.length;
    const i = rowOf.get(articles[k]!.id);
    if (i === undefined) {
      const prepared = index.prepare(articleWithBody(store, articles[k]!));
      const { terms, packed } = prepared.counts;
      for (let j = 0; j < terms.length; j++) {
        termIds.push(termId(terms[j]!));
        packedCounts.push(packed[j]!);
      }
      headLen[k] = prepared.counts.headLen;
      bodyLen[k] = prepared.counts.bodyLen;
      inScope[k] = prepared.inScope ? 1 : 0;
      fromText++;
      continue;
    }
    const s = snapshot!;
    for (let f = s.termStart[i]!; f < s.termStart[i + 1]!; f++) {
      termIds.push(s.termIds[f]!);
      packedCounts.push(s.termCounts[f]!);
    }
    headLen[k] = s.headLen[i]!;
    bodyLen[k] = s.bodyLen[i]!;
    inScope[k] = s.inScope[i]!;
  }
  start[n] = termIds.length;
  const docs = { ids: articles.map((a) => a.id), headLen, bodyLen, start, termIds: termIds.view(), packed: packedCounts.view() };
  // `load` turns them into postings by term and keeps none of them: views, not copies, at the start's peak.
  index.load(articles, vocabulary, docs, inScope);
  return fromText;
}

/**
 * Every article has its row, taken one by one (the shared rows): the index reads the rows'
 * runs where they lie in the snapshot's arrays, in the store's order, instead
 * of copying them (at 100,000 articles two arrays of ~30 million entries).
 */
function loadRows(index: SearchIndex, articles: readonly StoredArticle[], s: SnapshotData, rowOf: ReadonlyMap<string, number>): void {
  const n = articles.length;
  const docs = {
    ids: articles.map((a) => a.id),
    headLen: new Uint32Array(n),
    bodyLen: new Uint32Array(n),
    start: new Uint32Array(n),
    end: new Uint32Array(n),
    termIds: s.termIds,
    packed: s.termCounts,
  };
  const inScope = new Uint8Array(n);
  articles.forEach((article, k) => {
    const i = rowOf.get(article.id)!;
    docs.start[k] = s.termStart[i]!;
    docs.end[k] = s.termStart[i + 1]!;
    docs.headLen[k] = s.headLen[i]!;
    docs.bodyLen[k] = s.bodyLen[i]!;
    inScope[k] = s.inScope[i]!;
  });
  index.load(articles, s.terms, docs, inScope);
}

/**
 * Every stored article has its row (the usual restart): the index takes the
 * postings by term as the file holds them, copied out with their rows
 * renumbered to the store's order (slots) and rows of removed articles
 * dropped (when rows and slots agree, a plain copy). A term whose slots come
 * out of order (rows in another order than the store's, e.g. articles added
 * since the last start, which the store reads back in their shard's place) is
 * put in order on its own. No sort of every posting by term, as a start from
 * rows takes. Each long list gets room for the adds that follow (stretchFor).
 */
function loadPosted(index: SearchIndex, articles: readonly StoredArticle[], f: SnapshotFile, rowOf: ReadonlyMap<string, number>): void {
  const n = articles.length;
  const slotOfRow = new Int32Array(f.ids.length).fill(-1);
  const headLen = new Uint32Array(n);
  const bodyLen = new Uint32Array(n);
  const inScope = new Uint8Array(n);
  const ids = new Array<string>(n);
  let same = n === f.ids.length;
  for (let k = 0; k < n; k++) {
    const id = articles[k]!.id;
    const r = rowOf.get(id)!;
    ids[k] = id;
    slotOfRow[r] = k;
    if (r !== k) same = false;
    headLen[k] = f.headLen[r]!;
    bodyLen[k] = f.bodyLen[r]!;
    inScope[k] = f.inScope[r]!;
  }
  // Copied out (renumbered on the way when rows and slots differ): the index keeps none of the file's bytes.
  const { postingStart, postingRows, postingHead, postingBody } = f;
  const terms = f.terms.length;
  let size = 0;
  for (let t = 0; t < terms; t++) size += stretchFor(postingStart[t + 1]! - postingStart[t]!);
  const start = new Uint32Array(terms + 1);
  const ends = new Uint32Array(terms);
  const docs = new Uint32Array(size);
  const head = new Uint16Array(size);
  const body = new Uint16Array(size);
  let first = 0;
  for (let t = 0; t < terms; t++) {
    const from = postingStart[t]!;
    const to = postingStart[t + 1]!;
    start[t] = first;
    let at = first;
    if (same && to - from >= COPY_FROM) {
      docs.set(postingRows.subarray(from, to), at);
      head.set(postingHead.subarray(from, to), at);
      body.set(postingBody.subarray(from, to), at);
      at += to - from;
    } else if (same) {
      for (let e = from; e < to; e++, at++) {
        docs[at] = postingRows[e]!;
        head[at] = postingHead[e]!;
        body[at] = postingBody[e]!;
      }
    } else {
      let last = -1;
      let descents = 0;
      for (let e = from; e < to; e++) {
        const slot = slotOfRow[postingRows[e]!]!;
        if (slot < 0) continue;
        if (slot < last) descents++;
        last = slot;
        docs[at] = slot;
        head[at] = postingHead[e]!;
        body[at] = postingBody[e]!;
        at++;
      }
      if (descents > 0) putInOrder(docs, head, body, first, at, descents);
    }
    ends[t] = at;
    first += stretchFor(to - from);
  }
  start[terms] = first;
  index.loadPostings(articles, f.terms, { ids, headLen, bodyLen }, { start, docs, head, body, ends }, inScope);
}

/** Stretches copied with one native copy (views made for it) rather than a loop. */
const COPY_FROM = 256;

/** Postings a term of `m` postings gets room for after a restart: lists short enough to be number arrays none (they grow as arrays do). */
const ROOM_FROM = 16;

/**
 * The stretch a term of `m` postings takes: an eighth more for a long list,
 * so that the adds after a restart extend it in place. Without room, the
 * first add to each long list gave it arrays of its own half as large again,
 * while its old stretch stayed in the shared arrays: 500 adds after a 10,000
 * article restart grew the postings from 9 to 22 MB (decision 038).
 */
function stretchFor(m: number): number {
  return m >= ROOM_FROM ? m + Math.ceil(m / 8) : m;
}

/**
 * Orders entries `from` to `to` of three parallel arrays by slot. A stretch of
 * a few ascending runs is merged run by run, each run into the ordered stretch
 * before it. Many runs: the usual case is still an ordered head (the rows of
 * the last start, whose order the store keeps) and a tail of rows added since
 * (in the order they were added, scattered over the shards), so only the part
 * after the first descent is sorted, on one key per posting, then merged into
 * the head: a term with many added rows no longer sorts its whole list.
 */
function putInOrder(docs: Uint32Array, head: Uint16Array, body: Uint16Array, from: number, to: number, descents: number): void {
  if (descents > 16) {
    let firstDescent = from + 1;
    while (docs[firstDescent]! > docs[firstDescent - 1]!) firstDescent++;
    sortByKey(docs, head, body, firstDescent, to);
    mergeBack(docs, head, body, from, firstDescent, to);
    return;
  }
  let runStart = from + 1;
  while (runStart < to) {
    if (docs[runStart]! > docs[runStart - 1]!) {
      runStart++;
      continue;
    }
    let runEnd = runStart + 1;
    while (runEnd < to && docs[runEnd]! > docs[runEnd - 1]!) runEnd++;
    mergeBack(docs, head, body, from, runStart, runEnd);
    runStart = runEnd;
  }
}

/** Sorts entries `from` to `to` of three parallel arrays by slot (slots are distinct), on one key per posting. */
function sortByKey(docs: Uint32Array, head: Uint16Array, body: Uint16Array, from: number, to: number): void {
  const keys = new Float64Array(to - from);
  for (let i = from; i < to; i++) keys[i - from] = docs[i]! * 2 ** 32 + head[i]! * 2 ** 16 + body[i]!;
  keys.sort();
  for (let i = from; i < to; i++) {
    const k = keys[i - from]!;
    docs[i] = Math.floor(k / 2 ** 32);
    head[i] = Math.floor(k / 2 ** 16) % 2 ** 16;
    body[i] = k % 2 ** 16;
  }
}

/** Merges the ordered run `mid` to `to` into the ordered entries `from` to `mid`, from the back (only the run is copied aside). */
function mergeBack(docs: Uint32Array, head: Uint16Array, body: Uint16Array, from: number, mid: number, to: number): void {
  const runDocs = docs.slice(mid, to);
  const runHead = head.slice(mid, to);
  const runBody = body.slice(mid, to);
  let i = mid - 1;
  let j = to - mid - 1;
  for (let w = to - 1; j >= 0; w--) {
    if (i >= from && docs[i]! > runDocs[j]!) {
      docs[w] = docs[i]!;
      head[w] = head[i]!;
      body[w] = body[i]!;
      i--;
    } else {
      docs[w] = runDocs[j]!;
      head[w] = runHead[j]!;
      body[w] = runBody[j]!;
      j--;
    }
  }
}

async function usableSnapshot(file: string, inputs: string, logger: Logger, bytes?: Promise<SnapshotBytes>): Promise<SnapshotFile | null> {
  const read = await readSnapshot(file, bytes);
  if (read.kind === 'unreadable') logger.warn({ event: 'derived_snapshot_unreadable', file, reason: read.reason }, 'derived-data snapshot ignored; articles are read from their text');
  if (read.kind === 'newer') logger.warn({ event: 'derived_snapshot_newer', file, version: read.version, reads: SNAPSHOT_FILE_VERSION }, 'derived-data snapshot of a newer Ringkas ignored');
  if (read.kind !== 'ok') return null;
  if (read.snapshot.inputs !== inputs) {
    logger.info({ event: 'derived_snapshot_inputs_changed', file }, 'briefs, scope or lexicon changed since the derived-data snapshot; articles are read from their text');
    return null;
  }
  return read.snapshot;
}

/**
 * Stored article id -> its row, for the rows read from that very article, and
 * the ids among them whose row was written without story signals (its stamp
 * says so: the engine closed before its story build reached them).
 */
function validRows(s: Pick<SnapshotData, 'ids' | 'fingerprints' | 'stamps'>, store: BriefingStore): { rowOf: Map<string, number>; withoutSignals: Set<string> } {
  const rowOf = new Map<string, number>();
  const withoutSignals = new Set<string>();
  for (let i = 0; i < s.ids.length; i++) {
    const article = store.getArticle(s.ids[i]!);
    if (!article || article.fingerprint !== s.fingerprints[i]) continue;
    const stamp = articleStamp(article);
    if (stamp === s.stamps[i]) rowOf.set(article.id, i);
    else if (stampWithoutSignals(stamp) === s.stamps[i]) {
      rowOf.set(article.id, i);
      withoutSignals.add(article.id);
    }
  }
  return { rowOf, withoutSignals };
}

/** Reads a few rows' articles again and compares: any difference means the code derives otherwise now. */
function canaryAgrees(s: SnapshotFile | SnapshotData, rowOf: ReadonlyMap<string, number>, withoutSignals: ReadonlySet<string>, d: DerivedInputs, index: SearchIndex, filing: KnownFiling | null): boolean {
  const ids = [...rowOf.keys()];
  const step = Math.max(1, Math.floor(ids.length / CANARY_ROWS));
  const picked: string[] = [];
  for (let k = 0; k < ids.length && k < step * CANARY_ROWS; k += step) picked.push(ids[k]!);
  const rows = picked.map((id) => rowOf.get(id)!);
  const prepared = 'termStart' in s ? rows.map((r) => rowAt(s, r).prepared) : preparedRows(s, rows);
  const concepts = conceptsOf(d.lexicon);
  const setAside = filing && new Set(filing.setAside);
  return picked.every((id, k) => {
    const article = articleWithBody(d.store, d.store.getArticle(id)!);
    const row: DerivedRow = { prepared: prepared[k]!, signals: signalsAt(s, rows[k]!) };
    // A row without signals is compared on its search part (its signals are read from the text anyway).
    const signals = withoutSignals.has(id) ? row.signals : storedSignals(storySignals(article, concepts));
    const filed = filing?.get(id);
    return sameRow(row, { prepared: index.prepare(article), signals }) && (!filed || filingAgrees(article.body, filed, setAside!));
  });
}

function sameRow(a: DerivedRow, b: DerivedRow): boolean {
  const counts = (r: DerivedRow) => new Map(r.prepared.counts.terms.map((t, i) => [t, r.prepared.counts.packed[i]]));
  const signals = (r: DerivedRow) => new Map(r.signals.keys.map((k, i) => [k, r.signals.weights[i]]));
  const same = (x: Map<string, unknown>, y: Map<string, unknown>) => x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
  const pa = a.prepared;
  const pb = b.prepared;
  return (
    pa.inScope === pb.inScope &&
    pa.counts.headLen === pb.counts.headLen &&
    pa.counts.bodyLen === pb.counts.bodyLen &&
    same(counts(a), counts(b)) &&
    same(signals(a), signals(b)) &&
    JSON.stringify([a.signals.date, a.signals.day, a.signals.series.map((x) => [x.ordinal, [...x.words]])]) ===
      JSON.stringify([b.signals.date, b.signals.day, b.signals.series.map((x) => [x.ordinal, [...x.words]])])
  );
}
