// Line and paragraph clutter rules: what goes, and real text that must stay.
import { describe, expect, it } from 'vitest';
import { normaliseLines } from '../../src/ingest/normalize-text.js';
import { cleanParagraphs } from '../../src/ingest/strip-clutter.js';

const clean = (text: string) => cleanParagraphs(normaliseLines(text));
const real = 'Pemerintah menaikkan target produksi mobil listrik tahun ini.';

describe('cleanParagraphs', () => {
  it.each([
    'Advertisement', 'ADVERTISEMENT', 'Iklan', 'Scroll to continue with content', 'Estimated read time 3 min read',
    '5 min read', 'Waktu baca 2 menit', '• Category:Other', 'Tags: otomotif, listrik', 'Topik: Ekonomi',
    '[Redaktur: Budi]', 'Editor: Sari', 'Penulis: Andi Wijaya', 'Sumber: Antara', 'Reporter: Dewi', 'Foto: Istimewa',
    'Editing by John Smith', '(Reporting by Jane Doe; Editing by John Smith)', 'By Jane Doe', 'Oleh: Rudi',
    'There are no comments', '+ There are no comments', 'Add yours', 'Comment(s) Write comment', 'Komentar (0)',
    'Trackback (You need to login.)', 'Leave a Reply', 'Share this article', 'Bagikan:', 'Facebook Twitter WhatsApp',
    'Copy Link', 'Subscribe to our newsletter', 'Ikuti kami di Google News', 'https://example.com/a?b=1',
    'www.example.co.id/berita', '© 2025 Media Group. All rights reserved.', 'Copyright PT Media 2025', '(ant/rdn)',
    'Halaman 2 dari 3', 'Halaman selanjutnya', '1 2 3 4', 'Lihat Foto', 'Klik di sini untuk berlangganan',
    '[Gambas:Video 20detik]', 'Artikel ini telah tayang di Kabar.com dengan judul "Harga Naik"',
    'This article was originally published on Example News.', 'Listen to this article', 'Tutup Iklan',
    'Cek Berita dan Artikel yang lain di Google News', 'SIARAN PERS', 'Press Release No. 123/2025', 'ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT',
  ])('drops "%s"', (line) => {
    expect(clean(`${real}\n${line}\n${real}`)).toEqual([real, real]);
  });

  it.each([
    ['Baca Juga:\nHarga Emas Naik Lagi Hari Ini', 'marker and linked headline on the next line'],
    ['Baca juga: Harga Emas Naik Lagi Hari Ini', 'marker and headline on one line'],
    ['Simak juga:\n\nHarga Emas Naik Lagi', 'with a blank line between'],
    ['Read also:\nGold prices rise again', 'English marker'],
    ['Related: Gold prices rise again', 'Related:'],
    ['Berita Terkait\nHarga Emas Naik\nIHSG Menguat Pagi Ini\n• Rupiah Melemah', 'related list'],
    ['Simak Video "Harga Emas Naik Lagi"', 'video embed prompt'],
    ['Video Pilihan\nHarga Emas Naik Lagi', 'video list'],
    ['You May Also Like\n\nMore From Author\n\nGold Prices Rise', 'related sections'],
    ['Ikuti update\nberita pilihan dan\nbreaking news lewat Grup Telegram "Kabar Update", klik\nhttps://t.me/kabar, lalu join.', 'Telegram widget over several lines'],
    ['Dapatkan update berita pilihan setiap hari. Mari bergabung di Grup Telegram, caranya klik link https://t.me/x, kemudian join.', 'Telegram widget in one paragraph'],
  ])('drops %s (%s)', (block) => {
    expect(clean(`${real}\n${block}\n${real}`)).toEqual([real, real]);
  });

  it('removes clutter embedded in a real paragraph', () => {
    expect(clean(`${real} ADVERTISEMENT Harga naik.`)).toEqual([`${real} Harga naik.`]);
    expect(clean(`${real} ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Harga naik.`)).toEqual([`${real} Harga naik.`]);
    expect(clean(`${real} Baca juga: Harga Emas Naik Lagi`)).toEqual([real]);
    expect(clean(`${real}\nHarga naik lagi. (ant/rdn)`)).toEqual([real, 'Harga naik lagi.']);
    expect(clean(`Menteri meninjau pabrik (Foto: Dok. Kemenperin) di Cikarang.`)).toEqual(['Menteri meninjau pabrik di Cikarang.']);
  });

  it('keeps real text that merely resembles clutter', () => {
    const kept = [
      'Related to this, the ministry said it would review the plan.',
      'Lihat juga bagaimana pemerintah menata ulang subsidi energi tahun ini.',
      'Telegram founder Pavel Durov spoke at the conference in Dubai.',
      'By the end of June, the plant had produced 10,000 cars.',
      'Share prices rose 3 percent after the announcement.',
      'Layanan darurat tersedia 24/7 di seluruh kota.',
      'Turut Didukung oleh Beberapa Bidang Terkait',
    ];
    expect(clean(kept.join('\n'))).toEqual(kept);
  });

  it('keeps paragraphs separated by single or blank lines, and re-joins wrapped lines', () => {
    expect(clean('Satu dua tiga.\nEmpat lima enam.')).toEqual(['Satu dua tiga.', 'Empat lima enam.']);
    expect(clean('Satu dua tiga.\n\n\nEmpat lima enam.')).toEqual(['Satu dua tiga.', 'Empat lima enam.']);
    expect(clean('Pemerintah menaikkan target\nproduksi mobil listrik.')).toEqual(['Pemerintah menaikkan target produksi mobil listrik.']);
  });
});

describe('normaliseLines', () => {
  it('folds odd spaces and invisible characters but keeps words, numbers and quotes', () => {
    expect(normaliseLines('A\u00a0B\u200b C\u00ad\r\n  “Rp1.000,5”\u2003 x\t y ')).toEqual(['A B C', '“Rp1.000,5” x y']);
  });

  it('decodes the HTML entities left in copied page text', () => {
    expect(normaliseLines('Harga&nbsp;naik &amp; turun &#8220;kata&#x201D; dia&hellip; &foo;')).toEqual(['Harga naik & turun “kata” dia… &foo;']);
  });
});
