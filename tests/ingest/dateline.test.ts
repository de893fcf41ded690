// Datelines of many outlets give the source; ordinary openings are left alone.
import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../src/ingest/dateline.js';

describe('parseDateline', () => {
  it.each([
    ['WahanaNews.co, Jakarta -', 'WahanaNews.co', ''],
    ['MOTORESTO.ID, JAKARTA -- Kementerian memperkuat kerja sama.', 'MOTORESTO.ID', 'Kementerian memperkuat kerja sama.'],
    ['Jakarta (Antara) – Menteri bertemu mitra.', 'Antara', 'Menteri bertemu mitra.'],
    ['Liputan6.com, Jakarta - Guna memaksimalkan percepatan.', 'Liputan6.com', 'Guna memaksimalkan percepatan.'],
    ['JAKARTA, KOMPAS.com - Pemerintah menaikkan tarif.', 'KOMPAS.com', 'Pemerintah menaikkan tarif.'],
    ['Jakarta, CNBC Indonesia - Bank sentral menahan bunga.', 'CNBC Indonesia', 'Bank sentral menahan bunga.'],
    ['TOKYO (Reuters) - Toyota said on Tuesday.', 'Reuters', 'Toyota said on Tuesday.'],
    ['Bisnis.com, SURABAYA — Ekspor naik.', 'Bisnis.com', 'Ekspor naik.'],
    ['BANDUNG, investor.id - Pabrik baru dibuka.', 'investor.id', 'Pabrik baru dibuka.'],
    ['Sleman, Harian Jogja - Warga berkumpul.', 'Harian Jogja', 'Warga berkumpul.'],
    ['SINGAPORE, June 21 (Reuters) - Shares rose.', 'Reuters', 'Shares rose.'],
    ['SURABAYA, Jawapos.com-Pemerintah kota menggelar festival.', 'Jawapos.com', 'Pemerintah kota menggelar festival.'],
    ['JAKARTA (The Jakarta Post) — Rates held.', 'The Jakarta Post', 'Rates held.'],
  ])('%s', (paragraph, source, rest) => {
    expect(parseDateline(paragraph)).toMatchObject({ source, rest });
  });

  it('takes a place-only dateline without inventing a source', () => {
    expect(parseDateline('JAKARTA - Harga naik.')).toMatchObject({ source: null, place: 'JAKARTA', rest: 'Harga naik.' });
    expect(parseDateline('Jakarta, Kamis (13/11/2025) - Harga naik.')).toMatchObject({
      source: null,
      prefix: 'Jakarta, Kamis (13/11/2025)',
      rest: 'Harga naik.',
    });
  });

  it.each([
    'Indonesia-Jepang Perkuat Kerja Sama Industri Otomotif',
    'Menteri Perindustrian Agus Gumiwang - yang baru kembali - menyatakan dukungan.',
    'Indonesia - Japan relations deepen as trade grows.',
    'The plan - announced last year - is on track.',
    'Kendaraan listrik makin diminati, kata dia - dan harga turun.',
  ])('is not a dateline: %s', (paragraph) => {
    expect(parseDateline(paragraph)).toBeNull();
  });
});
