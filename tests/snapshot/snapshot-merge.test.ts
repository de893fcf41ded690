// A stored snapshot brought up to date with rows of articles added since it was
// written: every row, old and new, comes back as it went in, new words extend
// the vocabularies, and each term's postings stay in ascending row order.
import { describe, expect, it } from 'vitest';
import { DerivedRowsAssembler, encodeDerivedRow } from '../../src/snapshot/derived-row-bytes.js';
import { postingsForm, rowAt, rowsForm, type DerivedRow } from '../../src/snapshot/snapshot-file.js';
import { appendRows } from '../../src/snapshot/snapshot-merge.js';
import { epochDay } from '../../src/stories/story-signals.js';

function row(i: number): DerivedRow {
  const terms = Array.from({ length: 3 + (i % 5) }, (_, k) => `w${(i * 7 + k * 13) % 40}`);
  const keys = Array.from({ length: i % 4 }, (_, k) => `k:${(i + k * 3) % 11}`);
  const date = i % 3 === 0 ? { year: 2026, month: 1 + (i % 12), day: 1 + (i % 28) } : null;
  return {
    prepared: { counts: { terms, packed: terms.map((_, k) => (k + 1) * 65_537 + i), headLen: i, bodyLen: 2 * i }, inScope: i % 2 === 0 },
    signals: { keys, weights: keys.map((_, k) => k + i / 10), date, day: epochDay(date), series: i % 5 === 0 ? [{ ordinal: i, words: new Set([`s${i}`]) }] : [] },
  };
}

function snapshotOf(rows: DerivedRow[], from: number) {
  const a = new DerivedRowsAssembler();
  rows.forEach((r, i) => a.add({ id: `a${from + i}`, fingerprint: `f${from + i}`, stamp: from + i }, encodeDerivedRow(r)!));
  return a.finish('inputs');
}

describe('appending rows to a stored snapshot', () => {
  it('keeps every row as it went in, extends the vocabularies and keeps postings ascending', () => {
    const all = Array.from({ length: 60 }, (_, i) => row(i));
    // The new rows use words the snapshot has never seen, and some it has.
    all.push({ ...row(61), prepared: { ...row(61).prepared, counts: { ...row(61).prepared.counts, terms: ['baru', 'w1', 'w2'], packed: [1, 2, 3] } } });
    const base = postingsForm(snapshotOf(all.slice(0, 45), 0));
    const merged = appendRows(base, postingsForm(snapshotOf(all.slice(45), 45)));
    expect(merged.ids).toEqual(all.map((_, i) => `a${i}`));
    expect([...merged.stamps]).toEqual(all.map((_, i) => i));
    expect(merged.terms.slice(0, base.terms.length)).toEqual(base.terms);
    expect(merged.terms).toContain('baru');
    const rows = rowsForm(merged);
    all.forEach((r, i) => {
      const got = rowAt(rows, i);
      const order = (d: DerivedRow) => d.prepared.counts.terms.map((t, k) => [t, d.prepared.counts.packed[k]]).sort();
      expect(order(got)).toEqual(order(r));
      expect({ ...got.prepared, counts: null }).toEqual({ ...r.prepared, counts: null });
      expect(got.prepared.counts.headLen).toBe(r.prepared.counts.headLen);
      expect(got.signals).toEqual(r.signals);
    });
    for (let t = 0; t < merged.terms.length; t++) {
      const list = [...merged.postingRows.subarray(merged.postingStart[t]!, merged.postingStart[t + 1]!)];
      expect(list).toEqual([...list].sort((x, y) => x - y));
    }
  });

  it('nothing to append gives the snapshot back', () => {
    const base = postingsForm(snapshotOf([row(1), row(2)], 0));
    expect(appendRows(base, postingsForm(new DerivedRowsAssembler().finish('inputs')))).toBe(base);
  });
});
