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
// scoring sentences: remember each word's term (its stem, or null for a word
// that is dropped), dropping the memory when it grows too big. One look-up per
// word instead of lower-casing it, a stop-word look-up and a stem look-up.
const TERM_CACHE_LIMIT = 50_000;
const termCache: Record<Language, Map<string, string | null>> = { id: new Map(), en: new Map() };

/** Whether a word (lower case) is left out of a text's terms: a stop word, or a single character that is not a digit. */
function dropped(lower: string, language: Language): boolean {
  return lower.length < 2 ? !/\d/.test(lower) : isStopWord(lower, language);
}

/** The word's stemmed term, or null when it is dropped. */
function stemmedTerm(word: string, language: Language): string | null {
  const cache = termCache[language];
  let out = cache.get(word);
  if (out === undefined) {
    out = dropped(word.toLowerCase(), language) ? null : stemUncached(word, language);
    if (cache.size >= TERM_CACHE_LIMIT) cache.clear();
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
    if (options.stem) {
      const term = stemmedTerm(w, language);
      if (term !== null) out.push(term);
      continue;
    }
    const lower = w.toLowerCase();
    if (!dropped(lower, language)) out.push(lower);
  }
  return out;
}
