// Growing (src/snapshot/derived-row-bytes.ts): the typed array a first open
// numbers each article's search terms into as it reads them (decision 037).
// Values pushed far past the first capacity come back in order, and done()
// holds them and nothing beyond.
import { describe, expect, it } from 'vitest';
import { Growing } from '../../src/snapshot/derived-row-bytes.js';

describe('Growing', () => {
  it('keeps every value in order across growths', () => {
    const values = new Growing(new Uint32Array(0));
    const n = 10_000;
    for (let i = 0; i < n; i++) values.push((i * 2654435761) >>> 0);
    const done = values.done();
    expect(values.length).toBe(n);
    expect(done.length).toBe(n);
    for (let i = 0; i < n; i++) expect(done[i]).toBe((i * 2654435761) >>> 0);
  });

  it('appends aligned and unaligned runs of little-endian bytes alike', () => {
    const bytes = Buffer.alloc(4 * 9);
    for (let j = 0; j < 8; j++) bytes.writeUInt32LE(1000 + j, 4 + j * 4);
    const shifted = Buffer.concat([Buffer.alloc(1), bytes]);
    const aligned = new Growing(new Uint32Array(0));
    const unaligned = new Growing(new Uint32Array(0));
    aligned.append(bytes, 4, 8, (at) => bytes.readUInt32LE(at));
    unaligned.append(shifted, 5, 8, (at) => shifted.readUInt32LE(at));
    expect([...aligned.done()]).toEqual([...unaligned.done()]);
    expect([...aligned.done()]).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007]);
  });

  it('gives done() an array of its own and view() the same values without a copy', () => {
    const values = new Growing(new Uint32Array(0));
    for (let i = 0; i < 100; i++) values.push(i);
    const done = values.done();
    const view = values.view();
    expect([...view]).toEqual([...done]);
    // done() holds exactly the values in a buffer of its own; view() shares the growing buffer, spare room included.
    expect(done.buffer.byteLength).toBe(100 * 4);
    expect(view.buffer.byteLength).toBeGreaterThan(100 * 4);
    done[0] = 7;
    expect(values.at(0)).toBe(0);
    view[0] = 9;
    expect(values.at(0)).toBe(9);
  });
});
