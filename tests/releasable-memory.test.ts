import { describe, expect, it } from 'vitest';
import { isReleasable, release, releasableBuffer } from '../src/releasable-memory.js';

describe('releasable memory', () => {
  it('holds bytes like any buffer until released, then reads as empty', () => {
    const b = releasableBuffer(1000);
    b.fill(7);
    const view = new Uint32Array(b.buffer, 0, 250);
    expect(view[249]).toBe(0x07070707);
    expect(isReleasable(b.buffer)).toBe(true);
    release(b.buffer);
    expect(b.buffer.byteLength).toBe(0);
    expect(view.length).toBe(0);
    expect(view[0]).toBeUndefined();
  });

  it('leaves other buffers alone', () => {
    const b = Buffer.alloc(16, 1);
    expect(isReleasable(b.buffer)).toBe(false);
    release(b.buffer);
    expect(b[15]).toBe(1);
  });
});
