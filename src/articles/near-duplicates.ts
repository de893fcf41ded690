// Near-duplicates: the same article pasted again with a few words changed (a
// corrected typo, another headline, a trimmed byline). Compared on three-word
// shingles of the cleaned body: when 90% of the shorter text's shingles are in
// the other, it is the same article and the stored card answers.
//
// Each article is filed under its few smallest shingle hashes (a bottom-k
// sketch): a near-duplicate shares 90% of its shingles, so it all but surely
// shares one of these, and only articles filed under the new one's keys are
// compared. A key many articles are filed under is boilerplate (a press
// office's standard paragraph, a site's template sentence) and would make every
// look-up compare thousands: once HOT articles hold it, it is set aside for
// good and its articles are filed under their next smallest shingles instead.
// Filing and look-up both skip set-aside keys, so the sketches still match as
// bottom-k sketches of the texts without their boilerplate.
//
// The filing does not depend on the order articles are filed in (decision 033):
// a key's holder count only grows as keys are set aside (an article's keys are
// its smallest hashes not set aside), so the keys set aside end as the least set
// closed under "48 articles hold it", and each article's keys as its smallest 8
// others, whatever the order; and of several stored articles a new one nearly
// repeats, the look-up answers the closest (then the smallest id), not the first
// met. So a restart can take the filing from the derived-data snapshot (the set-
// aside keys, each article's signature and spares) instead of shingling every
// body again (~35 s of CPU at 100,000 articles), and answer exactly as a filing
// from the text. A removal can leave a key set aside that a filing from the text
// would not set aside: after one, the filing is not offered to the snapshot.
import { backgroundStep, buildSliceMs, type BackgroundStep } from '../background-step.js';
import type { ArticleRecord, CleanArticle, StoredArticle } from '../model/article.js';
import { FilingSlots, ROW_WORDS, SKETCH, slotNumber, SPARE } from './filing-slots.js';
import { HashSet32 } from './hash-set.js';
import { shingleOverlap, shingles, SIGNATURE_WORDS, signatureMayHold, writeSignature } from './shingles.js';

const MIN_OVERLAP = 0.9;
// Texts whose lengths differ more than this cannot share 90% of their shingles.
const LENGTH_RATIO = 0.75;
const MIN_SHINGLES = 20;
/** A key held by this many articles is set aside: a look-up compares at most SKETCH × HOT candidates. */
const HOT = 48;
/** Shingles of recent look-ups kept for filing the same text after its write (concurrent adds look up first). */
const RECENT = 256;
/** Smallest hashes not set aside kept per respared article while the stored articles are filed (see respare). */
const LONG_SPARE = 128;

/**
 * A respared article's smallest hashes not set aside, taken from its body;
 * `complete` when that was all of them.
 */
interface LongSpares {
  hashes: Uint32Array;
  complete: boolean;
}

/** A filed article as the derived-data snapshot keeps it. */
export interface FilingRow {
  /** Its shingle count. */
  count: number;
  /** How many spare hashes its slot holds. */
  spares: number;
  /** Its signature, then its spares (ROW_WORDS words). */
  words: Uint32Array;
}

/** A filing taken from the derived-data snapshot, for the stored articles it holds (each checked: same id and fingerprint). */
export interface KnownFiling {
  /** Keys set aside when it was taken: never more than filing every stored article sets aside. */
  setAside: Uint32Array;
  /** How many stored articles it files. */
  rows: number;
  get(id: string): FilingRow | undefined;
}

/** The filing as it is now, for the derived-data snapshot's writer. */
export interface FilingCapture {
  /** The keys set aside when the capture was taken (rows filed since only add to what filing them sets aside). */
  setAside: Uint32Array;
  /** A filed article's row (a view into the filing: copy it before the next turn), if filed with this fingerprint. */
  row(id: string, fingerprint: string): FilingRow | undefined;
  /** False once an article was unfiled since (the capture is then not what a filing from the text gives). */
  stillExact(): boolean;
}

/**
 * Whether a snapshot's row is what filing `body` gives now (a canary for a
 * change in shingling made without a snapshot version bump): the same shingle
 * count and signature, and spares that are its smallest hashes once the keys
 * set aside are left out.
 */
