import { describe, expect, it } from 'vitest';
import { buildSpace, centroid, cosine, cosineWithRest, type Vector } from '../../src/summarize/term-vectors.js';

function minus(a: Vector, b: Vector): Vector {
  const weights = new Map(a.weights);
  for (const [t, w] of b.weights) weights.set(t, (weights.get(t) ?? 0) - w);
  let sq = 0;
  for (const w of weights.values()) sq += w * w;
  return { weights, norm: Math.sqrt(sq) };
}

const SENTENCES = [
  'Kemenperin dan JICA membahas standardisasi baterai sepeda motor listrik.',
  'Survei permintaan sepeda motor listrik dan layanan penukaran baterai dimulai tahun ini.',
  'Cuaca di Jakarta cerah sepanjang hari.',
  'Proyek percontohan baterai melibatkan 12 produsen.',
];

describe('term vectors', () => {
  it('scores a sentence against the rest of the article exactly as cosine with the centroid minus itself', () => {
    const space = buildSpace(SENTENCES, 'id', { stem: true });
    const whole = centroid(space.vectors);
    for (const v of space.vectors) {
      expect(cosineWithRest(v, whole)).toBeCloseTo(cosine(v, minus(whole, v)), 10);
    }
    // The off-topic sentence is the least central.
    const central = space.vectors.map((v) => cosineWithRest(v, whole));
    expect(Math.min(...central)).toBe(central[2]);
  });

  it('gives 0, not a division by rounding noise, for a one-sentence article', () => {
    const space = buildSpace([SENTENCES[0]!], 'id', { stem: true });
    expect(cosineWithRest(space.vectors[0]!, centroid(space.vectors))).toBe(0);
  });

  it('keeps norms consistent with the weights', () => {
    const space = buildSpace(SENTENCES, 'id', { stem: false });
    for (const v of space.vectors) {
      const sq = [...v.weights.values()].reduce((s, w) => s + w * w, 0);
      expect(v.norm).toBeCloseTo(Math.sqrt(sq), 12);
      expect(cosine(v, v)).toBeCloseTo(1, 12);
    }
  });
});
