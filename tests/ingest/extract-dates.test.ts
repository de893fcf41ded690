// Date parsing in Indonesian and English forms, year inference, and the choice
// between event and statement dates.
import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../src/nlp/find-dates.js';
import { extractDates } from '../../src/ingest/extract-dates.js';

const now = new Date('2026-03-01T09:00:00Z');

function dates(
  body: string,
  options: { published?: string; dateline?: string; stamps?: string[]; at?: Date; captions?: string[]; month?: string } = {},
) {
  return extractDates({
    body,
    dateline: options.dateline ?? null,
    stamps: options.stamps ?? [],
    published: options.published ?? null,
    captions: options.captions ?? [],
    month: options.month ?? null,
    now: options.at ?? now,
  });
}

const eventOf = (body: string, options?: Parameters<typeof dates>[1]) => dates(body, options).eventDate;

describe('date forms', () => {
  it.each([
    ['Acara digelar pada 27 Juni 2024 di Jakarta.', '2024-06-27'],
    ['Forum itu digelar di Jakarta pada 11 November 2025.', '2025-11-11'],
    ['Workshop berlangsung di Jakarta (24/7/2023).', '2023-07-24'],
    ['The ministers met in Tokyo on June 21, 2024.', '2024-06-21'],
    ['The ministers met in Tokyo on Friday, June 21, 2024.', '2024-06-21'],
    ['The summit was held on Sunday, June 23, 2024.', '2024-06-23'],
    ['Pertemuan berlangsung Jumat, 21 Juni 2024.', '2024-06-21'],
    ['The forum took place on 5 Sept 2024.', '2024-09-05'],
    ['Rapat digelar 2024-06-21 di kantor.', '2024-06-21'],
    ['Rapat digelar pada 19-20 Februari 2025.', '2025-02-19'],
  ])('%s', (text, expected) => {
    expect(eventOf(text)).toBe(expected);
  });

  it('reads a year-less "Rabu (12/11)" with the year of a full date elsewhere in the text', () => {
    const text = 'Forum digelar pada 11 November 2025. "Bagus," kata menteri di Jakarta, Rabu (12/11).';
    expect(dates(text)).toEqual({ eventDate: '2025-11-11', publishedDate: '2025-11-12' });
  });

  it('reads "21st June" with the year of the article\'s other dates', () => {
    const text = 'The report was released on June 25, 2024. During their meeting on June 21st, the ministers agreed.';
    expect(eventOf(text)).toBe('2024-06-21');
  });

  it('crosses a year end: "Kamis (2/1)" after "30 Desember 2024" is in 2025', () => {
    const text = 'Pameran dibuka 30 Desember 2024. Penutupan digelar Kamis (2/1).';
    expect(findDateMentions(text)).toHaveLength(2);
    expect(dates(text, { at: new Date('2025-03-01T00:00:00Z') }).eventDate).toBe('2024-12-30');
    const second = extractDates({ body: 'Penutupan digelar Kamis (2/1).', dateline: '30 Desember 2024', stamps: [], published: null, now });
    expect(second.eventDate).toBe('2025-01-02');
  });

  it('finds no date in ratios, years alone or month-year phrases', () => {
    expect(findDateMentions('Layanan 24/7, target pada tahun 2060, rapat pada Desember 2023, may 5 people')).toEqual([]);
  });

  it('trusts a bracketed day/month only after a weekday or a place, or with a year', () => {
    expect(findDateMentions('Laporan bagian (1/2) terbit.')).toEqual([]);
    expect(eventOf('Rapat digelar di Jakarta (5/8).', { published: '2024-08-06' })).toBe('2024-08-05');
    expect(eventOf('Rapat digelar Senin, 5/8.', { published: '2024-08-06' })).toBe('2024-08-05');
    expect(eventOf('Rapat digelar (5/8/2024).')).toBe('2024-08-05');
  });

  it('rejects impossible days', () => {
    expect(findDateMentions('pada 31 Juni 2024 dan (30/2/2024)')).toEqual([]);
  });
});

describe('year inference from the text, never from today', () => {
  it('a weekday that fits one year next to the years the text mentions gives that year', () => {
    // 21 June was a Friday in 2024 (and 2019, 2030): only 2024 sits next to the 2023 the text mentions.
    expect(eventOf('Mereka bertemu di Tokyo, Jumat (21/6). Kerja sama dimulai sejak 2023.')).toBe('2024-06-21');
  });

  it('a weekday alone, with no year in the text, leaves the date year-less', () => {
    expect(eventOf('Mereka bertemu di Tokyo, Jumat (21/6).')).toBe('--06-21');
    expect(eventOf('Peluncuran digelar Senin (3/3).', { at: new Date('2025-03-04T00:00:00Z') })).toBe('--03-03');
  });

  it('a weekday that fits several years next to the text\'s years stays year-less', () => {
    // 2 March was a Monday in 2020 and 2026 (and 2015): the text mentions 2019 and 2026.
    expect(eventOf('Peluncuran digelar Senin (2/3). Target 2019 sudah lewat, target 2026 belum.', { at: new Date('2026-06-01T00:00:00Z') })).toBe('--03-02');
  });

  it('the store\'s "date YYYY-MM" month marker gives a day without a weekday its year', () => {
    expect(dates('Rapat digelar di Jakarta (27/6).', { month: '2019-06' }).eventDate).toBe('2019-06-27');
  });

  it('looks near the caller\'s publication date when one is given', () => {
    expect(eventOf('Mereka bertemu, Jumat (21/6).', { published: '2019-06-22' })).toBe('2019-06-21');
  });

  it('without weekday, context or publication date the date stays year-less', () => {
    expect(eventOf('Rapat digelar di Jakarta (5/8).', { published: '2024-08-06' })).toBe('2024-08-05');
    expect(eventOf('Rapat digelar di Bandung (20/12).', { at: new Date('2026-01-10T00:00:00Z') })).toBe('--12-20');
  });

  it('reads an English copy\'s month/day "(6/27)" when day/month is impossible', () => {
    expect(eventOf('The deal was signed in Osaka, Thursday (6/27). Published 28 June 2019.')).toBe('2019-06-27');
  });
});

