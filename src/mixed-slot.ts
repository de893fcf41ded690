// Where an open-addressing table of 32-bit integers (a power of two of slots)
// looks first for a value: its bits mixed, so that values alike in some bits
// (shingle hashes, entry numbers added together) still spread over the table.
// Shared by the near-duplicate check's hash set and the story candidates' counts.

/** A value's first slot in a table of `mask + 1` slots. */
export function mixedSlot(value: number, mask: number): number {
  const mixed = Math.imul(value ^ (value >>> 16), 0x9e3779b1);
  return (mixed ^ (mixed >>> 15)) & mask;
}
