// Word tokens and content terms (stop-words removed, optionally stemmed) for
// similarity and scoring. Numbers are kept as terms: they anchor facts.
import type { Language } from '../model/article.js';
import { stemEnglish } from './stem-english.js';
import { stemIndonesian } from './stem-indonesian.js';
import { isStopWord } from './stop-words.js';

const WORD = /[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu;

/** Surface words, in order, with inner hyphens and number separators kept ("Rp2,5", "negara-negara"). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function stemUncached(word: string, language: Language): string {
  if (/\d/.test(word) || /^\p{Lu}{2,}$/u.test(word)) return word.toLowerCase();
  return language === 'id' ? stemIndonesian(word) : stemEnglish(word);
}

// News vocabulary repeats across articles, and stemming is most of the cost of
// scoring sentences: remember stems, dropping the memory when it grows too big.
const STEM_CACHE_LIMIT = 50_000;
const stemCache: Record<Language, Map<string, string>> = { id: new Map(), en: new Map() };

export function stem(word: string, language: Language): string {
  const cache = stemCache[language];
  let out = cache.get(word);
  if (out === undefined) {
    out = stemUncached(word, language);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, out);
  }
  return out;
}

export interface TermOptions {
  stem: boolean;
}

/** Content terms of a text: lower-cased, stop-words dropped, stemmed when asked. */
export function terms(text: string, language: Language, options: TermOptions = { stem: true }): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const lower = w.toLowerCase();
    if (lower.length < 2 ? !/\d/.test(lower) : isStopWord(lower, language)) continue;
    out.push(options.stem ? stem(w, language) : lower);
  }
  return out;
}
