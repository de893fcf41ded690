// A stored whole-store snapshot brought up to date with the rows of articles added
// since it was written (docs/decisions/029): the rows are appended after the
// snapshot's own (numbered from its end), so every term's postings stay ascending
// and the start can take the postings as they are (derived-indexes.ts loadPosted).
// Vocabularies are extended with the words only the new rows have.
import { FILING_WORDS, NOT_FILED, type SnapshotFile } from './snapshot-file.js';

/** Numbers `extra`'s words in `base`'s vocabulary (extended in place): extra id -> merged id. */
function mergedIds(base: string[], extra: readonly string[]): Uint32Array {
  const idOf = new Map<string, number>();
  for (let i = 0; i < base.length; i++) idOf.set(base[i]!, i);
  const ids = new Uint32Array(extra.length);
  extra.forEach((word, i) => {
    let id = idOf.get(word);
    if (id === undefined) idOf.set(word, (id = base.push(word) - 1));
    ids[i] = id;
  });
  return ids;
}

function concatTyped<A extends Uint32Array | Uint8Array | Float64Array>(a: A, b: A): A {
  const out = new (a.constructor as new (n: number) => A)(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** `base` with `extra`'s rows after its own (both in postings form). */
export function appendRows(base: SnapshotFile, extra: SnapshotFile): SnapshotFile {
  const n = base.ids.length;
  if (extra.ids.length === 0) return base;
  const terms = [...base.terms];
  const termOf = mergedIds(terms, extra.terms);
  const T = terms.length;
  // Postings per merged term: the base's, then the extra rows' (rows renumbered after n).
  const count = new Uint32Array(T);
  for (let t = 0; t + 1 < base.postingStart.length; t++) count[t] = base.postingStart[t + 1]! - base.postingStart[t]!;
  for (let t = 0; t + 1 < extra.postingStart.length; t++) count[termOf[t]!]! += extra.postingStart[t + 1]! - extra.postingStart[t]!;
  const postingStart = new Uint32Array(T + 1);
  for (let t = 0; t < T; t++) postingStart[t + 1] = postingStart[t]! + count[t]!;
  const total = postingStart[T]!;
  const postingRows = new Uint32Array(total);
  const postingHead = new Uint16Array(total);
  const postingBody = new Uint16Array(total);
  // Where each term's next appended posting goes: after its base postings.
  const next = postingStart.slice(0, T);
  const baseTerms = base.postingStart.length - 1;
  for (let t = 0; t < baseTerms; t++) next[t]! += base.postingStart[t + 1]! - base.postingStart[t]!;
  // The base's postings in runs: from one term that gets appended postings to the
  // next, they lie in the same order in both, so each run is one copy (not three
  // per term: a few hundred thousand terms at 100,000 articles).
  const copyRun = (first: number, end: number) => {
    const from = base.postingStart[first]!;
    const to = base.postingStart[end]!;
    if (to === from) return;
    postingRows.set(base.postingRows.subarray(from, to), postingStart[first]!);
    postingHead.set(base.postingHead.subarray(from, to), postingStart[first]!);
    postingBody.set(base.postingBody.subarray(from, to), postingStart[first]!);
  };
  let runStart = 0;
  for (let t = 0; t < baseTerms; t++) {
    if (postingStart[t + 1]! - postingStart[t]! === base.postingStart[t + 1]! - base.postingStart[t]!) continue;
    copyRun(runStart, t + 1);
    runStart = t + 1;
  }
  copyRun(runStart, baseTerms);
  for (let t = 0; t + 1 < extra.postingStart.length; t++) {
    const m = termOf[t]!;
    for (let e = extra.postingStart[t]!; e < extra.postingStart[t + 1]!; e++) {
      const at = next[m]!++;
      postingRows[at] = extra.postingRows[e]! + n;
      postingHead[at] = extra.postingHead[e]!;
      postingBody[at] = extra.postingBody[e]!;
    }
  }
  const signalKeys = [...base.signalKeys];
  const keyOf = mergedIds(signalKeys, extra.signalKeys);
  const signalStart = new Uint32Array(n + extra.ids.length + 1);
  signalStart.set(base.signalStart);
  const offset = base.signalIds.length;
  for (let r = 1; r < extra.signalStart.length; r++) signalStart[n + r] = extra.signalStart[r]! + offset;
  const signalIds = new Uint32Array(offset + extra.signalIds.length);
  signalIds.set(base.signalIds);
  for (let e = 0; e < extra.signalIds.length; e++) signalIds[offset + e] = keyOf[extra.signalIds[e]!]!;
  const series = new Map(base.series);
  for (const [r, editions] of extra.series) series.set(r + n, editions);
  return {
    version: base.version,
    inputs: base.inputs,
    ids: [...base.ids, ...extra.ids],
    fingerprints: [...base.fingerprints, ...extra.fingerprints],
    stamps: concatTyped(base.stamps, extra.stamps),
    terms,
    postingStart,
    postingRows,
    postingHead,
    postingBody,
    headLen: concatTyped(base.headLen, extra.headLen),
    bodyLen: concatTyped(base.bodyLen, extra.bodyLen),
    inScope: concatTyped(base.inScope, extra.inScope),
    signalKeys,
    signalStart,
    signalIds,
    signalWeights: concatTyped(base.signalWeights, extra.signalWeights),
    dates: [...base.dates, ...extra.dates],
    series,
    ...filingOf(base, extra.ids.length),
  };
}

/**
 * The base's near-duplicate filing (decision 033), with the appended rows not
 * filed: the check files those articles from their text, the others from the
 * filing. None when the base has none.
 */
function filingOf(base: SnapshotFile, added: number): Pick<SnapshotFile, 'nearSetAside' | 'nearCount' | 'nearSpares' | 'nearWords'> {
  const { nearSetAside, nearCount, nearSpares, nearWords } = base;
  if (!nearSetAside || !nearCount || !nearSpares || !nearWords || nearCount.length !== base.ids.length || nearCount.length === 0) return {};
  const spares = new Uint8Array(nearSpares.length + added).fill(NOT_FILED);
  spares.set(nearSpares);
  return {
    nearSetAside,
    nearCount: concatTyped(nearCount, new Uint32Array(added)),
    nearSpares: spares,
    nearWords: concatTyped(nearWords, new Uint32Array(added * FILING_WORDS)),
  };
}
