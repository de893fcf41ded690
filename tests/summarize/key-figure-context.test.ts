import { describe, expect, it } from 'vitest';
import { extractKeyFigures } from '../../src/summarize/key-figures.js';

const contexts = (sentences: string[], language: 'en' | 'id') =>
  extractKeyFigures(sentences, language).map((f) => f.context);

describe('key figure context reads like a phrase', () => {
  it('starts after a date, keeps a money conversion with its figure and says what the money is for', () => {
    const figures = extractKeyFigures(
      ['Nusantara Steel said on Friday, June 6, 2025 it would spend $450 million (Rp7,3 triliun) to build a furnace in Cilegon, adding 800 jobs.'],
      'en',
    );
    expect(figures.map((f) => f.value)).toEqual(['$450 million', '800']);
    expect(figures[0]!.context).toBe('spend $450 million (Rp7,3 triliun) to build a furnace');
    expect(figures[1]!.context).toBe('adding 800 jobs');
  });

  it('keeps a per-period rate and the year it starts, never stopping mid-phrase', () => {
    expect(contexts(['The line will make 30,000 batteries a month from 2026, chief executive Ana Ruiz said.'], 'en'))
      .toEqual(['The line will make 30,000 batteries a month from 2026']);
    expect(contexts(['Pabrik itu akan menghasilkan 10 gigawatt jam per tahun mulai 2027, kata Menteri Perindustrian.'], 'id'))
      .toEqual(['Pabrik itu akan menghasilkan 10 gigawatt jam per tahun mulai 2027']);
  });

  it('keeps a change with what it is compared against, and ties a follow-on figure to its verb', () => {
    expect(contexts(['Sales rose 12% from a year earlier to 48,000 units, the company said.'], 'en'))
      .toEqual(['Sales rose 12% from a year earlier', 'Sales rose to 48,000 units']);
    expect(contexts(['Penjualan mobil listrik naik 12 persen dibanding tahun lalu menjadi 43.000 unit.'], 'id'))
      .toEqual(['Penjualan mobil listrik naik 12 persen dibanding tahun lalu', 'Penjualan mobil listrik naik menjadi 43.000 unit']);
  });

  it('handles Indonesian dates, money, rates and trailing adjuncts', () => {
    expect(contexts([
      'PT Baja Raya pada Senin, 3 Maret 2025 menyatakan akan menanamkan Rp2,5 triliun untuk membangun pabrik baterai di Batang.',
      'Rasio kepemilikan mobil saat ini 99 kendaraan per 1.000 penduduk.',
      'Perusahaan akan merekrut 1.500 pekerja lokal hingga akhir tahun.',
    ], 'id')).toEqual([
      'menyatakan akan menanamkan Rp2,5 triliun untuk membangun pabrik baterai',
      'Rasio kepemilikan mobil saat ini 99 kendaraan per 1.000 penduduk',
      'Perusahaan akan merekrut 1.500 pekerja lokal',
    ]);
  });

  it('never ends a context on an article or preposition', () => {
    for (const c of contexts(['Output reached 3.2 million tonnes in 2024 and 40 ships of the fleet.', 'The firm hired 300 engineers at the new site.'], 'en')) {
      expect(c).not.toMatch(/\s(a|an|the|of|in|at|to|and)$/i);
    }
    expect(contexts(['The firm hired 300 engineers at the new site.'], 'en')).toEqual(['The firm hired 300 engineers']);
  });
});
