import { describe, expect, it } from 'vitest';
import type { CleanArticle } from '../../src/model/article.js';
import { headBefore } from '../../src/summarize/figure-context.js';
import { extractKeyFigures } from '../../src/summarize/key-figures.js';
import { entityDensity, factSignal, shownSignal } from '../../src/summarize/key-points.js';
import { shortenPoint } from '../../src/summarize/shorten-point.js';
import { summarizeArticle } from '../../src/summarize/summarize-article.js';

function article(title: string, paragraphs: string[], language: 'id' | 'en'): CleanArticle {
  return { title, titleDerived: false, body: paragraphs.join('\n\n'), paragraphs, language, source: null, eventDate: null, publishedDate: null, fingerprint: 'x' };
}

const contexts = (sentences: string[], language: 'en' | 'id') => extractKeyFigures(sentences, language).map((f) => f.context);

describe('key points read as whole sentences', () => {
  it('never picks a verbless fragment, even one full of names, dates and topic words (id)', () => {
    const a = article('Sulawesi Utara Perluas Pelabuhan Perikanan Bitung', [
      'Pemerintah Provinsi Sulawesi Utara meresmikan perluasan Pelabuhan Perikanan Bitung pada Senin (4/3).',
      'Gubernur mengatakan dermaga baru mampu melayani 120 kapal per hari.',
      'Sebelumnya Menteri Kelautan dan Perikanan bertemu dengan pengusaha ikan tuna di Manado.',
      'Forum Perikanan Tuna Nasional (FPTN) di Bitung pada Maret 2024.',
      'Perluasan pelabuhan dibiayai dari APBD sebesar Rp450 miliar.',
      'Nelayan setempat menyambut baik pembangunan dermaga tersebut.',
    ], 'id');
    const s = summarizeArticle(a, { acronyms: new Map(), topicTerms: ['pelabuhan perikanan', 'tuna', 'perikanan tuna'] });
    expect(s.keyPoints.length).toBe(3);
    expect(s.keyPoints.join(' ')).not.toContain('FPTN');
  });

  it('never picks a verbless fragment (en)', () => {
    const a = article('Osaka Opens New Ferry Terminal', [
      'Osaka opened a new ferry terminal on Monday, March 4, 2024, to serve routes to Busan and Shanghai.',
      'The terminal can handle 40 ships a day, the port authority said.',
      'Earlier, port officials met shipping companies from Korea and China.',
      'Asia Pacific Ferry Forum (APFF) in Osaka in March 2024.',
      'The terminal cost $300 million to build.',
      'Local residents welcomed the project.',
    ], 'en');
    const s = summarizeArticle(a, { acronyms: new Map(), topicTerms: ['ferry', 'ferry terminal', 'Asia Pacific Ferry Forum'] });
    expect(s.keyPoints.join(' ')).not.toContain('APFF');
  });

  it('cuts an over-long quote at a clause boundary, not mid-phrase, and leaves no lone quote mark', () => {
    const quote = '"Program ini merupakan kerja sama strategis antara pemerintah daerah dan para nelayan dalam rangka memberikan pelatihan kepada para pengelola koperasi perikanan di seluruh provinsi mengenai rencana pemerintah dalam melaksanakan pendataan kapal dan studi tentang pengembangan industri pengolahan serta penguatan rantai pasok ikan tuna segar di kawasan timur Indonesia," jelas Dr. A.B. Santoso, Kepala Dinas Perikanan, di Manado (4/3/2024).';
    const point = shortenPoint(quote);
    expect(point.length).toBeLessThanOrEqual(300);
    expect(point).toMatch(/^Program ini/);
    expect(point).not.toContain('"');
    expect(point).toMatch(/(?:rencana pemerintah|para nelayan)…$/);
    expect(point).not.toContain('Santoso');
  });

  it('cuts an English sentence before a relative clause rather than mid-phrase', () => {
    const s = 'The agency will fund a two-year programme of training courses for the managers of fishing cooperatives across all the eastern provinces and a survey of cold storage capacity at the main landing ports which officials expect to shape the next five-year plan for the fishing industry and its export markets in Asia and Europe and beyond that region.';
    expect(shortenPoint(s)).toMatch(/landing ports…$/);
  });
});

