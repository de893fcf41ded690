import { describe, expect, it } from 'vitest';
import { extractKeyFigures } from '../../src/summarize/key-figures.js';

describe('extractKeyFigures', () => {
  it('keeps Indonesian figures with their context and reads formats as written', () => {
    const figures = extractKeyFigures(
      [
        'Nilai investasi pabrik baterai mencapai Rp2,5 triliun pada Senin (3/2), naik 12,5 persen dari tahun lalu.',
        'Saat ini rasio dokter di daerah itu adalah 4 dokter per 1.000 penduduk.',
        'Kementerian menargetkan swasembada garam pada tahun 2030.',
        'Acara tersebut digelar pada 14 Maret 2025 di Medan dalam The 2nd Salt Forum.',
      ],
      'id',
    );
    expect(figures.map((f) => f.value)).toEqual(['Rp2,5 triliun', '12,5 persen', '4', '2030']);
    expect(figures[0]!.context).toContain('investasi pabrik baterai mencapai Rp2,5 triliun');
    expect(figures[2]!.context).toContain('4 dokter per 1.000 penduduk');
    expect(figures[3]!.context).toContain('swasembada garam pada tahun 2030');
  });

  it('reads English figures and skips dates, ordinals and bare years', () => {
    const figures = extractKeyFigures(
      [
        'On March 3, 2025, exports rose 3.5% to US$1.2 billion, the 4th rise since 2019.',
        'The port now handles 12,000 containers per day.',
      ],
      'en',
    );
    expect(figures.map((f) => f.value)).toEqual(['3.5%', 'US$1.2 billion', '12,000']);
    expect(figures[2]!.context).toContain('12,000 containers per day');
  });

  it('reads a day range with spaces or a linking word as one date, not a figure', () => {
    for (const s of [
      'Pameran digelar di Surabaya pada 16 - 17 Desember 2023 dengan 300 peserta.',
      'Pameran digelar 16 hingga 17 Desember 2023 dengan 300 peserta.',
      'The fair runs from 16 to 17 December 2023 with 300 exhibitors.',
    ]) {
      expect(extractKeyFigures([s], s.includes('Pameran') ? 'id' : 'en').map((f) => f.value)).toEqual(['300']);
    }
  });
});
