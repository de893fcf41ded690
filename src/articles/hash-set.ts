// A set of unsigned 32-bit shingle hashes (the near-duplicate check's set-aside keys),
// in one open-addressing table. Each add's look-up and filing ask it a few
// hundred times whether a hash is set aside; most hashes are above 2^30, which
// a JS Set holds as heap numbers, each compared through a pointer (~280 ns a
// question in a profile of adds at 100,000 articles; the look-up and filing
// went from 8.3% to 2.3% of it with this and slot numbers, decision 039).
// Hashes are only ever added (a key set aside stays so); they list in the order they came.
import { mixedSlot } from '../mixed-slot.js';

export class HashSet32 {
  /** Hashes by slot, 0 for an empty slot (0 itself is kept apart, in `hasZero`). */
  private table = new Uint32Array(1024);
  private hasZero = false;
  /** Every hash, in the order added. */
  private readonly order: number[] = [];

  get size(): number {
    return this.order.length;
  }

  has(hash: number): boolean {
    if (hash === 0) return this.hasZero;
    const table = this.table;
    const mask = table.length - 1;
    for (let i = mixedSlot(hash, mask); ; i = (i + 1) & mask) {
      const held = table[i]!;
      if (held === hash) return true;
      if (held === 0) return false;
    }
  }

  add(hash: number): void {
    if (this.has(hash)) return;
    if (hash === 0) this.hasZero = true;
    else {
      if ((this.order.length + 1) * 2 > this.table.length) this.grow();
      place(this.table, hash);
    }
    this.order.push(hash);
  }

  /** The hashes in the order they were added. */
  values(): readonly number[] {
    return this.order;
  }

  private grow(): void {
    const table = new Uint32Array(this.table.length * 2);
    for (const hash of this.order) if (hash !== 0) place(table, hash);
    this.table = table;
  }
}

function place(table: Uint32Array, hash: number): void {
  const mask = table.length - 1;
  let i = mixedSlot(hash, mask);
  while (table[i] !== 0) i = (i + 1) & mask;
  table[i] = hash;
}
