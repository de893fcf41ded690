// Pairs of numbers appended to two parallel u32 arrays: the terms (id, packed
// counts) of a first open's articles as each is read from its text.

/** Two parallel u32 arrays appended to, grown by half when full (the index copies them out, so the slack is short-lived). */
export class GrowingPairs {
  private idArray: Uint32Array;
  private valueArray: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    this.idArray = new Uint32Array(Math.max(16, capacity));
    this.valueArray = new Uint32Array(Math.max(16, capacity));
  }

  push(id: number, value: number): void {
    if (this.length === this.idArray.length) {
      const size = Math.ceil(this.length * 1.5);
      const ids = new Uint32Array(size);
      const values = new Uint32Array(size);
      ids.set(this.idArray);
      values.set(this.valueArray);
      this.idArray = ids;
      this.valueArray = values;
    }
    this.idArray[this.length] = id;
    this.valueArray[this.length++] = value;
  }

  ids(): Uint32Array {
    return this.idArray.subarray(0, this.length);
  }

  values(): Uint32Array {
    return this.valueArray.subarray(0, this.length);
  }
}