export function filingAgrees(body: string, row: FilingRow, setAside: ReadonlySet<number>): boolean {
  const set = shingles(body);
  if (row.count !== set.length || row.words.length !== ROW_WORDS || row.spares > SPARE) return false;
  const signature = new Uint32Array(SIGNATURE_WORDS);
  writeSignature(set, signature, 0);
  for (let i = 0; i < SIGNATURE_WORDS; i++) if (signature[i] !== row.words[i]) return false;
  const kept = set.filter((h) => !setAside.has(h));
  let k = 0;
  for (let j = 0; j < row.spares; j++) {
    const h = row.words[SIGNATURE_WORDS + j]!;
    if (setAside.has(h)) continue;
    if (kept[k++] !== h) return false;
  }
  return true;
}

/**
 * A filed article: its slot (signature, spare hashes, keys, shingle count; see
 * filing-slots.ts) and how many spares and keys the slot holds. A candidate
 * whose signature cannot reach the overlap is set aside without a look-up or
 * re-shingling its body: the answer is exactly the same.
 */
interface Filed {
  id: string;
  fingerprint: string;
  slot: number;
  spares: number;
  keys: number;
}

/** The fewest shared shingles that reach MIN_OVERLAP of `small` (as the division the final check makes). */
function leastShared(small: number): number {
  let needed = Math.ceil(MIN_OVERLAP * small);
  while (needed > 0 && (needed - 1) / small >= MIN_OVERLAP) needed -= 1;
  while (needed / small < MIN_OVERLAP) needed += 1;
  return needed;
}

export class NearDuplicates {
  /** The slots filed under each key (look-ups walk ~400 of them: numbers, not ids through a map). */
  private readonly byKey = new Map<number, number[]>();
  private readonly setAside = new HashSet32();
  private readonly filed = new Map<string, Filed>();
  private readonly slots = new FilingSlots();
  /** Filed articles by slot number (see filing-slots.ts). */
  private readonly bySlot: (Filed | undefined)[] = [];
  private readonly recent = new Map<string, Uint32Array>();
  /** Respared articles' longer spare lists, while the stored articles are filed (dropped after). */
  private readonly longSpares = new Map<string, LongSpares>();
  /** Stored articles not filed yet (taken from the store on first use), and how many of them are done. */
  private pending: StoredArticle[] | null = null;
  private pendingDone = 0;
  private step: BackgroundStep | null = null;
  /** Adds waiting for the background filing to end (see whenFiled), and others that do not keep the process alive (onceFiled). */
  private waiting: (() => void)[] = [];
  private watching: (() => void)[] = [];
  private stopped = false;
  /** Filing of stored articles read in an earlier run (the derived-data snapshot), taken instead of shingling their bodies. */
  private known: KnownFiling | null;
  /** Articles unfiled since start (removed, or back with another text): the filing may then keep keys set aside that a filing from the text would not. */
  private unfilings = 0;
  /** Changes to the filing (an article filed, unfiled or its spares taken again), so a capture knows it still holds. */
  private changes = 0;

  /**
   * `all` lists the stored articles; `stored` looks one up by id, `bodyOf`
   * reads its body (bodies are not kept in memory). The stored
   * articles are filed in the background, in slices between other work, once
   * `fileStoredInBackground` is called; a look-up before that is done files the rest first.
   */
  constructor(
    private readonly all: () => Iterable<StoredArticle>,
    private readonly stored: (id: string) => StoredArticle | undefined,
    private readonly bodyOf: (id: string) => string | undefined,
    known?: KnownFiling | null,
  ) {
    this.known = known ?? null;
    if (known) for (const key of known.setAside) this.setAside.add(key);
  }

  fileStoredInBackground(): void {
    if (this.step || this.allFiled()) return;
    this.step = backgroundStep(() => {
      this.step = null;
      this.catchUp(performance.now() + buildSliceMs(this.waiting.length > 0)); // long while an add waits (whenFiled)
      if (this.pending!.length > this.pendingDone) this.fileStoredInBackground();
    }, this.waiting.length > 0);
  }

  /** True once every stored article is filed (a look-up then files nothing first). */
  allFiled(): boolean {
    this.pending ??= [...this.all()];
    return this.pendingDone >= this.pending.length;
  }

