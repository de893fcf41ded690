// A long typed array filled a value at a time, and written as that one array
// (the snapshot writer's copy of the search postings and story signals: ~2
// million entries at 10,000 articles, ~10 million at 100,000). It lives in
// resizable ArrayBuffers (releasable-memory.ts): address space reserved up front, pages committed as
// it grows (a step at a time, so no one large allocation stops V8 for a full
// collection, ~0.6 s measured under load) and given back by `release` the
// moment the copy has been written. Freed only by the garbage collector,
// the copy (17 MB at 10,000 articles) stayed resident in an idle instance
// until something else made V8 collect (decision 038); blocks of malloc'd
// memory also kept glibc's heap from shrinking (src/malloc-threshold.ts).
// None of this memory comes from malloc.

import { releasableArrayBuffer } from '../releasable-memory.js';

type Typed = Uint32Array | Uint16Array | Float64Array;
type TypedConstructor<A extends Typed> = new (buffer: ArrayBuffer, byteOffset: number, length: number) => A;

/** Address space reserved per segment (never resident unless filled), and the step its pages are committed in. */
const SEGMENT_BYTES = 256 * 2 ** 20;
const GROW_BYTES = 2 ** 20;

export class ArrayBlocks<A extends Typed> {
  private readonly full: A[] = [];
  private readonly Typed: TypedConstructor<A>;
  private readonly segmentLength: number;
  private buffer: ReturnType<typeof releasableArrayBuffer> | null = null;
  private view: A;
  private filled = 0;

  /** `make(n)` names the kind of array (called once, with 0). */
  constructor(make: (n: number) => A) {
    const sample = make(0);
    this.Typed = sample.constructor as TypedConstructor<A>;
    this.segmentLength = SEGMENT_BYTES / sample.BYTES_PER_ELEMENT;
    this.view = sample;
  }

  push(v: number): void {
    if (this.filled === this.view.length) this.grow();
    this.view[this.filled++] = v;
  }

  /** Commits the next step of the segment, or starts a new segment when this one is full. */
  private grow(): void {
    const size = this.view.BYTES_PER_ELEMENT;
    if (this.buffer === null || this.filled === this.segmentLength) {
      if (this.buffer !== null) this.full.push(new this.Typed(this.buffer, 0, this.filled));
      this.buffer = releasableArrayBuffer(0, SEGMENT_BYTES);
      this.filled = 0;
    }
    this.buffer.resize(Math.min(SEGMENT_BYTES, this.buffer.byteLength + GROW_BYTES));
    this.view = new this.Typed(this.buffer, 0, this.buffer.byteLength / size);
  }

  /** The segments in order, the last cut to what was filled. Their memory is given back with `release(part.buffer)` (releasable-memory.ts). */
  parts(): A[] {
    return this.buffer === null ? [this.view.subarray(0, 0) as A] : [...this.full, new this.Typed(this.buffer, 0, this.filled)];
  }
}
