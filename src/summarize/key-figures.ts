// Key figures: each number with the words that make it meaningful, e.g.
// "99 kendaraan per 1.000 penduduk" or "Net Zero Emission pada tahun 2060".
// Dates, ordinals ("5th") and bare years are skipped; a year stays when the
// sentence sets a target for it.
import type { KeyFigure, Language } from '../model/article.js';
import { findDates } from '../nlp/find-dates.js';
import { numberKey } from '../nlp/read-number.js';

const SCALE = String.raw`(?:ribu|juta|miliar|milyar|triliun|thousand|million|billion|trillion)`;
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\d/.,-])((?:Rp|US\$|S\$|\$|€|¥)\s?)?(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(%|persen|percent|per cent))?(?:\s(${SCALE}))?(?![\p{L}\d]|[/.,]\d)`,
  'giu',
);
const TARGET = /\b(target\w*|menargetkan|sasaran|goals?|aims?|pledg\w*|komitmen|commit\w*|by)\b/i;
const MONTH_OR_DAY_BEFORE = /(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|des|okt)\.?\s*$/i;
const CLAUSE_STOP = /[,;:()“”"]|\s[-–—]\s/;
const MAX_FIGURES = 6;

interface Hit {
  figure: KeyFigure;
  key: string;
  informative: boolean;
}

/** Up to `max` words following the number: the unit or noun it counts, plus a "per N unit" rate. */
function after(sentence: string, end: number): string {
  const rest = sentence.slice(end);
  const rate = /^\s+(?:\p{L}+\s+){0,3}?per\s+\d[\d.,]*\s*(?:\(?[\p{L}]+\)?)?/u.exec(rest);
  if (rate) return rate[0].trimEnd();
  const stop = rest.search(/[,;:!?()“”"]|\.(?!\d)|\s[-–—]\s|\s(?:Rp|US\$|\$)?\d/);
  const clause = stop === -1 ? rest : rest.slice(0, stop);
  return clause.split(/\s+/).slice(0, 4).join(' ').replace(/(\s+(pada|di|ke|dari|untuk|dan|yang|to|in|at|on|of|for|and|by))+$/i, '');
}

/** Up to six words before the number, within its clause. */
function before(sentence: string, start: number): string {
  const head = sentence.slice(0, start);
  const parts = head.split(CLAUSE_STOP);
  const clause = parts[parts.length - 1] ?? '';
  return clause.trim().split(/\s+/).filter(Boolean).slice(-6).join(' ');
}

function isDatePart(sentence: string, index: number, end: number, dateSpans: [number, number][]): boolean {
  if (dateSpans.some(([s, e]) => index >= s && end <= e)) return true;
  return MONTH_OR_DAY_BEFORE.test(sentence.slice(0, index)) || /^(st|nd|rd|th)\b/i.test(sentence.slice(end));
}

function figuresIn(sentence: string, language: Language): Hit[] {
  const dateSpans = findDates(sentence).map((d) => {
    const m = /^[^\s]+(?:\s+[^\s]+){0,2}/.exec(sentence.slice(d.index));
    return [d.index, d.index + (m?.[0].length ?? 0)] as [number, number];
  });
  const hits: Hit[] = [];
  let consumedUntil = -1;
  for (const m of sentence.matchAll(NUMBER)) {
    const index = m.index;
    const end = index + m[0].length;
    if (index < consumedUntil || isDatePart(sentence, index, end, dateSpans)) continue;
    const [, currency, digits, percent, scale] = m;
    const isYear = /^(19|20)\d{2}$/.test(digits!) && !currency && !percent && !scale;
    if (isYear && !TARGET.test(sentence)) continue;
    if (/^\s*(min|menit)\s+read/i.test(sentence.slice(end))) continue;
    const tail = isYear ? '' : after(sentence, end);
    const head = before(sentence, index);
    if (!isYear && !tail && !currency && !percent && !scale) continue; // a bare number says nothing
    consumedUntil = end + tail.length;
    const value = m[0].trim();
    const context = `${head} ${value}${tail ? (/^\s/.test(tail) ? tail : ` ${tail}`) : ''}`.replace(/\s+/g, ' ').trim();
    const key = `${numberKey(digits!, language, scale) ?? digits}${percent ? '%' : ''}`;
    hits.push({ figure: { value, context: trimContext(context) }, key, informative: isYear || Boolean(currency || percent || scale || tail) });
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
      if (seen.has(hit.key) || !hit.informative) continue;
      seen.add(hit.key);
      out.push(hit.figure);
      if (out.length >= MAX_FIGURES) return out;
    }
  }
  return out;
}
