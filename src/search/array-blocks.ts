// A long typed array filled a block at a time. Allocating ~10 million entries
// at once (the snapshot writer's copy of the search postings at 100,000
// articles) made V8 stop for a full collection of the heap in that one step
// (~0.6 s measured under load): blocks of a million entries come as the fill
// goes, between the writer's slices.

const BLOCK = 2 ** 20;

type Typed = Uint32Array | Uint16Array | Float64Array;

export class ArrayBlocks<A extends Typed> {
  private readonly full: A[] = [];
  private block: A;
  private filled = 0;

  constructor(private readonly make: (n: number) => A) {
    this.block = make(BLOCK);
  }

  push(v: number): void {
    if (this.filled === this.block.length) {
      this.full.push(this.block);
      this.block = this.make(BLOCK);
      this.filled = 0;
    }
    this.block[this.filled++] = v;
  }

  /** The blocks in order, the last cut to what was filled. */
  parts(): A[] {
    return [...this.full, this.block.subarray(0, this.filled) as A];
  }
}
