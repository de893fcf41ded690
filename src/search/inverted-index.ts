// A small BM25F inverted index tuned for look-ups at 10k+ articles: postings are
// plain integer arrays, scores are summed into one reused Float64Array, so a
// look-up costs one pass over the postings of its terms and nothing else.
// (MiniSearch, measured here, spent 10-20 ms per multi-term look-up at 10k.)

const K1 = 1.2;
const HEAD_UNIT = 2 ** 16;
const B = 0.75;

export interface IndexedDocument {
  id: string;
  /** Short, strong text (headline, key points, entities, topics). */
  head: string[];
  body: string[];
}

interface Postings {
  docs: number[];
  /** Term frequency in head and body, per posting. */
  head: number[];
  body: number[];
}

export class InvertedIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly ids: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly headLen: number[] = [];
  private readonly bodyLen: number[] = [];
  private readonly alive: boolean[] = [];
  private liveCount = 0;
  private headTotal = 0;
  private bodyTotal = 0;
  /** Score accumulator and the slots it holds a score for, reused by every look-up. */
  private acc = new Float64Array(0);
  private touched = new Int32Array(0);
  private scored = new Float64Array(0);
  /**
   * Per slot, BM25's length normaliser of head and body for the average lengths
   * they were computed at: two divisions per posting fewer, recomputed only
   * after an add or removal changed the averages.
   */
  private headNorm = new Float64Array(0);
  private bodyNorm = new Float64Array(0);
  private normsAt = { slots: 0, avgHead: NaN, avgBody: NaN };

  constructor(private readonly headBoost: number) {}

  get size(): number {
    return this.liveCount;
  }

  add(doc: IndexedDocument, onNewTerm?: (term: string) => void): void {
    if (this.slotOf.has(doc.id)) this.remove(doc.id);
    const slot = this.ids.length;
    this.ids.push(doc.id);
    this.slotOf.set(doc.id, slot);
    this.headLen.push(doc.head.length);
    this.bodyLen.push(doc.body.length);
    this.alive.push(true);
    this.liveCount++;
    this.headTotal += doc.head.length;
    this.bodyTotal += doc.body.length;
    // Head and body counts packed in one number (head * 2^16 + body): no
    // per-term tuple to allocate, which matters when 10k articles are indexed at start.
    const tf = new Map<string, number>();
    for (const t of doc.head) tf.set(t, (tf.get(t) ?? 0) + HEAD_UNIT);
    for (const t of doc.body) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, packed] of tf) {
      const h = Math.floor(packed / HEAD_UNIT);
      const b = packed % HEAD_UNIT;
      let p = this.postings.get(term);
      if (!p) {
        p = { docs: [], head: [], body: [] };
        this.postings.set(term, p);
        onNewTerm?.(term);
      }
      p.docs.push(slot);
      p.head.push(h);
      p.body.push(b);
    }
  }

  /** Tombstones the document; its postings are skipped until the next start rebuilds the index. */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.alive[slot] = false;
    this.liveCount--;
    this.headTotal -= this.headLen[slot]!;
    this.bodyTotal -= this.bodyLen[slot]!;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** Slots taken so far: each add takes the next one, and a removed or replaced document keeps its (dead) slot. */
  get slotCount(): number {
    return this.ids.length;
  }

  /** The document that took a slot (it may have been removed or replaced since). */
  idOf(slot: number): string {
    return this.ids[slot]!;
  }

  /**
   * BM25F scores for weighted terms, for the documents that match, as parallel
   * arrays of slots and scores (views valid until the next call), with the best
   * score. `floorSlots` (optional) are documents that count as matches whatever
   * their words (dead slots among them are skipped): they get at least
   * `floorShare` (> 0) of the best score.
   */
  score(terms: ReadonlyMap<string, number>, floorSlots: readonly ArrayLike<number>[] = [], floorShare = 0): { slots: Int32Array; scores: Float64Array; top: number } {
    const n = this.ids.length;
    if (this.acc.length < n) {
      const size = Math.max(n, this.acc.length * 2);
      this.acc = new Float64Array(size);
      this.touched = new Int32Array(size);
      this.scored = new Float64Array(size);
    }
    const avgHead = this.headTotal / Math.max(1, this.liveCount) || 1;
    const avgBody = this.bodyTotal / Math.max(1, this.liveCount) || 1;
    this.updateNorms(avgHead, avgBody);
    const { acc, touched, alive, headNorm, bodyNorm, headBoost } = this;
    let count = 0;
    for (const [term, weight] of terms) {
      const p = this.postings.get(term);
      if (!p || weight <= 0) continue;
      const { docs, head, body } = p;
      const df = docs.length;
      const idf = Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
      const w = weight * idf;
      for (let i = 0; i < df; i++) {
        const d = docs[i]!;
        if (!alive[d]) continue;
        // A body-only posting: adding its zero head share would change nothing.
        const h = head[i]!;
        const bodyTf = body[i]! / bodyNorm[d]!;
        const tf = h === 0 ? bodyTf : (headBoost * h) / headNorm[d]! + bodyTf;
        if (acc[d] === 0) touched[count++] = d;
        acc[d]! += (w * tf * (K1 + 1)) / (tf + K1);
      }
    }
    if (floorSlots.length > 0) count = this.raiseToFloor(count, floorSlots, floorShare);
    const scores = this.scored;
    let top = count > 0 ? -Infinity : 0;
    for (let i = 0; i < count; i++) {
      const d = touched[i]!;
      const v = acc[d]!;
      scores[i] = v;
      if (v > top) top = v;
      acc[d] = 0;
    }
    return { slots: touched.subarray(0, count), scores: scores.subarray(0, count), top };
  }

  private updateNorms(avgHead: number, avgBody: number): void {
    const n = this.ids.length;
    const at = this.normsAt;
    const same = at.avgHead === avgHead && at.avgBody === avgBody;
    if (same && at.slots === n) return;
    if (this.headNorm.length < n) {
      const size = Math.max(n, this.headNorm.length * 2);
      this.headNorm = new Float64Array(size);
      this.bodyNorm = new Float64Array(size);
    }
    for (let d = same ? at.slots : 0; d < n; d++) {
      this.headNorm[d] = 1 - B + (B * this.headLen[d]!) / avgHead;
      this.bodyNorm[d] = 1 - B + (B * this.bodyLen[d]!) / avgBody;
    }
    this.normsAt = { slots: n, avgHead, avgBody };
  }

  /** Raises the floor documents to `share` of the best score so far; returns the new count of touched slots. */
  private raiseToFloor(count: number, floorSlots: readonly ArrayLike<number>[], share: number): number {
    const { acc, touched, alive } = this;
    let top = 0;
    for (let i = 0; i < count; i++) if (acc[touched[i]!]! > top) top = acc[touched[i]!]!;
    const floor = top > 0 ? top * share : 1;
    // A zero floor would list a document once per list it is in.
    if (!(floor > 0)) return count;
    for (const list of floorSlots) {
      for (let i = 0; i < list.length; i++) {
        const d = list[i]!;
        if (!alive[d]) continue;
        if (acc[d] === 0) touched[count++] = d;
        if (acc[d]! < floor) acc[d] = floor;
      }
    }
    return count;
  }

  *liveIds(): Generator<string> {
    for (let d = 0; d < this.ids.length; d++) if (this.alive[d]) yield this.ids[d]!;
  }
}
