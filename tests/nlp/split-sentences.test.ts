import { describe, expect, it } from 'vitest';
import { splitParagraph } from '../../src/nlp/split-sentences.js';

describe('splitParagraph', () => {
  it('does not split on abbreviations, initials or decimals', () => {
    const text = 'Mr. Budi Santoso dari PT Maju Tbk. menyebut nilai Rp2,5 triliun dan inflasi 3.5 persen. Dr. Sari S.A. Wibowo setuju. Harga naik menjadi 1.000 unit.';
    expect(splitParagraph(text)).toEqual([
      'Mr. Budi Santoso dari PT Maju Tbk. menyebut nilai Rp2,5 triliun dan inflasi 3.5 persen.',
      'Dr. Sari S.A. Wibowo setuju.',
      'Harga naik menjadi 1.000 unit.',
    ]);
  });

  it('splits English sentences ending in quotes', () => {
    expect(splitParagraph('"Sales rose 4.2%," she said. The U.S. market grew.')).toEqual(['"Sales rose 4.2%," she said.', 'The U.S. market grew.']);
  });

  it('keeps Indonesian and English abbreviations, degrees and initials inside the sentence', () => {
    expect(splitParagraph('Biaya Rp. 5 juta ditanggung Pemkab. Kantor di Kab. Bekasi dipimpin Budi Santoso, Ph.D. Dari Bandung ia datang.')).toEqual([
      'Biaya Rp. 5 juta ditanggung Pemkab.',
      'Kantor di Kab. Bekasi dipimpin Budi Santoso, Ph.D. Dari Bandung ia datang.',
    ]);
    expect(splitParagraph('Acme Holdings Pte. Ltd. opened an office. Rina A.B. Halim, M.Sc. leads it.')).toEqual([
      'Acme Holdings Pte. Ltd. opened an office.',
      'Rina A.B. Halim, M.Sc. leads it.',
    ]);
  });
});
