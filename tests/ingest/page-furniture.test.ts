// Kinds of clutter seen on unseen news pages: captions with photo credits,
// navigation and widgets above the story, sidebar links with figures, view
// counters, previous/next links, and the outlet named by a dateline or a line.
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean-article.js';

const now = new Date('2026-12-01T00:00:00Z');
const lede = 'Kementerian Industri membuka pusat pelatihan las baru untuk lulusan politeknik di Surabaya, Senin (3/3/2025).';
const second = 'Pusat pelatihan itu menampung dua ratus peserta setiap tahun dan bekerja sama dengan tiga pabrik kapal.';

function clean(lines: string[]) {
  return cleanArticle({ text: lines.join('\n') }, now);
}

describe('page furniture', () => {
  it('drops photo captions with credits, keeping their dates out of the event', () => {
    const a = clean([
      'Pusat Pelatihan Las Dibuka di Surabaya',
      'Peserta berlatih di bengkel, Rabu (8/4/2020). Bengkel itu dibangun lima tahun lalu. (AGENSI/Nama Fotografer)',
      `SURABAYA, Contohberita.com - ${lede}`,
      'Menteri meninjau bengkel las di Surabaya, Senin (3/3/2025) [AGENSI/HO-Biro Humas Kementerian]',
      second,
      'Peserta memakai helm las baru.Nama Penulis/DeskOtomotif Peserta memakai helm las baru.',
      '(Photo: Kementerian Industri)',
    ]);
    expect(a.body).not.toMatch(/AGENSI|Photo:|DeskOtomotif/);
    expect(a.eventDate).toBe('2025-03-03');
    expect(a.source).toBe('Contohberita.com');
  });

  it('drops navigation, bylines and widgets above the story and takes the outlet line as source', () => {
    const a = clean([
      'Pusat Pelatihan Las Dibuka di Surabaya',
      'Program Unggulan',
      'Profil Perusahaan',
      'The Example Post',
      'Written by',
      'Rate this item',
      '(1 Vote)',
      'Please update your browser to read this page.',
      lede,
      second,
    ]);
    expect(a.paragraphs).toEqual([lede, second]);
    expect(a.source).toBe('The Example Post');
  });

  it('drops sidebar links with figures, counters, prev/next links, hashtags and discussion prompts', () => {
    const a = clean([
      'Pusat Pelatihan Las Dibuka di Surabaya',
      '2,345 total views',
      lede,
      'Ulasan Mobil Contoh Harga Mulai Rp 199 Juta',
      second,
      '« Tulisan sebelumnya | Beranda | Tulisan berikutnya »',
      'Baca: Pabrik Kapal Contoh Tambah Kapasitas',
      'Mau berdiskusi dengan redaksi tentang artikel ini? Gabung di grup kami',
      '#EnergiBersih #IndustriHijau',
      'Tidak ada komentar:',
      'Translator: Nama Orang',
    ]);
    expect(a.paragraphs).toEqual([lede, second]);
  });

  it('keeps the headline apart from a glued date marker and dateline, taking the outlet and the month', () => {
    const a = clean(['Pusat Pelatihan Las Dibuka di Surabaya', ` date 2025-03 contoh.co.id, SURABAYA - ${lede.replace(' (3/3/2025)', ' (3/3)')}`, second]);
    expect(a.title).toBe('Pusat Pelatihan Las Dibuka di Surabaya');
    expect(a.source).toBe('contoh.co.id');
    expect(a.eventDate).toBe('2025-03-03');
  });

  it('finds the dateline below a pull quote, and an outlet-only dateline or agency sign-off', () => {
    const quoted = clean(['Judul Berita Pelatihan Las Baru', 'Ini langkah penting.', `Surabaya (AGENSI) - ${lede}`, second]);
    expect(quoted.source).toBe('AGENSI');
    expect(quoted.paragraphs[0]).toBe(lede);
    expect(clean(['Judul Berita Pelatihan Las Baru', `HARIAN CONTOH - ${lede}`, second]).source).toBe('HARIAN CONTOH');
    expect(clean(['Judul Berita Pelatihan Las Baru', lede, `${second} — ABC`]).source).toBe('ABC');
  });

  it('joins a drop capital split from its word', () => {
    const a = clean(['Pusat Pelatihan Las Dibuka di Surabaya', 'K', lede.slice(1), second]);
    expect(a.paragraphs[0]).toBe(lede);
  });
});