  /**
   * Resolves once every stored article is filed, by the background filing (the
   * event loop keeps its turns meanwhile), or at once when filing was stopped
   * (closing: a look-up then files the rest itself). Waiting keeps the process alive.
   */
  whenFiled(): Promise<void> {
    if (this.stopped || this.allFiled()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (this.step) this.step.ref();
      else this.fileStoredInBackground();
    });
  }

  /** As whenFiled, without keeping the process alive for it (the snapshot writer waits so). */
  onceFiled(): Promise<void> {
    if (this.stopped || this.allFiled()) return Promise.resolve();
    return new Promise<void>((resolve) => this.watching.push(resolve));
  }

  /** Stops the background filing (closing); a later look-up still files the rest first. */
  stop(): void {
    this.stopped = true;
    this.step?.cancel();
    this.step = null;
    this.release();
  }

  private release(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
    for (const resolve of this.watching.splice(0)) resolve();
  }

  /** The stored article this one nearly repeats, if any. `precomputed`: its body's shingles, read elsewhere (the derive pool). */
  find(article: CleanArticle, precomputed?: Uint32Array): StoredArticle | null {
    this.catchUp();
    const mine = precomputed ?? shingles(article.body);
    if (mine.length < MIN_SHINGLES) return null;
    this.remember(article.fingerprint, mine);
    const candidates = new Set<number>();
    for (const key of this.sketch(mine.length, (i) => mine[i]!)) for (const slot of this.byKey.get(key) ?? []) candidates.add(slot);
    let best: StoredArticle | null = null;
    let bestOverlap = 0;
    for (const slot of candidates) {
      // The signature test first, from the slot alone: most candidates fail it, and their objects stay untouched.
      if (!signatureMayHold(mine, this.slots.words, slot, leastShared(Math.min(mine.length, this.slots.count(slot))))) continue;
      const filed = this.bySlot[slotNumber(slot)];
      if (!filed) continue;
      const id = filed.id;
      const other = this.stored(id);
      if (!other || filed.fingerprint !== other.fingerprint || other.language !== article.language) continue;
      const body = this.bodyOf(id);
      if (body === undefined) continue;
      const ratio = Math.min(article.body.length, body.length) / Math.max(article.body.length, body.length);
      if (ratio < LENGTH_RATIO) continue;
      // The closest, then the smallest id: not the first met, which depends on the order articles were filed in.
      const overlap = shingleOverlap(mine, shingles(body));
      if (overlap >= MIN_OVERLAP && (best === null || overlap > bestOverlap || (overlap === bestOverlap && other.id < best.id))) {
        best = other;
        bestOverlap = overlap;
      }
    }
    return best;
  }

  /** A stored article (after its write): later look-ups compare with it. */
  file(article: ArticleRecord): void {
    const set = this.recent.get(article.fingerprint);
    this.recent.delete(article.fingerprint);
    this.fileOne(article, set ?? shingles(article.body));
  }

  /** A removed article: no longer a candidate. */
  forget(article: StoredArticle): void {
    const filed = this.filed.get(article.id);
    if (!filed || filed.fingerprint !== article.fingerprint) return;
    this.unfile(article.id, filed);
  }

  /**
   * The filing for the derived-data snapshot, or null when it is not the one
   * a filing of the stored articles from their text would give (an article
   * was unfiled since start). Articles not filed yet are simply not in it.
   */
  capture(): FilingCapture | null {
    if (this.unfilings > 0 || !this.filedOrKnown()) return null;
    // What is left comes from the snapshot (~10 µs an article): filed now, so that a close soon after a restart keeps the filing.
    this.catchUp();
    const changes = this.changes;
    return {
      setAside: Uint32Array.from(this.setAside.values()),
      row: (id, fingerprint) => {
        const filed = this.filed.get(id);
        if (!filed || filed.fingerprint !== fingerprint) return undefined;
        return { count: this.slots.count(filed.slot), spares: filed.spares, words: this.slots.row(filed.slot) };
      },
      stillExact: () => this.changes === changes,
    };
  }

  /** True when every stored article is filed or has its filing from the snapshot. */
  private filedOrKnown(): boolean {
    if (this.allFiled()) return true;
    if (!this.known) return false;
    for (let i = this.pendingDone; i < this.pending!.length; i++) if (!this.known.get(this.pending![i]!.id)) return false;
    return true;
  }

  /** The keys an article is filed under, ascending (for tests: the filing compared key by key). */
  keysFor(id: string): number[] {
    const filed = this.filed.get(id);
    return filed ? this.keysOf(filed).sort((a, b) => a - b) : [];
  }

  /** The keys set aside, ascending (for tests). */
  setAsideKeys(): number[] {
    return [...this.setAside.values()].sort((a, b) => a - b);
  }

  /** Figures for benches: keys in use and set aside, and articles filed. */
  stats(): { keys: number; setAside: number; filed: number } {
    return { keys: this.byKey.size, setAside: this.setAside.size, filed: this.filed.size };
  }

  private remember(fingerprint: string, set: Uint32Array): void {
    this.recent.set(fingerprint, set);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
  }

  /** Files the stored articles not filed yet, until `deadline` (all of them without one). */
  private catchUp(deadline = Infinity): void {
    this.pending ??= [...this.all()];
    while (this.pendingDone < this.pending.length) {
      if (performance.now() >= deadline) return;
      const a = this.pending[this.pendingDone++]!;
      const row = this.known?.get(a.id);
      if (row) {
        this.fileKnown(a, row);
        continue;
      }
      const body = this.bodyOf(a.id);
      if (body !== undefined) this.fileOne(a, shingles(body)); // undefined: removed since
    }
    if (this.pending.length > 0) {
      this.pending = [];
      this.pendingDone = 0;
      this.longSpares.clear();
    }
    this.known = null; // lets the snapshot's bytes go
    this.release();
  }

  /** `set`: the article's shingles, ascending. */
  private fileOne(article: StoredArticle, set: Uint32Array): void {
    this.fileSlot(article, set.length, (slot) => {
      writeSignature(set, this.slots.words, slot);
      return this.slots.setSpares(slot, this.sparesOf(set));
    });
  }

  /** A stored article as the snapshot filed it: its signature and spares as they were, its keys taken now. */
  private fileKnown(article: StoredArticle, row: FilingRow): void {
    this.fileSlot(article, row.count, (slot) => {
      this.slots.setRow(slot, row.words);
      return row.spares;
    });
  }

  /** Files an article whose slot `fill` writes (returning how many spares it holds) under its keys. */
  private fileSlot(article: StoredArticle, count: number, fill: (slot: number) => number): void {
    const known = this.filed.get(article.id);
    if (known?.fingerprint === article.fingerprint) return;
    if (known) this.unfile(article.id, known); // a removed id back with other text
    this.changes += 1;
    const slot = this.slots.take();
    this.slots.setCount(slot, count);
    const filed: Filed = { id: article.id, fingerprint: article.fingerprint, slot, spares: fill(slot), keys: 0 };
    this.filed.set(article.id, filed);
    this.bySlot[slotNumber(slot)] = filed;
    // Spares from the snapshot, with keys set aside since among them: taken again from the body.
    if (filed.spares === SPARE && this.sketchOf(filed).length < SKETCH && !this.respare(article.id, filed)) return;
    const full: number[] = [];
    this.fileUnder(filed, full);
    // Setting a key aside files its articles under further keys, which may fill up in turn.
    for (let key = full.pop(); key !== undefined; key = full.pop()) this.putAside(key, full);
  }

  /** The first SKETCH of n ascending hashes not set aside. */
  private sketch(n: number, hashAt: (i: number) => number): number[] {
    const keys: number[] = [];
    for (let i = 0; i < n && keys.length < SKETCH; i++) {
      const h = hashAt(i);
      if (!this.setAside.has(h)) keys.push(h);
    }
    return keys;
  }

  private sketchOf(filed: Filed): number[] {
    return this.sketch(filed.spares, (i) => this.slots.spare(filed.slot, i));
  }

  private keysOf(filed: Filed): number[] {
    return Array.from({ length: filed.keys }, (_, i) => this.slots.key(filed.slot, i));
  }

  /** Files an article under each key of its sketch (`sketch`, when the caller has it) it is not under yet; keys that reach HOT go to `full`. */
  private fileUnder(filed: Filed, full: number[], sketch = this.sketchOf(filed)): void {
    for (const key of sketch) {
      if (this.filedUnder(filed, key)) continue;
      this.slots.setKey(filed.slot, filed.keys++, key);
      const slots = this.byKey.get(key);
      if (!slots) this.byKey.set(key, [filed.slot]);
      else if (slots.push(filed.slot) === HOT) full.push(key);
    }
  }

  private filedUnder(filed: Filed, key: number): boolean {
    for (let i = 0; i < filed.keys; i++) if (this.slots.key(filed.slot, i) === key) return true;
    return false;
  }

  /** Takes `key` out of an article's keys, keeping the others in order. */
  private dropKey(filed: Filed, key: number): void {
    let kept = 0;
    for (let i = 0; i < filed.keys; i++) {
      const k = this.slots.key(filed.slot, i);
      if (k !== key) this.slots.setKey(filed.slot, kept++, k);
    }
    filed.keys = kept;
  }

  private putAside(key: number, full: number[]): void {
    const slots = this.byKey.get(key);
    if (!slots) return;
    this.byKey.delete(key);
    this.setAside.add(key);
    for (const slot of slots) {
      const filed = this.bySlot[slotNumber(slot)];
      if (!filed) continue; // unfiled meanwhile (its spares ran out and it was gone from the store)
      this.dropKey(filed, key);
      let sketch = this.sketchOf(filed);
      // Its spare hashes ran out: take more from the body (an article gone from the store is dropped).
      if (filed.spares === SPARE && sketch.length < SKETCH) {
        if (!this.respare(filed.id, filed)) continue;
        sketch = this.sketchOf(filed);
      }
      this.fileUnder(filed, full, sketch);
    }
  }

  /**
   * Refills the spares with the article's smallest hashes not set aside; false if it is no longer stored.
   * While the stored articles are filed, boilerplate keys are set aside one after
   * another and the same articles are respared again and again (3 times each on
   * average in the 100,000-article scale corpus): each respare then keeps the
   * article's LONG_SPARE smallest hashes not set aside, and the next one takes
   * its spares from those instead of shingling the body again. The answer is
   * the same: keys are only ever added to the set-aside set, so the smallest
   * hashes not set aside now are among those that were not then, and when
   * SPARE of the kept ones are still not set aside, no hash left out can come
   * before them.
   */
  private respare(id: string, filed: Filed): boolean {
    const article = this.stored(id);
    if (!article || article.fingerprint !== filed.fingerprint) return this.unfile(id, filed);
    const kept = this.longSpares.get(id);
    const free = kept && this.notSetAside(kept.hashes, LONG_SPARE);
    let long: LongSpares;
    if (kept && free && (free.length >= SPARE || kept.complete)) long = { hashes: free, complete: kept.complete };
    else {
      const body = this.bodyOf(id);
      if (body === undefined) return this.unfile(id, filed);
      const hashes = this.notSetAside(shingles(body), LONG_SPARE);
      long = { hashes, complete: hashes.length < LONG_SPARE };
    }
    if (this.pendingDone < (this.pending?.length ?? 0)) this.longSpares.set(id, long);
    filed.spares = this.slots.setSpares(filed.slot, long.hashes);
    this.changes += 1;
    return true;
  }

  /**
   * The first SPARE of an article's hashes (ascending) that are not set aside.
   * Not the first SPARE of all: then an article's keys are always its smallest
   * hashes not set aside, whether a key of its was set aside after it was filed
   * or before, so the filing does not depend on the order articles come in.
   */
  private sparesOf(set: Uint32Array): Uint32Array {
    return this.setAside.size === 0 ? set : this.notSetAside(set, SPARE);
  }

  /** The first `n` of ascending `hashes` not set aside (stops there: most of a long list is never looked at). */
  private notSetAside(hashes: Uint32Array, n: number): Uint32Array {
    const out = new Uint32Array(Math.min(n, hashes.length));
    let k = 0;
    for (let i = 0; i < hashes.length && k < out.length; i++) {
      const h = hashes[i]!;
      if (!this.setAside.has(h)) out[k++] = h;
    }
    return k === out.length ? out : out.subarray(0, k);
  }

  /** Takes an article out of the filing; false, for callers that drop it. */
  private unfile(id: string, filed: Filed): false {
    this.unfilings += 1;
    this.changes += 1;
    for (const key of this.keysOf(filed)) {
      const slots = this.byKey.get(key);
      const at = slots?.indexOf(filed.slot) ?? -1;
      if (at >= 0) slots!.splice(at, 1);
      if (slots?.length === 0) this.byKey.delete(key);
    }
    this.filed.delete(id);
    this.bySlot[slotNumber(filed.slot)] = undefined;
    this.longSpares.delete(id);
    this.slots.release(filed.slot);
    return false;
  }
}
