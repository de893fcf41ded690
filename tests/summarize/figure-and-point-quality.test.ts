// Key figures and class 4 (key points) on shapes seen in unseen news, in texts written for the test.
import { describe, expect, it } from 'vitest';
import type { CleanArticle } from '../../src/model/article.js';
import { extractKeyFigures } from '../../src/summarize/key-figures.js';
import { isCandidate, opensWithPronoun } from '../../src/summarize/key-points.js';
import { shortenPoint } from '../../src/summarize/shorten-point.js';
import { summarizeArticle } from '../../src/summarize/summarize-article.js';

const values = (sentences: string[], language: 'en' | 'id') => extractKeyFigures(sentences, language).map((f) => f.value);
const contexts = (sentences: string[], language: 'en' | 'id') => extractKeyFigures(sentences, language).map((f) => f.context);

describe('key figures', () => {
  it('never reads a date range or a clock time as a figure', () => {
    expect(values(['Forum itu digelar di Busan, 20-21 Oktober 2026, diikuti 300 peserta.'], 'id')).toEqual(['300']);
    expect(values(['Diperbarui Senin, 4 Mei 2026 08:15 WIB oleh redaksi.', 'Kapal tiba pukul 14.30 di pelabuhan.'], 'id')).toEqual([]);
  });

  it('refuses headline lists, related links and vote counters', () => {
    expect(values(['Ulasan Mobil Keluarga Baru Harga Mulai Rp 199 Juta', '1 — 1 Vote', '2,310 total views', '« Nusa Motors reports 40% rise in sales'], 'id')).toEqual([]);
  });

  it('reads both ends of a change and a range, and a currency written after the amount', () => {
    expect(contexts(['The new line lifts annual capacity from 40,000 to 90,000 units.'], 'en')).toEqual(['The new line lifts annual capacity from 40,000 to 90,000 units']);
    expect(values(['Kapasitas naik dari 120.000 menjadi 150.000, kata dia.'], 'id')).toEqual(['150.000']);
    expect(values(['Pengisian hanya butuh 3-4 menit.'], 'id')).toEqual(['3-4']);
    expect(values(['Perusahaan menyiapkan dana hingga 3 miliar dolar AS untuk pabrik.'], 'id')).toEqual(['3 miliar dolar AS']);
    expect(contexts(['The firm installed a 500-bar pump at the site.'], 'en')[0]).toContain('500-bar pump');
  });

  it('keeps a year only where a target is set just before it', () => {
    expect(values(['The economy will grow by 5.2 percent and 5.6 percent in 2024 and 2025, respectively.'], 'en')).toEqual(['5.2 percent', '5.6 percent']);
  });
});

