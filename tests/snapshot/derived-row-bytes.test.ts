// One derived-data row as bytes (the PostgreSQL store's article_derived.data): rows
// come back through the assembler exactly as they went in, in the snapshot's form,
// sharing one vocabulary; bytes that do not decode cleanly are refused whole.
import { describe, expect, it } from 'vitest';
import { DerivedRowsAssembler, encodeDerivedRow } from '../../src/snapshot/derived-row-bytes.js';
import { rowAt, SNAPSHOT_VERSION, type DerivedRow } from '../../src/snapshot/snapshot-file.js';
import { epochDay } from '../../src/stories/story-signals.js';

function row(terms: string[], keys: string[], extra: Partial<DerivedRow['signals']> = {}): DerivedRow {
  const date = extra.date ?? null;
  return {
    prepared: { counts: { terms, packed: terms.map((_, i) => (i + 1) * 65_537), headLen: terms.length, bodyLen: 3 * terms.length }, inScope: terms.length % 2 === 0 },
    signals: { keys, weights: keys.map((_, i) => 0.5 + i), date, day: epochDay(date), series: extra.series ?? [] },
  };
}

const ROWS: DerivedRow[] = [
  row(['kendaraan', 'listrik', 'mobil', 'tōkyō', '東京'], ['w:saito', 'c:hydrogen', 'l:tokyo'], { date: { year: 2026, month: 11, day: 3 } }),
  row(['mobil', 'baterai', 'listrik', 'ümlaut'], ['c:hydrogen', 'n:11200000000000'], { series: [{ ordinal: 2, words: new Set(['ijepa', 'forum']) }] }),
  row([], []),
  row(['tōkyō'], [], { date: { year: null, month: 4, day: 30 } }),
];
const who = (i: number) => ({ id: `a${i}`, fingerprint: `fp${i}`, stamp: 4_000_000_000 + i });

describe('derived rows as bytes', () => {
  it('come back through the assembler as they went in, with one shared vocabulary', () => {
    const assembler = new DerivedRowsAssembler();
    // Every other row at an odd offset, as a row may lie in a larger buffer (read value by value, not as a typed view).
    const at = (bytes: Buffer, i: number) => (i % 2 === 0 ? bytes : Buffer.concat([Buffer.alloc(1), bytes]).subarray(1));
    ROWS.forEach((r, i) => expect(assembler.add(who(i), at(encodeDerivedRow(r)!, i))).toBe(true));
    const s = assembler.finish('inputs-hash');
    expect(s).toMatchObject({ version: SNAPSHOT_VERSION, inputs: 'inputs-hash', ids: ['a0', 'a1', 'a2', 'a3'], fingerprints: ['fp0', 'fp1', 'fp2', 'fp3'] });
    expect([...s.stamps]).toEqual([0, 1, 2, 3].map((i) => who(i).stamp));
    ROWS.forEach((r, i) => expect(rowAt(s, i)).toEqual(r));
    expect(s.terms).toEqual(['kendaraan', 'listrik', 'mobil', 'tōkyō', '東京', 'baterai', 'ümlaut']);
    expect(s.signalKeys).toEqual(['w:saito', 'c:hydrogen', 'l:tokyo', 'n:11200000000000']);
  });

  it('a vocabulary of thousands of words keeps every word apart', () => {
    const assembler = new DerivedRowsAssembler();
    const rows = Array.from({ length: 300 }, (_, i) => row(Array.from({ length: 40 }, (_, k) => `w${(i * 37 + k * 101) % 5_000}`), [`k:${i % 17}`]));
    rows.forEach((r, i) => assembler.add(who(i), encodeDerivedRow(r)!));
    const s = assembler.finish('x');
    rows.forEach((r, i) => expect(rowAt(s, i)).toEqual(r));
    expect(new Set(s.terms).size).toBe(s.terms.length);
  });

  it('bytes that do not decode cleanly are refused whole', () => {
    const good = encodeDerivedRow(ROWS[0]!)!;
    const cut = good.subarray(0, good.length - 2);
    const otherFormat = Buffer.from(good);
    otherFormat.writeUInt32LE(99, 0);
    const separatorLost = Buffer.from(good);
    separatorLost[separatorLost.indexOf(0, 32 + 3 * 8 + 5 * 4)] = 0x78;
    const extraDamaged = Buffer.from(good);
    extraDamaged[extraDamaged.length - 1] = 0x7b;
    const assembler = new DerivedRowsAssembler();
    for (const bad of [cut, otherFormat, separatorLost, extraDamaged, Buffer.alloc(8)]) expect(assembler.add(who(0), bad)).toBe(false);
    expect(assembler.rows).toBe(0);
    expect(assembler.add(who(1), good)).toBe(true);
    expect(rowAt(assembler.finish('x'), 0)).toEqual(ROWS[0]);
  });

  it('a word holding the separator is not encoded (that article is read from its text)', () => {
    expect(encodeDerivedRow(row(['a\u0000b'], []))).toBeNull();
  });
});