describe('key points carry the facts', () => {
  it('prefers the sentence with a figure and a date over a general remark that repeats the article words', () => {
    const a = article('Balikpapan Buka Pabrik Bus Listrik', [
      'Kalimantan Timur membuka pabrik perakitan bus listrik pertama di Balikpapan.',
      'Pabrik bus listrik di Balikpapan dibangun oleh perusahaan daerah bersama mitra dari Korea Selatan.',
      'Pemerintah daerah menilai pabrik bus listrik di Balikpapan penting bagi ekonomi Kalimantan Timur.',
      'Warga sekitar berharap pabrik membuka lapangan kerja baru.',
      'Menurut pemerintah daerah, pabrik bus listrik juga akan mendorong industri baterai di Kalimantan Timur.',
      'Kapasitas produksinya mencapai 1.200 unit setiap tahun mulai 3 Maret 2026.',
    ], 'id');
    const points = summarizeArticle(a, { acronyms: new Map() }).keyPoints;
    expect(points).toHaveLength(3);
    expect(points.join(' ')).toContain('1.200 unit');
  });
});

describe('figure openings start at the subject or the verb', () => {
  it('keeps a short clause whole, from its subject', () => {
    expect(contexts(['Currently, the bicycle ownership ratio in Vietnam is 320 bicycles per 1,000 people.'], 'en'))
      .toEqual(['the bicycle ownership ratio in Vietnam is 320 bicycles per 1,000 people']);
    expect(contexts(['Saat ini rasio kepemilikan sepeda di Vietnam adalah 320 sepeda per 1.000 penduduk.'], 'id'))
      .toEqual(['rasio kepemilikan sepeda di Vietnam adalah 320 sepeda per 1.000 penduduk']);
  });

  it('drops dangling pronouns, modals and stance words before the verb', () => {
    expect(contexts(['I believe that soon, it can be raised to reach 400 bicycles per 1,000 (people), he said.'], 'en'))
      .toEqual(['raised to reach 400 bicycles per 1,000 (people)']);
    expect(contexts(['Saya yakin kita bisa menaikkannya menjadi 400 sepeda per 1.000 penduduk.'], 'id'))
      .toEqual(['menaikkannya menjadi 400 sepeda per 1.000 penduduk']);
  });

  it('still takes only the last words of a long clause', () => {
    const sentence = 'The regional government of the eastern province and its partners from three private banks plan to lend $20 million to fishers';
    expect(headBefore(sentence, sentence.indexOf('$20'), [])).toBe('three private banks plan to lend');
  });
});

describe('key points open with the subject, not the scene', () => {
  it('drops a framing opener before the subject (en, id)', () => {
    expect(shortenPoint('Addressing a press conference after the talks with the carmaker, Trade Minister Rina Halim said the plant will build buses.'))
      .toBe('Trade Minister Rina Halim said the plant will build buses.');
    expect(shortenPoint('Dalam kesempatan yang sama, Gubernur Sulawesi Utara meresmikan dermaga baru untuk kapal nelayan.'))
      .toBe('Gubernur Sulawesi Utara meresmikan dermaga baru untuk kapal nelayan.');
    expect(shortenPoint('Sementara perihal ekspor, mulai tahun ini pabrik itu mengirim sepeda ke lima negara.'))
      .toBe('Mulai tahun ini pabrik itu mengirim sepeda ke lima negara.');
  });

  it('keeps openers that carry a fact or that the rest needs', () => {
    for (const s of [
      'In the first week of May 2024, Trade Minister Rina Halim visited three ports in Sulawesi.',
      'Last year, the province attracted a record amount of foreign investment in fisheries.',
      'Di Manado, Gubernur Sulawesi Utara meresmikan dermaga baru untuk kapal nelayan.',
      'With the new terminal open, it can serve twice as many ferries every single day.',
      'Dalam acara peresmian hari ini, Rabu (17/1) di Bitung, kedua pihak sepakat memperluas dermaga ikan.',
      'Menurut Rina Halim, pelabuhan itu akan dibuka pada bulan Mei mendatang.',
    ]) expect(shortenPoint(s)).toBe(s);
  });
});

