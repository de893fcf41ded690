// The words of a report that survive translation, read from its headline and
// lead: names and acronyms (as written in both languages), amounts with their
// scale and unit normalised ("Rp 11,2 triliun" = "IDR11.2 trillion"), places,
// and content words mapped onto one concept through the bilingual lexicon
// ("hidrogen" and "hydrogen" are one signal). Words with no translation and
// no capital are left out: they cannot match a report in the other language,
// so counting them would favour same-language pairs.
import type { Language } from '../model/article.js';
import { NON_NAME_WORDS, PLACE_BY_ALIAS } from '../nlp/name-lexicon.js';
import { monthNumber } from '../nlp/find-dates.js';
import { readNumber, scaleOf } from '../nlp/read-number.js';
import { stemIndonesian } from '../nlp/stem-indonesian.js';
import { isAnyStopWord } from '../nlp/stop-words.js';
import type { Lexicon } from '../search/lexicon.js';
import { foldWord } from '../text/normalize.js';

/** Signal key -> weight before rarity. Keys: "w:" name, "n:" number, "c:" concept, "l:" place. */
export type SignalWeights = Map<string, number>;

export const SIGNAL_WEIGHT = { name: 2, amount: 3, number: 2, percent: 1.5, concept: 1, place: 0.5 } as const;

/** How much of a long article is read: reports state the event, its people and its figures first. */
export const LEAD_CHARS = 3_000;

/** Lexicon terms grouped into concepts: every term of a group maps to the same key. */
export interface Concepts {
  /** Folded term (one to three words) -> concept key. */
  byTerm: Map<string, string>;
  /** First words of the terms longer than one word: only these start a phrase look-up. */
  phraseStarts: Set<string>;
  /** Every term's first words short of the whole ("battery", "battery swap" of "battery swap station"): a phrase look-up stops at the first that is not one. */
  phrasePrefixes: Set<string>;
  /** Longest term, in words. */
  maxWords: number;
  /** Inflected word -> concept key or null, per language (stemming is the costly part). */
  inflected: Record<Language, Map<string, string | null>>;
}

const conceptCache = new WeakMap<Lexicon, Concepts>();

/** Groups the lexicon's translation pairs into concepts (terms linked through any pair are one concept). */
export function conceptsOf(lexicon: Lexicon): Concepts {
  const cached = conceptCache.get(lexicon);
  if (cached) return cached;
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const join = (a: string, b: string) => {
    for (const t of [a, b]) if (!parent.has(t)) parent.set(t, t);
    const [ra, rb] = [find(a), find(b)];
    // The shorter, then alphabetically first term names the concept: stable whatever the file order.
    if (ra === rb) return;
    if (ra.length < rb.length || (ra.length === rb.length && ra < rb)) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const [term, translations] of lexicon) for (const t of translations) join(term, t);
  const byTerm = new Map<string, string>();
  const phraseStarts = new Set<string>();
  const phrasePrefixes = new Set<string>();
  let maxWords = 1;
  for (const term of parent.keys()) {
    byTerm.set(term, find(term));
    const words = term.split(' ');
    if (words.length > 1) phraseStarts.add(words[0]!);
    for (let k = 1; k < words.length; k++) phrasePrefixes.add(words.slice(0, k).join(' '));
    maxWords = Math.max(maxWords, words.length);
  }
  const concepts: Concepts = { byTerm, phraseStarts, phrasePrefixes, maxWords: Math.min(maxWords, 4), inflected: { id: new Map(), en: new Map() } };
  conceptCache.set(lexicon, concepts);
  return concepts;
}

const CURRENCY = /^(?:rp\.?|idr|us\$|usd|\$|¥|jpy)$/i;
const SCALE_WORD = /^(?:ribu|juta|miliar|milyar|triliun|thousand|million|billion|trillion)$/i;
const UNITS: Record<string, string> = {
  '%': '%', persen: '%', percent: '%', kwh: 'kwh', km: 'km', mw: 'mw', gw: 'gw', ton: 't', tons: 't', tonnes: 't', tonnage: 't',
};

interface Token {
  text: string;
  folded: string;
  /** Punctuation between this word and the one before ("Corporation (MMC)"): not one name. */
  gap: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
  /** First word of a sentence or headline, where a capital says nothing about the word. */
  initial: boolean;
}

