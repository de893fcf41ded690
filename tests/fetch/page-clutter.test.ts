// Single lines of page furniture in Indonesian and English, and look-alike
// sentences that are article text and must stay.
import { describe, expect, it } from 'vitest';
import { isClutterLine } from '../../src/fetch/page-clutter.js';

describe('isClutterLine', () => {
  it.each([
    'Baca juga: Penjualan mobil listrik naik',
    'BACA JUGA - Harga BBM naik',
    'Simak juga: Video Menteri di Tokyo',
    'Pilihan Editor: Toyota Recall 10.000 Unit',
    'ADVERTISEMENT',
    'SCROLL TO CONTINUE WITH CONTENT',
    'Scroll untuk melanjutkan',
    'Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di Grup Telegram',
    'Simak breaking news dan berita pilihan kami langsung di ponselmu.',
    'Ikuti berita terkini dari Kabar di Google News',
    'Artikel ini telah tayang di Kompas.com dengan judul "RI-Jepang"',
    'Halaman selanjutnya',
    '[Gambas:Video CNBC]',
    'Pewarta: Andi Firdaus',
    'Editor: Rina',
    'Reporting by Jane Doe; Editing by John Roe',
    'Our Standards: The Thomson Reuters Trust Principles.',
    'Copyright © 2024 ANTARA',
    'Rabu, 22 Mei 2024 08:00 WIB',
    'Kompas.com - 05/03/2024, 21:30 WIB',
    'March 7, 2024 2:15 AM GMT+7',
  ])('%s is furniture', (line) => {
    expect(isClutterLine(line)).toBe(true);
  });

  it.each([
    'Editor senior di Tokyo mengatakan kesepakatan itu penting bagi industri.',
    'Simak pernyataan menteri: investasi akan naik 20 persen pada 2025.',
    'Share prices of Toyota rose 3 percent on Tuesday after the announcement.',
    'Penjualan pada 5 Maret 2024 naik menjadi 1.000 unit, kata Gaikindo.',
    'Reporting season starts in May for Japanese carmakers.',
    'Selanjutnya, pemerintah akan membuka pabrik baru di Karawang pada tahun depan.',
  ])('%s is article text', (line) => {
    expect(isClutterLine(line)).toBe(false);
  });
});