describe('event versus publication date', () => {
  it('a press-release date is the publication date, the meeting date the event', () => {
    const text =
      'The ministers met in Tokyo on Friday, June 21, 2024. According to the ministry in its press release on Sunday, June 23, 2024, they agreed.';
    expect(dates(text)).toEqual({ eventDate: '2024-06-21', publishedDate: '2024-06-23' });
  });

  it('a statement date stands in for the event when nothing else is dated', () => {
    expect(eventOf('"Ini penting," jelas direktur di Jakarta (24/7/2023).')).toBe('2023-07-24');
  });

  it('the dateline date is the event when no event cue is dated, and the publication date', () => {
    expect(dates('Pemerintah menaikkan tarif.', { dateline: 'Jakarta, Kamis (13/11/2025)' })).toEqual({
      eventDate: '2025-11-13',
      publishedDate: '2025-11-13',
    });
  });

  it('a date stamp line and the caller\'s date set the publication date; the caller wins', () => {
    expect(dates('Rapat digelar 1 Juni 2024.', { stamps: ['Senin, 3 Juni 2024 | 10:15 WIB'] }).publishedDate).toBe('2024-06-03');
    expect(dates('Rapat digelar 1 Juni 2024.', { stamps: ['3 Juni 2024'], published: '2024-06-04' }).publishedDate).toBe('2024-06-04');
  });

  it('a statement dated only by its weekday gives the publication date in the week after the event', () => {
    const text = 'Menteri bertemu mitra di Tokyo, Jumat (21/6/2024). Mengutip siaran pers kementerian, Minggu, menteri memuji mitra.';
    expect(dates(text)).toEqual({ eventDate: '2024-06-21', publishedDate: '2024-06-23' });
    expect(dates('The ministers met on June 21, 2024, the ministry said on Sunday.').publishedDate).toBe('2024-06-23');
    // Lower-case "minggu" means "week".
    expect(dates('Rapat digelar 21 Juni 2024, kata dia dua minggu, lalu.').publishedDate).toBeNull();
  });

  it('never returns a date after now', () => {
    expect(dates('Pameran akan digelar pada 1 Januari 2030.')).toEqual({ eventDate: null, publishedDate: null });
    expect(dates('Rapat digelar 1 Juni 2024.', { published: '2031-01-01' }).publishedDate).toBeNull();
  });

  it('a planned date ("akan ... dimulai pada", "will begin on") is never the event', () => {
    const id = 'Menteri meresmikan program itu, kata dia, Selasa, 10 September 2024. Sebanyak 40 siswa akan dikirim untuk pelatihan yang dimulai pada 24 September 2024.';
    expect(eventOf(id)).toBe('2024-09-10');
    const en = 'The minister said on Tuesday, September 10, 2024, that the class opened. Students will begin training on September 24, 2024.';
    expect(eventOf(en)).toBe('2024-09-10');
    expect(eventOf('Protokol itu dapat ditandatangani pada 16-17 Desember 2023 mendatang.')).toBeNull();
  });

  it('an event date long before the article\'s own date is background, not the news', () => {
    const text = 'The model was first introduced on February 23, 2021. "It is a milestone," the president said on Wednesday, March 16, 2022.';
    expect(eventOf(text)).toBe('2022-03-16');
  });

  it('an event dated by the weekday that an event word leads up to beats one only followed by an event word', () => {
    const text = 'Delegasi berangkat Jumat (19/5/2023) untuk menghadiri KTT. Presiden bertemu perdana menteri pada Sabtu (20/5/2023).';
    expect(eventOf(text)).toBe('2023-05-20');
  });

  it('a bare weekday ("said on Tuesday") is counted back from the publication date', () => {
    expect(dates('The chief executive said on Tuesday that the plant will open.', { stamps: ['Wed, September 17, 2014'] }).eventDate).toBe('2014-09-16');
  });

  it('a photo caption\'s date lends its year and counts only when the text dates nothing else', () => {
    expect(eventOf('Pekerja bertemu mitra, Minggu (26/2/2023).', { captions: ['Pekerja di pabrik, Rabu (8/4/2020). (FOTO AGENSI/Nama Fotografer)'] })).toBe('2023-02-26');
    expect(eventOf('The port reached a milestone on Friday by delivering cars.', { captions: ['Cars at the port on December 17, 2021.'] })).toBe('2021-12-17');
  });
});

