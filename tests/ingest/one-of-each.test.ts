// One rule set each: the date finder, the clutter rules, the stop words and the
// site-suffix stripper are shared by every module that needs them, so they
// cannot drift apart again.
import { describe, expect, it } from 'vitest';
import { isClutterLine as isPageClutterLine } from '../../src/fetch/page-clutter.js';
import { stripSiteSuffix as stripPageTitle } from '../../src/fetch/page-metadata.js';
import { isClutterLine } from '../../src/ingest/clutter-rules.js';
import { stripSiteSuffix } from '../../src/ingest/site-suffix.js';
import { findDates } from '../../src/nlp/find-dates.js';
import { ALL_STOP_WORDS, isStopWord } from '../../src/nlp/stop-words.js';
import { STOPWORDS } from '../../src/search/stopwords.js';

describe('one of each', () => {
  it('every module reads the older Indonesian month spellings and abbreviations', () => {
    expect(findDates('Rapat 5 Pebruari 2024, 9 Nopember 2024 dan 17 Agt 2024.').map((d) => d.month)).toEqual([2, 11, 8]);
  });

  it('a fetched page drops every line the text cleaner drops', () => {
    for (const line of ['Rate this item', '2,345 total views', 'Translator: Nama Orang', 'Tidak ada komentar:', 'Editor: Sari']) {
      expect(isClutterLine(line), line).toBe(true);
      expect(isPageClutterLine(line), line).toBe(true);
    }
  });

  it('search and the summariser share one stop-word list', () => {
    for (const word of ['yang', 'terhadap', 'the', 'according', 'ujarnya']) {
      expect(STOPWORDS.has(word), word).toBe(true);
      expect(isStopWord(word, 'id') || isStopWord(word, 'en'), word).toBe(true);
    }
    expect([...STOPWORDS].every((w) => ALL_STOP_WORDS.has(w))).toBe(true);
  });

  it('page titles and pasted headlines lose the site name the same way', () => {
    for (const title of ['Harga Mobil Listrik Turun - contoh.co.id', 'Japan to train technicians | Asia Wire', 'Toyota ready to invest: minister - minister']) {
      expect(stripPageTitle(title)).toBe(stripSiteSuffix(title));
    }
    expect(stripSiteSuffix('Harga Mobil Listrik Turun - contoh.co.id')).toBe('Harga Mobil Listrik Turun');
  });
});