describe('key points carry no slips or datelines of the page', () => {
  it('drops a word typed twice and a stray full stop after a day/month marker', () => {
    expect(shortenPoint('Gubernur dan rombongan Kamis (14/03). menuju Bitung untuk meresmikan meresmikan dermaga ikan yang baru.'))
      .toBe('Gubernur dan rombongan Kamis (14/03) menuju Bitung untuk meresmikan dermaga ikan yang baru.');
    // A hyphenated double is Indonesian reduplication, not a slip.
    expect(shortenPoint('Kedua provinsi sama-sama membangun dermaga ikan pada tahun ini di pesisir utara.'))
      .toBe('Kedua provinsi sama-sama membangun dermaga ikan pada tahun ini di pesisir utara.');
  });

  it('drops a place-and-colon dateline and a bare "Adapun" opening', () => {
    expect(shortenPoint('Manado: North Sulawesi Governor Rina Halim opened a new fishing pier on Monday.'))
      .toBe('North Sulawesi Governor Rina Halim opened a new fishing pier on Monday.');
    expect(shortenPoint('Adapun Kepala Dinas Kelautan Budi Santoso menyebut dermaga itu melayani 120 kapal.'))
      .toBe('Kepala Dinas Kelautan Budi Santoso menyebut dermaga itu melayani 120 kapal.');
  });
});

describe('a quote keeps its speaker, not where and how it was said', () => {
  it('drops the venue, day and "as reported by" tail after the speaker (id, en)', () => {
    expect(shortenPoint('"Kami ingin dermaga ini melayani 120 kapal setiap hari," ujar Budi dalam keterangannya di Manado, Rabu.'))
      .toBe('"Kami ingin dermaga ini melayani 120 kapal setiap hari," ujar Budi.');
    expect(shortenPoint('"Kami terus mendorong nelayan memakai mesin listrik di Bitung," kata Rina seperti dilansir dari kantor berita.'))
      .toBe('"Kami terus mendorong nelayan memakai mesin listrik di Bitung," kata Rina.');
    expect(shortenPoint('“The pier has been waiting for funds for a long time," the governor noted, as quoted from a press release of the provincial office.'))
      .toBe('“The pier has been waiting for funds for a long time," the governor noted.');
  });
});

describe('facts and names count where the card shows them', () => {
  const weigh = (signal: (t: string) => number, sentence: string) => shownSignal(signal, sentence, shortenPoint(sentence));

  it('weighs a date that only stands in the dropped attribution tail at half', () => {
    const inTail = weigh(factSignal, '"Kami ingin dermaga ini ramai oleh kapal nelayan dari seluruh provinsi," kata Rina Halim di Bitung, Senin (4/3/2024).');
    const inBody = weigh(factSignal, 'Dermaga ikan itu dibuka untuk kapal nelayan pada Senin (4/3/2024) di Bitung.');
    expect(inTail).toBeGreaterThan(0);
    expect(inTail).toBeLessThan(inBody);
  });

  it('weighs names that only stand in the dropped attribution tail at half', () => {
    const sentence = 'Dermaga itu akan melayani kapal nelayan dari seluruh pesisir utara, kata Direktur Jenderal Perikanan Tangkap Budi Santoso Wibowo.';
    expect(entityDensity(sentence)).toBe(1);
    expect(weigh(entityDensity, sentence)).toBeLessThan(1);
    const shownNames = 'Kementerian Kelautan dan Perikanan Sulawesi Utara membuka Dermaga Bitung untuk kapal nelayan.';
    expect(weigh(entityDensity, shownNames)).toBe(entityDensity(shownNames));
  });
});
