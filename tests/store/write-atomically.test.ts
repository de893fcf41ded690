// writeAtomically (src/store/write-atomically.ts): pieces handed over as a list
// (written with writev, no joined copy) land in the file in order, the empty
// ones included, exactly as the same bytes handed over one by one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeAtomically } from '../../src/store/write-atomically.js';

const pieces = (seed: number) => Array.from({ length: 1200 }, (_, i) => Buffer.alloc((i * seed) % 5000, (i + seed) % 251));

describe('writeAtomically', () => {
  it('writes lists of pieces in order, as single buffers would be written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ringkas-write-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const listed = path.join(dir, 'listed');
    const single = path.join(dir, 'single');
    const groups = [pieces(7), [Buffer.alloc(0)], pieces(13), []];
    await writeAtomically(listed, async (put) => {
      for (const g of groups) await put(g);
    });
    await writeAtomically(single, async (put) => {
      for (const g of groups) for (const b of g) await put(b);
    });
    const expected = Buffer.concat(groups.flat());
    expect(expected.length).toBeGreaterThan(4_000_000);
    expect(readFileSync(listed).equals(expected)).toBe(true);
    expect(readFileSync(single).equals(expected)).toBe(true);
  });
});
