// Key figures: each number with the words that make it meaningful, e.g.
// "99 kendaraan per 1.000 penduduk" or "Net Zero Emission pada tahun 2060".
// Dates, ordinals ("5th") and bare years are skipped; a year stays when the
// sentence sets a target for it.
import type { KeyFigure, Language } from '../model/article.js';
import { englishWordNumbers } from '../nlp/wink-english.js';
import { findDates } from '../nlp/find-dates.js';
import { numberKey } from '../nlp/read-number.js';
import { conversionAfter, headBefore, tailAfter } from './figure-context.js';

const SCALE = String.raw`(?:ribu|juta|miliar|milyar|triliun|thousand|million|billion|trillion)`;
// A currency written after the amount: "2 miliar dolar AS", "35 billion rupiah", "11.2 trillion Indonesian rupiahs".
const CURRENCY_AFTER = String.raw`(?:dolar(?:\s+AS)?|dollars?|(?:Indonesian\s+)?rupiahs?|yen|euros?|USD|IDR|JPY|EUR)`;
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\d/.,:-])((?:Rp|US\$|S\$|\$|€|¥|(?:USD|IDR|JPY|EUR)\s)\s?)?(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(%|persen|percent|per cent))?(?:\s(${SCALE}))?(?:\s(${CURRENCY_AFTER}))?(?![\p{L}\d]|[/.,]\d)`,
  'giu',
);
// Patterns on the text before a number are written `$(?<=words)`: the engine tests for the end at
// each position and reads the words back from there once, instead of trying them at every position
// of the sentence (the same answers, several times cheaper; figuresIn tests them for every number).
// A clock time is not a figure: "16:02 WIB", "pukul 10.00", "02 WIB".
const TIME_AFTER = /^\s*(?:WIB|WITA|WIT|GMT|UTC|a\.m\.|p\.m\.|am\b|pm\b)/i;
const TIME_BEFORE = /$(?<=(?:pukul|jam)\s*)/i;
const CLOCK_AT = /^\d{1,2}[.:]\d{2}$/;
// "16-17 Desember" is a date range: both numbers belong to the date.
const DAY_RANGE_AFTER = /^\s?[-–]\s?\d{1,2}\s+(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|des|okt|agt)\b/i;
// A range's upper end belongs to the value: "4-5 menit", "IDR 350-400".
const RANGE_END = /^\s?[-–]\s?\d+(?:[.,]\d+)?(?![\d\p{L}])/u;
// "from 60,000 to 180,000 vehicles": the first number is read with the second.
const RANGE_LINK = /^\s+(?:to|menjadi|hingga|sampai|ke)\s+(?:Rp\s?|US\$|\$)?\d/i;
// Sidebars, related-article lists and page counters: "1 Vote", "1,439 total views", "« Porsche reports".
const PAGE_COUNTER = /[«»]|\b(?:votes?|views|comments?|shares|likes|dibaca|komentar)\b/i;
// A year is a figure only as a target: the word that sets it stands just before it ("by 2030", "target … 2035").
const TARGET = /\b(target\w*|menargetkan|sasaran|goals?|aims?|pledg\w*|komitmen|commit\w*|by|pada tahun|hingga|until)\b[^.;]{0,30}$/i;
const MONTH_OR_DAY_BEFORE = /$(?<=(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|des|okt)\.?\s*)/i;
// "dari 220.000 menjadi 250.000": the words before a number that make it the end of a change.
const CHANGE_BEFORE = /$(?<=\d[\d.,]*\s+(?:to|menjadi|hingga|sampai|ke)\s*)/i;
const MAX_FIGURES = 6;
// A lone word that ties a figure to the one before it in the same clause.
const LINK = /^(?:to|into|ke|menjadi|hingga|sampai|sebesar|mencapai)$/i;

interface Hit {
  figure: KeyFigure;
  /** The figure's value, plus that of a conversion given with it, so neither repeats. */
  keys: string[];
  informative: boolean;
}

// findDates knows where each date ends, a range's last day included ("16 - 17 Desember 2023").
function dateSpansOf(sentence: string): [number, number][] {
  return findDates(sentence).map((d) => [d.index, d.end] as [number, number]);
}

function isDatePart(sentence: string, index: number, end: number, dateSpans: [number, number][]): boolean {
  if (dateSpans.some(([s, e]) => index >= s && end <= e)) return true;
  return MONTH_OR_DAY_BEFORE.test(sentence.slice(0, index)) || /^(st|nd|rd|th)\b/i.test(sentence.slice(end));
}

function keyOf(digits: string, scale: string | undefined, percent: string | undefined, language: Language): string {
  return `${numberKey(digits, language, scale) ?? digits}${percent ? '%' : ''}`;
}

function conversionKeys(conversion: string, language: Language): string[] {
  return [...conversion.matchAll(NUMBER)].map((m) => keyOf(m[2]!, m[4], m[3], language));
}

/** A line of capitalised words (a headline, a related-article link) reads as a title, not as a fact. */
function isHeadlineLike(sentence: string): boolean {
  const words = sentence.match(/\p{L}{3,}/gu) ?? [];
  if (words.length < 4) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.7;
}

function figuresIn(sentence: string, language: Language): Hit[] {
  if (!/\d/.test(sentence) || PAGE_COUNTER.test(sentence) || isHeadlineLike(sentence)) return [];
  const dateSpans = dateSpansOf(sentence);
  const dateEnds = dateSpans.map(([, e]) => e);
  const hits: Hit[] = [];
  let consumedUntil = -1;
  let lastHead = '';
  for (const m of sentence.matchAll(NUMBER)) {
    const index = m.index;
    let end = index + m[0].length;
    if (index < consumedUntil || isDatePart(sentence, index, end, dateSpans)) continue;
    const after = sentence.slice(end);
    const [, currency, digits, percent, scale, currencyAfter] = m;
    if (TIME_AFTER.test(after) || TIME_BEFORE.test(sentence.slice(0, index)) || DAY_RANGE_AFTER.test(after)) continue;
    if (CLOCK_AT.test(digits!) && /\bat\s*$/i.test(sentence.slice(0, index))) continue;
    if (/(?<![\p{L}])CO\s?$/u.test(sentence.slice(0, index))) continue; // "CO 2" is a formula
    const isYear = /^(19|20)\d{2}$/.test(digits!) && !currency && !percent && !scale && !currencyAfter;
    if (isYear && !TARGET.test(sentence.slice(0, index))) continue;
    if (/^\s*(min|menit)\s+read/i.test(after)) continue;
    const range = percent || scale || currencyAfter ? null : RANGE_END.exec(after);
    if (range) end += range[0].length;
    const bare = !currency && !percent && !scale && !currencyAfter;
    // "from 60,000 to 180,000": the first end of a range is read with the second.
    if (bare && !range && RANGE_LINK.test(sentence.slice(end))) continue;
    const money = Boolean(currency || currencyAfter);
    const conversion = money ? conversionAfter(sentence, end) : '';
    const afterValue = end + conversion.length;
    const tail = isYear ? '' : tailAfter(sentence, afterValue, money, Boolean(percent));
    // "Sales rose 12% … to 48,000 units": the second figure borrows the first one's verb.
    const own = headBefore(sentence, index, [...dateEnds, consumedUntil]);
    const head = hits.length > 0 && LINK.test(own) ? `${lastHead} ${own}` : own;
    // A bare number says nothing, unless it ends a change ("dari 220.000 menjadi 250.000").
    const endsChange = CHANGE_BEFORE.test(sentence.slice(0, index));
    if (!isYear && !tail && bare && !endsChange) continue;
    lastHead = head;
    consumedUntil = tail ? sentence.indexOf(tail.trim(), afterValue) + tail.trim().length : afterValue;
    const value = sentence.slice(index, end).trim();
    if (isYear && !head && !tail) continue; // a year alone says nothing
    // A unit glued with a hyphen stays glued: "350-bar pump", not "350 -bar pump".
    const context = [head, value + conversion + (/^[-–]/.test(tail) ? tail : ''), /^[-–]/.test(tail) ? '' : tail].join(' ').replace(/\s+/g, ' ').trim();
    const keys = [keyOf(digits!, scale, percent, language), ...conversionKeys(conversion, language)];
    hits.push({ figure: { value, context: trimContext(context) }, keys, informative: isYear || endsChange || !bare || Boolean(tail) });
  }
  return hits;
}

function trimContext(context: string): string {
  if (context.length <= 120) return context;
  return '…' + context.slice(context.length - 119).replace(/^\S*\s/, '');
}

// Indonesian numbers in words: a short closed list, so a pattern does what a model would ("enam sektor").
// "satu" and "dua" are left out: "salah satu", "kedua belah pihak" count nothing.
const ID_WORD_NUMBER = /(?<![\p{L}])(?:(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\s+(?:belas|puluh)|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)(?:\s+(?:ribu|juta|miliar|triliun))?(?![\p{L}])/giu;
// "tujuh belas bulan lalu", "three years ago": a time back, not a figure.
const TIME_AGO = /^\s+\p{L}+\s+(?:lalu|yang lalu|ago|earlier)(?![\p{L}])/iu;

function indonesianWordNumbers(sentence: string): { value: string; index: number }[] {
  return [...sentence.matchAll(ID_WORD_NUMBER)].map((m) => ({ value: m[0], index: m.index }));
}

// "the two countries", "kedua negara": a reference back, not a count.
const DEFINITE_BEFORE = /$(?<=(?:\b(?:the|these|those|both|its|their|his|her)|(?<![\p{L}])(?:ke|para))\s*)/iu;

/** Numbers written in words ("six sectors", "a four-year contract", "enam sektor"), with what they count. */
function wordFiguresIn(sentence: string, language: Language): KeyFigure[] {
  const numbers = language === 'en' ? englishWordNumbers(sentence) : indonesianWordNumbers(sentence);
  if (numbers.length === 0 || PAGE_COUNTER.test(sentence) || isHeadlineLike(sentence)) return [];
  const out: KeyFigure[] = [];
  for (const n of numbers) {
    if (DEFINITE_BEFORE.test(sentence.slice(0, n.index)) || TIME_AGO.test(sentence.slice(n.index + n.value.length))) continue;
    const end = n.index + n.value.length;
    const tail = tailAfter(sentence, end, false, false);
    if (!tail) continue; // "one of the two" counts nothing
    const head = headBefore(sentence, n.index, []);
    const glued = /^[-–]/.test(tail);
    const context = [head, n.value + (glued ? tail : ''), glued ? '' : tail].join(' ').replace(/\s+/g, ' ').trim();
    out.push({ value: n.value, context: trimContext(context) });
  }
  return out;
}

export function extractKeyFigures(sentences: readonly string[], language: Language): KeyFigure[] {
  const seen = new Set<string>();
  const out: KeyFigure[] = [];
  for (const sentence of sentences) {
    for (const hit of figuresIn(sentence, language)) {
      if (seen.has(hit.keys[0]!) || !hit.informative) continue;
      for (const key of hit.keys) seen.add(key);
      out.push(hit.figure);
      if (out.length >= MAX_FIGURES) return out;
    }
  }
  // Numbers in words come after those in digits: they fill free places, never push a digit out.
  {
    for (const sentence of sentences) {
      for (const figure of wordFiguresIn(sentence, language)) {
        if (out.length >= MAX_FIGURES) return out;
        if (seen.has(`w:${figure.value.toLowerCase()}`)) continue;
        seen.add(`w:${figure.value.toLowerCase()}`);
        out.push(figure);
      }
    }
  }
  return out;
}