const TOKEN = /(?:IDR|USD|JPY)(?=\s?\d)|US\$|Rp\.?|[$¥%]|\d+(?:[.,]\d+)*[\p{L}]*|[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/**
 * A short line without a full stop, most of whose words are capitalised, is a
 * headline: its capitals say nothing about names.
 */
function titleCased(line: string): boolean {
  const [long, capitalised] = longWords(line);
  if (long < 3 || long > 16 || /[.!?]["”']?\s*$/.test(line.trim())) return false;
  return capitalised >= 0.6 * long;
}

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** How many runs of four letters or more a line has, and how many of them start with a capital; by char codes when the line is plain ASCII. */
export function longWords(line: string): [number, number] {
  let long = 0;
  let capitalised = 0;
  for (let i = 0; i < line.length; ) {
    const c = line.charCodeAt(i);
    if (c > 127) {
      // Not plain ASCII: letters of any script count.
      const runs = line.match(/\p{L}{4,}/gu) ?? [];
      return [runs.length, runs.filter((w) => /^\p{Lu}/u.test(w)).length];
    }
    if (!isAsciiLetter(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < line.length && isAsciiLetter(line.charCodeAt(end))) end++;
    if (end - i >= 4) {
      long++;
      if (c <= 90) capitalised++;
    }
    i = end;
  }
  return [long, capitalised];
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const line of text.split('\n')) {
    const headline = titleCased(line);
    let last = 0;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(line); m !== null; m = TOKEN.exec(line)) {
      // What stands between this word and the previous one: spaces only, a sentence end, an opening quote.
      let k = m.index - 1;
      while (k >= last && isSpace(line.charCodeAt(k))) k -= 1;
      const gap = k >= last;
      const mark = gap ? line[k]! : '';
      const initial = last === 0 || ((mark === '.' || mark === '!' || mark === '?' || mark === ':') && k < m.index - 1) || mark === '"' || mark === '“' || mark === '(';
      // "Japan's" is Japan: the possessive is not part of the name.
      let word = m[0];
      if (word.length > 2 && (word.endsWith("'s") || word.endsWith('’s'))) word = word.slice(0, -2);
      const first = word[0]!;
      out.push({ text: word, folded: foldWord(word), gap, cap: first !== first.toLowerCase(), initial: initial || headline });
      last = m.index + m[0].length;
    }
  }
  return out;
}

function isName(t: Token): boolean {
  if (!t.cap || t.folded.length < 2 || /\d/.test(t.text) || CURRENCY.test(t.text)) return false;
  return !isAnyStopWord(t.folded) && !NON_NAME_WORDS.has(t.folded);
}

const isAcronym = (t: Token) => /^\p{Lu}[\p{Lu}\d-]+$/u.test(t.text) && t.text.length <= 10;

const SHORT_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, t: 1e12 };

/** Words after a small number that make it a date, a time or an age rather than a count of things. */
const NOT_COUNTED = new Set(['tahun', 'years', 'year', 'hari', 'days', 'day', 'bulan', 'months', 'month', 'jam', 'hours', 'menit', 'minutes', 'wib', 'am', 'pm', 'persen', 'percent']);

/**
 * A bare number worth matching: from 100 up (not a year), or a count of things
 * from 10 up ("40 students", "40 siswa"); a bare small number next to a month
 * or a time word is part of a date.
 */
function countOf(tokens: readonly Token[], i: number, amount: number): boolean {
  if (/^\d{4}$/.test(tokens[i]!.text) && amount >= 1900 && amount <= 2100) return false;
  if (amount >= 100) return true;
  if (amount < 10 || !Number.isInteger(amount)) return false;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  const dateWord = (t: Token | undefined) => t !== undefined && (monthNumber(t.folded) !== null || NOT_COUNTED.has(t.folded));
  return next !== undefined && /^\p{L}/u.test(next.text) && !dateWord(next) && !dateWord(prev);
}

/** Reads the number at tokens[i] with its currency, scale and unit; returns the key and how many tokens it took. */
function readAmount(tokens: readonly Token[], i: number, language: Language): { key: string; weight: number; used: number } | null {
  const prev = tokens[i - 1];
  const currency = prev !== undefined && CURRENCY.test(prev.text);
  const parts = /^(\d+(?:[.,]\d+)*?)[.,]?(\p{L}*)$/u.exec(tokens[i]!.text);
  if (!parts) return null;
  const written = parts[1]!;
  const glued = parts[2]!.toLowerCase();
  let scale = 1;
  let unit: string | undefined;
  let used = 1;
  // Short scale marks ("$600m", "US$2bn") are read only after a currency, where "m" cannot be metres.
  if (glued && currency && SHORT_SCALES[glued]) scale = SHORT_SCALES[glued];
  else if (glued && SCALE_WORD.test(glued)) scale = scaleOf(glued);
  else if (glued && UNITS[glued]) unit = UNITS[glued];
  else if (glued) return null;
  const next = tokens[i + used];
  if (scale === 1 && !unit && next && SCALE_WORD.test(next.text)) {
    scale = scaleOf(next.folded);
    used += 1;
  }
  const unitToken = tokens[i + used];
  if (!unit && unitToken && UNITS[unitToken.folded || unitToken.text]) {
    unit = UNITS[unitToken.folded || unitToken.text];
    used += 1;
  }
  const value = readNumber(written, language);
  if (value === null || !Number.isFinite(value)) return null;
  const amount = value * scale;
  const plain = !currency && scale === 1 && !unit;
  if (plain && !countOf(tokens, i, amount)) return null;
  const key = `n:${Math.round(amount * 1000) / 1000}${unit ?? ''}`;
  const weight = unit === '%' ? SIGNAL_WEIGHT.percent : currency || scale > 1 ? SIGNAL_WEIGHT.amount : SIGNAL_WEIGHT.number;
  return { key, weight, used };
}

const CACHE_LIMIT = 50_000;

/** The concept the words at tokens[i] name, longest lexicon term first, with the number of words used. */
function readConcept(tokens: readonly Token[], i: number, language: Language, concepts: Concepts): { key: string; used: number } | null {
  const word = tokens[i]!.folded;
  if (concepts.phraseStarts.has(word)) {
    let term = word;
    let best: { key: string; used: number } | null = null;
    for (let n = 2; n <= concepts.maxWords && i + n <= tokens.length; n++) {
      term += ` ${tokens[i + n - 1]!.folded}`;
      const key = concepts.byTerm.get(term);
      if (key) best = { key, used: n };
      // No longer term starts with these words (terms and prefixes are split at the same spaces).
      if (!concepts.phrasePrefixes.has(term)) break;
    }
    if (best) return best;
  }
  const key = concepts.byTerm.get(word) ?? inflectedConcept(word, language, concepts);
  return key ? { key, used: 1 } : null;
}

/** Inflected forms: Indonesian affixes ("pembangunan" -> "bangun"), English plurals. */
function inflectedConcept(word: string, language: Language, concepts: Concepts): string | null {
  const cache = concepts.inflected[language];
  let key = cache.get(word);
  if (key === undefined) {
    const bases = language === 'id' ? [stemIndonesian(word)] : [word.replace(/(?<=\w{3})es$/, ''), word.replace(/(?<=\w{3})s$/, '')];
    key = bases.map((b) => (b !== word ? concepts.byTerm.get(b) : undefined)).find((k) => k !== undefined) ?? null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, key);
  }
  return key;
}

