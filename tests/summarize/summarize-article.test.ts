import { describe, expect, it } from 'vitest';
import type { CleanArticle } from '../../src/model/article.js';
import { shortenPoint } from '../../src/summarize/shorten-point.js';
import { summarizeArticle } from '../../src/summarize/summarize-article.js';

function article(title: string, paragraphs: string[], language: 'id' | 'en'): CleanArticle {
  return { title, titleDerived: false, body: paragraphs.join('\n\n'), paragraphs, language, source: null, eventDate: null, publishedDate: null, fingerprint: 'x' };
}

const ID_ARTICLE = article(
  'Pemerintah dan Korea Selatan Sepakati Pabrik Baterai di Batang',
  [
    'Semarang (Kabar) – Pemerintah terus mendorong hilirisasi industri nasional.',
    'Kementerian Investasi dan Korea Battery Alliance (KBA) menyepakati pembangunan pabrik baterai kendaraan listrik senilai Rp2,5 triliun di Batang, Jawa Tengah, pada 3 Februari 2025.',
    'Cuaca di lokasi acara cerah sejak pagi hari.',
    'Pabrik baterai tersebut ditargetkan memproduksi 10.000 unit baterai per tahun mulai 2027, kata Menteri Investasi Dimas Prasetyo di Batang, Senin (3/2).',
    'Dimas menambahkan pembangunan pabrik baterai akan menyerap 1.200 tenaga kerja lokal.',
    'Acara ditutup dengan makan siang bersama.',
  ],
  'id',
);

describe('summarizeArticle', () => {
  it('picks fact-bearing sentences in article order, in the article language', () => {
    const s = summarizeArticle(ID_ARTICLE, { acronyms: new Map() });
    expect(s.keyPoints.length).toBe(3);
    expect(s.keyPoints.join(' ')).toContain('Rp2,5 triliun');
    expect(s.keyPoints.join(' ')).toContain('10.000 unit baterai');
    expect(s.keyPoints.join(' ')).not.toContain('Cuaca');
    expect(s.keyPoints.join(' ')).not.toContain('makan siang');
    const order = s.keyPoints.map((p) => ID_ARTICLE.body.indexOf(p.slice(0, 30)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const p of s.keyPoints) expect(p.length).toBeLessThanOrEqual(300);
  });

  it('returns figures and entities with expansions', () => {
    const s = summarizeArticle(ID_ARTICLE, { acronyms: new Map() });
    expect(s.keyFigures.map((f) => f.value)).toContain('Rp2,5 triliun');
    expect(s.entities.find((e) => e.name === 'KBA')?.expansion).toBe('Korea Battery Alliance');
    expect(s.entities.find((e) => e.name === 'Dimas Prasetyo')?.kind).toBe('person');
  });
});

describe('shortenPoint', () => {
  it('drops datelines, trailing attributions and quotes, never the facts', () => {
    expect(shortenPoint('Jakarta (Kabar) – Ekspor naik 5 persen.')).toBe('Ekspor naik 5 persen.');
    expect(shortenPoint('Produksi mencapai 10.000 unit per tahun mulai 2027, kata Dimas di Batang, Senin (3/2).')).toBe(
      'Produksi mencapai 10.000 unit per tahun mulai 2027.',
    );
    expect(shortenPoint('"Exports will reach US$2 billion by 2026," he said.')).toBe('Exports will reach US$2 billion by 2026.');
  });

  it('cuts an over-long sentence at a clause boundary with an ellipsis', () => {
    const long = `${'Pemerintah membangun jalan baru, '.repeat(12)}dan seterusnya.`;
    const out = shortenPoint(long);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('…')).toBe(true);
  });
});
