// Story signals of indexed reports, packed. Each report's run of (key number,
// weight) lies in blocks shared by many reports, instead of two JS arrays per
// report (a string pointer and a double per signal, plus two array headers:
// ~9 MB at 10,000 articles, ~90 MB at 100,000; decision 038). Blocks are
// SMALL_BUFFER_BYTES each, so they never move glibc's mmap threshold
// (malloc-threshold.ts), and a run never spans two. Weights are float32: every
// signal weight is a half-integer (event-signals.ts), which float32 holds
// exactly; a run with a weight it would round gets exact arrays of its own, so
// answers never depend on the packing.
import { SMALL_BUFFER_BYTES } from '../malloc-threshold.js';
import type { EventDate, SeriesEvent, StoredSignals } from './story-signals.js';

/** Signals per block: 64 KB of key numbers, 64 KB of weights. */
const BLOCK = SMALL_BUFFER_BYTES / 4;

/** One indexed report's signals: its run `from`..`to` in `ids` (keys numbered in `names`) and `weights`. */
export interface PackedSignals {
  readonly names: readonly string[];
  readonly ids: Uint32Array;
  readonly weights: Float32Array | Float64Array;
  readonly from: number;
  readonly to: number;
  readonly date: EventDate | null;
  readonly day: number | null;
  readonly series: readonly SeriesEvent[];
}

/** Shared by every report naming no series edition (most of them). */
const NO_SERIES: readonly SeriesEvent[] = Object.freeze([]);

export class SignalBlocks {
  private ids = new Uint32Array(BLOCK);
  private weights = new Float32Array(BLOCK);
  private used = 0;

  /** `names` is the key table `numberOf` numbers keys in (it only grows). */
  constructor(
    private readonly names: readonly string[],
    private readonly numberOf: (key: string) => number,
  ) {}

  /** Packs a report's signals (keys numbered, or by `nums` when given; weights copied); the arrays given are not kept. */
  pack(s: StoredSignals, nums?: readonly number[]): PackedSignals {
    const n = s.keys.length;
    const exact = s.weights.every((w) => Math.fround(w) === w);
    let ids: Uint32Array;
    let weights: Float32Array | Float64Array;
    let from = 0;
    if (!exact || n > BLOCK) {
      ids = new Uint32Array(n);
      weights = exact ? new Float32Array(n) : new Float64Array(n);
    } else {
      if (this.used + n > BLOCK) {
        this.ids = new Uint32Array(BLOCK);
        this.weights = new Float32Array(BLOCK);
        this.used = 0;
      }
      ids = this.ids;
      weights = this.weights;
      from = this.used;
      this.used += n;
    }
    for (let k = 0; k < n; k++) {
      ids[from + k] = nums ? nums[k]! : this.numberOf(s.keys[k]!);
      weights[from + k] = s.weights[k]!;
    }
    const series = s.series.length === 0 ? NO_SERIES : s.series;
    return { names: this.names, ids, weights, from, to: from + n, date: s.date, day: s.day, series };
  }
}

/** A packed report's signals as arrays again (for a reader that wants them, e.g. the shared rows). */
export function unpack(p: PackedSignals): StoredSignals {
  const keys: string[] = [];
  const weights: number[] = [];
  for (let k = p.from; k < p.to; k++) {
    keys.push(p.names[p.ids[k]!]!);
    weights.push(p.weights[k]!);
  }
  return { keys, weights, date: p.date, day: p.day, series: [...p.series] };
}

/** Calls `each` with every (key, weight) of a report's signals, in order, packed or not. */
export function eachSignal(s: StoredSignals | PackedSignals, each: (key: string, weight: number) => void): void {
  if ('keys' in s) {
    for (let k = 0; k < s.keys.length; k++) each(s.keys[k]!, s.weights[k]!);
    return;
  }
  for (let k = s.from; k < s.to; k++) each(s.names[s.ids[k]!]!, s.weights[k]!);
}
