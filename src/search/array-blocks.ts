// A long typed array filled a block at a time, and written one block after
// another as that one array (the snapshot writer's copy of the search postings
// and story signals: ~10 million entries at 100,000 articles). Allocating it
// at once made V8 stop for a full collection in that one step (~0.6 s
// measured under load). Blocks are small (SMALL_BUFFER_BYTES): blocks of a
// million entries (4-8 MB) raised glibc's mmap threshold when freed, after
// which the next write's blocks stayed resident (src/malloc-threshold.ts).
import { SMALL_BUFFER_BYTES } from '../malloc-threshold.js';

type Typed = Uint32Array | Uint16Array | Float64Array;

export class ArrayBlocks<A extends Typed> {
  private readonly full: A[] = [];
  private readonly blockLength: number;
  private block: A;
  private filled = 0;

  constructor(private readonly make: (n: number) => A) {
    this.block = make(0);
    this.blockLength = SMALL_BUFFER_BYTES / this.block.BYTES_PER_ELEMENT;
  }

  push(v: number): void {
    if (this.filled === this.block.length) {
      if (this.filled > 0) this.full.push(this.block);
      this.block = this.make(this.blockLength);
      this.filled = 0;
    }
    this.block[this.filled++] = v;
  }

  /** The blocks in order, the last cut to what was filled. */
  parts(): A[] {
    return [...this.full, this.block.subarray(0, this.filled) as A];
  }
}
