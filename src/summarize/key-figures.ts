// Key figures: each number with the words that make it meaningful, e.g.
// "99 kendaraan per 1.000 penduduk" or "Net Zero Emission pada tahun 2060".
// Dates, ordinals ("5th") and bare years are skipped; a year stays when the
// sentence sets a target for it.
import type { KeyFigure, Language } from '../model/article.js';
import { findDates } from '../nlp/find-dates.js';
import { numberKey } from '../nlp/read-number.js';
import { conversionAfter, headBefore, tailAfter } from './figure-context.js';

const SCALE = String.raw`(?:ribu|juta|miliar|milyar|triliun|thousand|million|billion|trillion)`;
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\d/.,-])((?:Rp|US\$|S\$|\$|€|¥)\s?)?(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(%|persen|percent|per cent))?(?:\s(${SCALE}))?(?![\p{L}\d]|[/.,]\d)`,
  'giu',
);
const TARGET = /\b(target\w*|menargetkan|sasaran|goals?|aims?|pledg\w*|komitmen|commit\w*|by)\b/i;
const MONTH_OR_DAY_BEFORE = /(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|des|okt)\.?\s*$/i;
const MAX_FIGURES = 6;
// A lone word that ties a figure to the one before it in the same clause.
const LINK = /^(?:to|into|ke|menjadi|hingga|sampai|sebesar|mencapai)$/i;

interface Hit {
  figure: KeyFigure;
  /** The figure's value, plus that of a conversion given with it, so neither repeats. */
  keys: string[];
  informative: boolean;
}

// The whole date at a findDates index: "March 4, 2025", "27 Juni 2024", "(21/6)", "2024-06-21".
const DATE_AT = /^(?:\d{1,2}\s+\p{L}+\.?(?:\s+\d{4}\b)?|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?|\([\d/]+\)|\d{4}-\d{2}-\d{2})/u;

function dateSpansOf(sentence: string): [number, number][] {
  return findDates(sentence).map((d) => {
    const m = DATE_AT.exec(sentence.slice(d.index));
    return [d.index, d.index + (m?.[0].length ?? 0)] as [number, number];
  });
}

function isDatePart(sentence: string, index: number, end: number, dateSpans: [number, number][]): boolean {
  if (dateSpans.some(([s, e]) => index >= s && end <= e)) return true;
  return MONTH_OR_DAY_BEFORE.test(sentence.slice(0, index)) || /^(st|nd|rd|th)\b/i.test(sentence.slice(end));
}

function keyOf(digits: string, scale: string | undefined, percent: string | undefined, language: Language): string {
  return `${numberKey(digits, language, scale) ?? digits}${percent ? '%' : ''}`;
}

function conversionKeys(conversion: string, language: Language): string[] {
  return [...conversion.matchAll(NUMBER)].map((m) => keyOf(m[2]!, m[5], m[3], language));
}

function figuresIn(sentence: string, language: Language): Hit[] {
  const dateSpans = dateSpansOf(sentence);
  const dateEnds = dateSpans.map(([, e]) => e);
  const hits: Hit[] = [];
  let consumedUntil = -1;
  let lastHead = '';
  for (const m of sentence.matchAll(NUMBER)) {
    const index = m.index;
    const end = index + m[0].length;
    if (index < consumedUntil || isDatePart(sentence, index, end, dateSpans)) continue;
    const [, currency, digits, percent, scale] = m;
    const isYear = /^(19|20)\d{2}$/.test(digits!) && !currency && !percent && !scale;
    if (isYear && !TARGET.test(sentence)) continue;
    if (/^\s*(min|menit)\s+read/i.test(sentence.slice(end))) continue;
    const money = Boolean(currency);
    const conversion = money ? conversionAfter(sentence, end) : '';
    const afterValue = end + conversion.length;
    const tail = isYear ? '' : tailAfter(sentence, afterValue, money, Boolean(percent));
    // "Sales rose 12% … to 48,000 units": the second figure borrows the first one's verb.
    const own = headBefore(sentence, index, [...dateEnds, consumedUntil]);
    const head = hits.length > 0 && LINK.test(own) ? `${lastHead} ${own}` : own;
    if (!isYear && !tail && !currency && !percent && !scale) continue; // a bare number says nothing
    lastHead = head;
    consumedUntil = tail ? sentence.indexOf(tail.trim(), afterValue) + tail.trim().length : afterValue;
    const value = m[0].trim();
    const context = [head, value + conversion, tail].join(' ').replace(/\s+/g, ' ').trim();
    const keys = [keyOf(digits!, scale, percent, language), ...conversionKeys(conversion, language)];
    hits.push({ figure: { value, context: trimContext(context) }, keys, informative: isYear || Boolean(currency || percent || scale || tail) });
  }
  return hits;
}

function trimContext(context: string): string {
  if (context.length <= 120) return context;
  return '…' + context.slice(context.length - 119).replace(/^\S*\s/, '');
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
  return out;
}
