import { describe, expect, it } from 'vitest';
import { stemIndonesian } from '../../src/nlp/stem-indonesian.js';

describe('stemIndonesian', () => {
  it.each([
    ['menekankan', 'tekan'],
    ['kendaraan', 'kendara'],
    ['pengembangan', 'kembang'],
    ['penguatan', 'kuat'],
    ['kebijakan', 'bijak'],
    ['perdagangan', 'dagang'],
    ['menjadi', 'jadi'],
    ['memfasilitasi', 'fasilitas'],
    ['dilakukan', 'laku'],
    ['negara-negara', 'negara'],
  ])('%s -> %s', (word, root) => {
    expect(stemIndonesian(word)).toBe(root);
  });

  it('leaves loanwords and short roots alone', () => {
    for (const w of ['industri', 'baterai', 'mobil', 'jalan', 'bulan', 'standardisasi']) expect(stemIndonesian(w)).toBe(w);
  });

  it('brings affixed forms of one root together', () => {
    const forms = ['mengembangkan', 'berkembang', 'pengembangan'].map(stemIndonesian);
    expect(new Set(forms).size).toBe(1);
  });
});
