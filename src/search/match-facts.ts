// What a look-up needs to know about every match, kept per index slot in typed
// arrays: its story (to count the stories a look-up found), whether it lies in
// the briefing's field, and the briefs it is tagged with. A look-up that
// matches most of 100,000 articles then counts and filters them without one
// string look-up per match. Index slots are only ever appended (a removed or
// replaced document keeps its dead slot, which no look-up returns), so each
// slot's facts are read once, by the first look-up after its add.

/** The index whose slots the facts follow. */
export interface Slots {
  readonly slotCount: number;
  idOf(slot: number): string;
}

/** What the facts are read from: undefined for a document no longer stored. */
export type DescribeDocument = (id: string) => { storyId: string; topics: readonly string[]; outOfScope: boolean } | undefined;

const NO_STORY = -1;

export class MatchFacts {
  private known = 0;
  /** Per slot: the story's number (NO_STORY when the document was gone), and 1 when outside the field. */
  private story = new Int32Array(0);
  private outside = new Uint8Array(0);
  private readonly storyNumbers = new Map<string, number>();
  /** Brief id -> slots tagged with it, ascending. */
  private readonly tagged = new Map<string, number[]>();
  /** Per story number: the count that last saw it (counts reuse one array instead of building sets). */
  private seenIn = new Uint32Array(0);
  private counts = 0;

  constructor(
    private readonly slots: Slots,
    private readonly describe: DescribeDocument,
  ) {}

  /** Reads the facts of the slots added since the last call. */
  sync(): void {
    const n = this.slots.slotCount;
    if (n <= this.known) return;
    if (this.story.length < n) {
      const size = Math.max(n, this.story.length * 2);
      this.story = grown(this.story, new Int32Array(size));
      this.outside = grown(this.outside, new Uint8Array(size));
    }
    for (let slot = this.known; slot < n; slot++) {
      const doc = this.describe(this.slots.idOf(slot));
      this.story[slot] = doc ? this.numberOf(doc.storyId) : NO_STORY;
      this.outside[slot] = doc?.outOfScope ? 1 : 0;
      for (const t of doc?.topics ?? []) (this.tagged.get(t) ?? this.tagged.set(t, []).get(t)!).push(slot);
    }
    this.known = n;
  }

  /** Whether the document in `slot` lies outside the briefing's field. */
  isOutside(slot: number): boolean {
    return this.outside[slot] === 1;
  }

  /** Per brief, the slots tagged with it (dead ones included: the index skips them). */
  taggedWith(briefIds: readonly string[]): number[][] {
    const out: number[][] = [];
    for (const b of briefIds) {
      const list = this.tagged.get(b);
      if (list) out.push(list);
    }
    return out;
  }

  /**
   * How many stories the `ranked` slots and the `slots` scoring at least
   * `share` of `top` make together (the two parallel arrays as the index
   * returned them); with `hideOutside`, documents outside the field count for none.
   */
  countStories(ranked: readonly number[], slots: Int32Array, scores: Float64Array, top: number, share: number, hideOutside: boolean): number {
    if (++this.counts === 0xffffffff) {
      this.seenIn.fill(0);
      this.counts = 1;
    }
    const { story, outside, seenIn, counts } = this;
    let found = 0;
    const count = (slot: number) => {
      const s = story[slot]!;
      if (s === NO_STORY || seenIn[s] === counts) return;
      seenIn[s] = counts;
      found++;
    };
    for (const slot of ranked) count(slot);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (scores[i]! / top >= share && !(hideOutside && outside[slot] === 1)) count(slot);
    }
    return found;
  }

  private numberOf(storyId: string): number {
    let s = this.storyNumbers.get(storyId);
    if (s === undefined) {
      s = this.storyNumbers.size;
      this.storyNumbers.set(storyId, s);
      if (this.seenIn.length <= s) this.seenIn = grown(this.seenIn, new Uint32Array(Math.max(1024, this.seenIn.length * 2)));
    }
    return s;
  }
}

function grown<T extends Int32Array | Uint8Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
