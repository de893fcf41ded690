// tinyld's `detectAll` (its "normal" build, version 1.3), step for step, over
// the compact profiles of language-profiles.ts: the same chunks, grams, sums
// in the same order and the same rounding, so the same ranking and the same
// accuracies (a test compares both on the seed and dev articles and on mixed
// and random text). Only its way of holding the profiles differs.
import type { LanguageProfiles } from './language-profiles.js';

export interface RankedLanguage {
  /** ISO 639-1 code, as tinyld names it. */
  lang: string;
  accuracy: number;
}

// tinyld's "normal" gram sizes, chunk and word separators, and the clean-up of a chunk.
const GRAM_SIZES = [1, 2, 3, 4, 5];
const CHUNK_SEPARATOR = /([,，、。!¿?！？":;()「」{}„“«»”"“<>⋯《》*]|[.[\]\\])+/;
const WORD_SEPARATOR = /[ ]+/;
const PUNCTUATION = /[,.。，、#%&/\\+*¡!¿?[\]！？;:…„“«»”"“_–—~]/gi;
const DIGITS = /[0-9]/g;
const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19]/g;
const SPACES = /\s\s+/g;
const APOSTROPHE = /’/gi;
const MARKS = /[\u0300-\u036f]/g;
/** Chunks weighed per text, the longest first. */
const MAX_CHUNKS = 7;
/** Languages a word's ranking passes on. */
const MAX_PER_WORD = 8;

function cleanChunk(text: string): string {
  return text
    .toLowerCase()
    .replace(APOSTROPHE, "'")
    .replace(PUNCTUATION, ' ')
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 65248))
    .replace(DIGITS, '')
    .replace(SPACES, ' ')
    .trim();
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/**
 * The grams of `size` code units of the text padded with size - 1 spaces each
 * side. tinyld builds each one character by character, leaving out a space
 * that follows a space within it, and keeps it only when nothing was left
 * out: a window without two spaces in a row; and not all white space.
 */
function gramsOf(text: string, size: number): string[] {
  const pad = ' '.repeat(size - 1);
  const padded = pad + text + pad;
  const out: string[] = [];
  for (let b = 0; b < padded.length - (size - 1); b++) {
    const gram = padded.slice(b, b + size);
    if (!gram.includes('  ') && gram.trim().length > 0) out.push(gram);
  }
  return out;
}

/** What the ranking is restricted to: the numbers of the languages a word is weighed for, in tinyld's order, and their places. */
interface Scope {
  only: readonly string[];
  weighed: number[];
  place: Int16Array;
}

function scopeOf(profiles: LanguageProfiles, only: readonly string[]): Scope {
  const weighed: number[] = [];
  profiles.codes.forEach((code, i) => {
    if (only.length === 0 || only.includes(code) || only.includes(profiles.iso2[i]!)) weighed.push(i + 1);
  });
  const place = new Int16Array(profiles.codes.length + 1).fill(-1);
  weighed.forEach((n, p) => (place[n] = p));
  return { only, weighed, place };
}

/** The language of the first gram (by size, then place) that belongs to one language only and is allowed; '' when none. */
function uniqueLanguage(profiles: LanguageProfiles, chunk: string, scope: Scope): string {
  for (const size of GRAM_SIZES) {
    for (const gram of gramsOf(chunk, size)) {
      const g = profiles.grams.get(gram);
      const n = g === undefined ? 0 : profiles.unique[g]!;
      if (n === 0) continue;
      const iso2 = profiles.iso2[n - 1]!;
      if (scope.only.length === 0 || scope.only.includes(iso2)) return iso2;
    }
  }
  return '';
}

/** A word's top languages by the summed weights of its grams, with tinyld's accuracy (1 for the best). */
function rankWord(profiles: LanguageProfiles, word: string, scope: Scope): RankedLanguage[] {
  const sums = new Float64Array(scope.weighed.length);
  const { start, lang, weight } = profiles;
  for (const size of GRAM_SIZES) {
    for (const raw of gramsOf(word, size)) {
      const gram = raw.normalize('NFD').replace(MARKS, '');
      const g = profiles.grams.get(gram);
      if (g === undefined) continue;
      for (let e = start[g]!; e < start[g + 1]!; e++) {
        const p = scope.place[lang[e]!]!;
        if (p >= 0) sums[p] = sums[p]! + (weight[e]! * gram.length) / 4;
      }
    }
  }
  const ranked = scope.weighed.map((n, p) => [n, sums[p]!] as const);
  ranked.sort((a, b) => b[1] - a[1]);
  const best = Math.max(...sums) || 1;
  return ranked.slice(0, MAX_PER_WORD).map(([n, sum]) => ({ lang: profiles.iso2[n - 1]!, accuracy: 1 - round4((best - sum) / best) }));
}

/** tinyld's `detectAll(text, { only })`: languages by accuracy, best first (those with none left out). */
export function rankLanguages(profiles: LanguageProfiles, text: string, only: readonly string[] = []): RankedLanguage[] {
  const scope = scopeOf(profiles, only);
  const chunks = text
    .split(CHUNK_SEPARATOR)
    .map(cleanChunk)
    .filter((c) => c.length > 0);
  chunks.sort((a, b) => b.length - a.length);
  let total = 0;
  const sums = new Map<string, number>();
  const add = (lang: string, v: number) => sums.set(lang, (sums.get(lang) || 0) + v);
  for (const chunk of chunks.slice(0, MAX_CHUNKS)) {
    const unique = uniqueLanguage(profiles, chunk, scope);
    if (unique) {
      add(unique, chunk.length);
      total += chunk.length;
      continue;
    }
    for (const word of chunk.split(WORD_SEPARATOR)) {
      for (const ranked of rankWord(profiles, word, scope)) add(ranked.lang, ranked.accuracy);
      total += word.length;
    }
  }
  const ranked = [...sums].filter(([, v]) => v > 0);
  ranked.sort((a, b) => b[1] - a[1]);
  return ranked.map(([lang, v]) => ({ lang, accuracy: v / total }));
}
