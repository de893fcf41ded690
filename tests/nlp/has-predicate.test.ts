import { describe, expect, it } from 'vitest';
import { hasPredicate } from '../../src/nlp/has-predicate.js';

describe('hasPredicate', () => {
  it('finds Indonesian verbs by affix or as common base verbs', () => {
    expect(hasPredicate('Gubernur Sulawesi Utara meresmikan pelabuhan baru di Bitung.', 'id')).toBe(true);
    expect(hasPredicate('Pabrik itu dibangun dengan dana swasta.', 'id')).toBe(true);
    expect(hasPredicate('Harga gabah di tingkat petani bisa turun pekan depan.', 'id')).toBe(true);
    expect(hasPredicate('Kapasitas kilang tersebut adalah 300 ribu barel.', 'id')).toBe(true);
  });

  it('rejects verbless Indonesian fragments, even with affix-like names and nouns', () => {
    expect(hasPredicate('Forum Pangan Lestari (FPL) di Makassar pada Maret 2022.', 'id')).toBe(false);
    expect(hasPredicate('Menteri Kelautan dan menteri perdagangan di Bali pada Senin (4/3).', 'id')).toBe(false);
    expect(hasPredicate('Berbagai mitra tersebut di Surabaya.', 'id')).toBe(false);
  });

  it('reads "keterangan tertulis" as a written statement, not a verb, so a broken attribution is a fragment', () => {
    expect(hasPredicate('Dinas Kelautan Sulawesi Utara, Budi S.A. Santoso dalam keterangan tertulis pada Senin, 4 Maret 2024.', 'id')).toBe(false);
    expect(hasPredicate('Budi menyampaikan hal itu dalam keterangan tertulis pada Senin.', 'id')).toBe(true);
    expect(hasPredicate('Nama pemenang tertulis di papan pengumuman.', 'id')).toBe(true);
  });

  it('finds English verbs and rejects English fragments', () => {
    expect(hasPredicate('The port authority opened a second terminal in Bitung.', 'en')).toBe(true);
    expect(hasPredicate('Rice prices may fall next week.', 'en')).toBe(true);
    expect(hasPredicate('The council plans a new bridge.', 'en')).toBe(true);
    expect(hasPredicate('Sustainable Food Forum (SFF) in Makassar in March 2022.', 'en')).toBe(false);
    expect(hasPredicate('The news from the morning session in Osaka.', 'en')).toBe(false);
  });
});