export interface EventSignals {
  weights: SignalWeights;
  /** Name key -> the whole name it was first seen in ("w:hartarto" -> "airlangga hartarto"). */
  nameOf: Map<string, string>;
}

/** The translation-proof signals of a report: its headline and the lead of its body. */
export function eventSignals(title: string, body: string, language: Language, concepts: Concepts): EventSignals {
  const weights: SignalWeights = new Map();
  const nameOf = new Map<string, string>();
  let run: string[] = [];
  let runEnd = -1;
  const endRun = () => {
    const whole = run.join(' ');
    for (const part of run) if (!nameOf.has(`w:${part}`)) nameOf.set(`w:${part}`, whole);
    run = [];
  };
  const put = (key: string, w: number) => {
    const had = weights.get(key);
    if (had === undefined || had < w) weights.set(key, w);
  };
  const tokens = tokenize(`${title}\n${body.slice(0, LEAD_CHARS)}`);
  // A capitalised word that only ever opens a sentence is not known to be a name.
  const midSentenceCaps = new Set<string>();
  for (const t of tokens) if (t.cap && !t.initial) midSentenceCaps.add(t.folded);
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    const c0 = t.text.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) {
      const amount = readAmount(tokens, i, language);
      if (amount) put(amount.key, amount.weight);
      i += amount?.used ?? 1;
      continue;
    }
    const place = PLACE_BY_ALIAS.get(t.folded);
    if (place && t.cap) {
      put(`l:${place.toLowerCase()}`, SIGNAL_WEIGHT.place);
      i += 1;
      continue;
    }
    const concept = readConcept(tokens, i, language, concepts);
    if (concept) {
      // "Japanese" / "Jepang" are in the lexicon, but they are places, as weak as "Japan".
      const conceptPlace = PLACE_BY_ALIAS.get(concept.key);
      if (conceptPlace) put(`l:${conceptPlace.toLowerCase()}`, SIGNAL_WEIGHT.place);
      else put(`c:${concept.key}`, SIGNAL_WEIGHT.concept);
      i += concept.used;
      continue;
    }
    if (isName(t) && (isAcronym(t) || !t.initial || midSentenceCaps.has(t.folded))) {
      put(`w:${t.folded}`, SIGNAL_WEIGHT.name);
      // Consecutive name words are one name ("Airlangga Hartarto"); an acronym stands alone.
      if (run.length > 0 && (runEnd !== i - 1 || isAcronym(t) || t.gap)) endRun();
      run.push(t.folded);
      runEnd = i;
      if (isAcronym(t)) endRun();
    }
    i += 1;
  }
  endRun();
  return { weights, nameOf };
}