describe('key points are whole sentences the card can stand on', () => {
  it('keeps a reported clause after "said that" instead of cutting the sentence to its subject', () => {
    const s = 'Rina Halim, Head of the Regional Training Agency (RTA), stated that the agency will send 25 welders to Osaka in May.';
    expect(shortenPoint(s)).toContain('25 welders');
  });

  it('drops the one unmatched quote mark before an attribution', () => {
    const point = shortenPoint('Japan has long supported the port by investing in cranes," Transport Minister Rina Halim said on Monday.');
    expect(point).not.toMatch(/["“”]/);
  });

  it('drops a closing named-speaker or "according to" tail so the point states the fact', () => {
    expect(shortenPoint('The new plant in Cikarang will assemble 50,000 scooters a year for export, Trade Minister Rina Halim said on Monday.'))
      .toBe('The new plant in Cikarang will assemble 50,000 scooters a year for export.');
    expect(shortenPoint('Sales of hybrid vans in the region rose by 12 percent last year, according to the dealers association.'))
      .toBe('Sales of hybrid vans in the region rose by 12 percent last year.');
  });

  it('drops a connective opening and refuses a quote nobody on the card said', () => {
    expect(shortenPoint('Selain itu, pabrik tersebut akan menyerap 500 tenaga kerja lokal.')).toBe('Pabrik tersebut akan menyerap 500 tenaga kerja lokal.');
    expect(shortenPoint('Moreover, the plant will employ 500 local workers.')).toBe('The plant will employ 500 local workers.');
    expect(isCandidate('Kami sangat senang karena kedua perusahaan menjadi bagian dari program ini.', 'id')).toBe(false);
    expect(isCandidate('"Kami siap membangun pabrik tahun depan," kata Rina Halim di Jakarta.', 'id')).toBe(true);
  });

  it('takes "He also …" only right after the sentence it points back to', () => {
    const a: CleanArticle = {
      title: 'Nusa Motors opens van plant in Batang',
      titleDerived: false,
      body: '',
      paragraphs: [
        'Nusa Motors opened a van plant in Batang, Central Java, on Monday.',
        'The weather in Batang was sunny and the ceremony started at noon.',
        'Local musicians played at the ceremony for the guests.',
        'Officials from the district office attended the opening.',
        'He also said Nusa Motors would invest US$300 million and build 60,000 vans a year in Batang from 2027.',
        'Residents welcomed the plant and its new jobs.',
      ],
      language: 'en',
      source: null,
      eventDate: null,
      publishedDate: null,
      fingerprint: 'x',
    };
    const points = summarizeArticle(a, { acronyms: new Map() }).keyPoints;
    const he = points.findIndex((p) => p.startsWith('He also'));
    if (he !== -1) expect(points[he - 1]).toContain('district office attended');
  });

  it('puts a drop cap back on its word', () => {
    const a: CleanArticle = {
      title: 'Nusa Motors to build plant',
      titleDerived: false,
      body: '',
      paragraphs: ['N', 'usa Motors will invest US$200 million to build a van plant in Batang, Central Java.', 'The plant will make 50,000 vans a year from 2028, the company said.'],
      language: 'en',
      source: null,
      eventDate: null,
      publishedDate: null,
      fingerprint: 'x',
    };
    expect(summarizeArticle(a, { acronyms: new Map() }).keyPoints[0]).toMatch(/^Nusa Motors will invest/);
  });
});

describe('English numbers written in words (wink-nlp)', () => {
  it('reads word numbers with what they count, after the digit figures', () => {
    const figures = extractKeyFigures(
      ['The plan covers six sectors and 40 firms.', 'Graduates get a three-year work contract in Osaka.', 'One of the officials spoke.'],
      'en',
    );
    expect(figures.map((f) => f.value)).toEqual(['40', 'six', 'three']);
    expect(figures[1]!.context).toContain('six sectors');
    expect(figures[2]!.context).toContain('three-year work contract');
  });

  it('reads Indonesian word numbers by pattern, English ones only in English text', () => {
    expect(values(['Program ini mencakup six sectors menurut dokumen.'], 'id')).toEqual([]);
    expect(contexts(['Program ini mencakup enam sektor strategis dan kedua negara setuju.'], 'id')).toEqual(['Program ini mencakup enam sektor strategis']);
  });
});

describe('more shapes from unseen news', () => {
  it('reads no time back, formula or lone year as a figure', () => {
    expect(values(['Dua belas bulan lalu kami mulai membangun pabrik ini.', 'The plan cuts CO 2 output.', 'Pabrik itu dibangun pada 2019 dan 2020.'], 'id')).toEqual([]);
  });

  it('drops a bare connective and takes "Juga …" or "Antara lain …" only after their sentence', () => {
    expect(shortenPoint('Tapi Nusa Motors berencana membangun dua model baru tahun depan.')).toBe('Nusa Motors berencana membangun dua model baru tahun depan.');
    expect(opensWithPronoun('Juga menjalin kerja sama dengan Politeknik ATI Padang.')).toBe(true);
    expect(opensWithPronoun('Antara lain perjanjian dagang yang sedang dirundingkan kembali.')).toBe(true);
  });

  it('refuses a long sentence whose card-sized cut keeps no verb', () => {
    const long = 'During the long meeting with the board of Nusa Motors Corporation at the Kisarazu Plant in the south of the prefecture, with its engineers, its suppliers, its bankers, its lawyers, its union leaders, its regional dealers, its overseas partners and several officials of the prefecture, the minister asked the company to build small electric vans in Indonesia for export.';
    expect(isCandidate(long, 'en')).toBe(false);
  });
});

