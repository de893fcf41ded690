import { afterEach, describe, expect, it } from 'vitest';
import { factPresent } from '../../scripts/eval/key-facts.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLabels } from '../../scripts/eval/labels-file.js';
import { hardNegativesShown, pairwiseScores, precisionAtK, recallAtK, reciprocalRank } from '../../scripts/eval/ranking.js';
import { lcsLength, rouge } from '../../scripts/eval/rouge.js';

describe('rouge', () => {
  it('scores hand-made examples', () => {
    // candidate "the cat sat on the mat" vs reference "the cat is on the mat":
    // unigram overlap 5 of 6 each way; bigrams overlap 3 of 5 (the cat, on the, the mat); LCS 5.
    const s = rouge('the cat sat on the mat', 'the cat is on the mat');
    expect(s.rouge1).toBeCloseTo(5 / 6, 5);
    expect(s.rouge2).toBeCloseTo(3 / 5, 5);
    expect(s.rougeL).toBeCloseTo(5 / 6, 5);
  });

  it('is 1 for identical texts and 0 for disjoint ones', () => {
    expect(rouge('Harga naik 5 persen', 'harga naik 5 persen').rougeL).toBe(1);
    expect(rouge('alpha beta', 'gamma delta')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });

  it('computes the longest common subsequence', () => {
    expect(lcsLength(['a', 'b', 'c', 'd'], ['b', 'd', 'a'])).toBe(2);
  });
});

describe('factPresent', () => {
  it('matches case-insensitively and across number and date formats', () => {
    expect(factPresent('Ken Saito', 'met KEN SAITO')).toBe(true);
    expect(factPresent('1.000', '99 cars per 1,000 people')).toBe(true);
    expect(factPresent('21/6', 'on June 21, 2024')).toBe(true);
    expect(factPresent('June 21, 2024', 'pada 21 Juni 2024')).toBe(true);
    expect(factPresent('24/7/2023', '2023-07-24')).toBe(true);
    expect(factPresent('24/7/2023', '24 Juli 2022')).toBe(false);
    expect(factPresent('METI', 'JICA')).toBe(false);
  });
});

describe('ranking metrics', () => {
  it('computes recall@k and reciprocal rank over cards that cover several articles', () => {
    const ranked = [['x'], ['a', 'b'], ['c']];
    expect(recallAtK(ranked, ['a', 'b'], 5)).toBe(1);
    expect(recallAtK(ranked, ['a', 'c'], 2)).toBe(0.5);
    expect(reciprocalRank(ranked, ['b'])).toBe(0.5);
    expect(reciprocalRank(ranked, ['z'])).toBe(0);
  });

  it('scores a query with nothing to find by whether it answers with no card', () => {
    expect(recallAtK([], [], 5)).toBe(1);
    expect(reciprocalRank([], [])).toBe(1);
    expect(recallAtK([['x'], ['y']], [], 5)).toBe(0);
    expect(reciprocalRank([['x']], [])).toBe(0);
  });

  it('computes precision@k over the distinct articles on the cards, partial answers counting as good', () => {
    // Top 2 cards show a, b (reported with a), x and y: a and b relevant, y partial, x not.
    const ranked = [['a', 'b'], ['x', 'y'], ['c']];
    expect(precisionAtK(ranked, ['a', 'b', 'c'], ['y'], 2)).toBeCloseTo(3 / 4);
    expect(precisionAtK(ranked, ['a', 'b', 'c'], [], 5)).toBeCloseTo(3 / 5);
    expect(precisionAtK([['a'], ['a', 'b']], ['a'], [], 5)).toBeCloseTo(1 / 2);
    expect(precisionAtK([], [], [], 5)).toBe(1);
    expect(precisionAtK([], ['a'], [], 5)).toBe(0);
  });

  it('lists the hard negatives on the first k cards once each, also-reported-by included', () => {
    const ranked = [['a', 'n1'], ['b'], ['n1'], ['c'], ['d'], ['n2']];
    expect(hardNegativesShown(ranked, ['n1', 'n2', 'n3'], 5)).toEqual(['n1']);
    expect(hardNegativesShown(ranked, ['n2'], 6)).toEqual(['n2']);
    expect(hardNegativesShown(ranked, [], 5)).toEqual([]);
  });

  it('computes pairwise story precision, recall and F1', () => {
    const gold = [['a', 'b'], ['c'], ['d']];
    expect(pairwiseScores(gold, gold)).toEqual({ precision: 1, recall: 1, f1: 1 });
    const merged = pairwiseScores([['a', 'b', 'c'], ['d']], gold);
    expect(merged.precision).toBeCloseTo(1 / 3);
    expect(merged.recall).toBe(1);
    expect(pairwiseScores([['a'], ['b'], ['c'], ['d']], gold).recall).toBe(0);
  });
});

describe('readLabels', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads hard negatives and partial answers per query, both optional', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ringkas-labels-'));
    const file = path.join(dir, 'labels.json');
    writeFileSync(file, JSON.stringify({
      articles: { 'a.txt': {} },
      queries: { hydrogen: ['a.txt'], nothing: [] },
      hard_negatives: { hydrogen: ['b.txt'] },
      partial: { hydrogen: ['c.txt'] },
    }));
    const labels = readLabels(file);
    expect(labels.hard_negatives).toEqual({ hydrogen: ['b.txt'] });
    expect(labels.partial).toEqual({ hydrogen: ['c.txt'] });
    writeFileSync(file, JSON.stringify({ articles: {} }));
    expect(readLabels(file)).toMatchObject({ hard_negatives: {}, partial: {} });
  });
});
