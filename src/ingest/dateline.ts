// Recognises the dateline that opens a news story and takes the outlet from it:
// "WahanaNews.co, Jakarta -", "JAKARTA, KOMPAS.com -", "Jakarta (Antara) –",
// "TOKYO (Reuters) -", "Jakarta, CNBC Indonesia -", "Jakarta, Kamis (13/11/2025) -".
import { isKnownCity, isKnownPlace } from './dateline-places.js';
import { findDateMentions } from '../nlp/find-dates.js';

export interface Dateline {
  source: string | null;
  place: string | null;
  /** The whole prefix, for date look-up ("Jakarta, Kamis (13/11/2025)"). */
  prefix: string;
  /** The paragraph with the dateline removed ('' when the dateline stood alone). */
  rest: string;
}

// The dash must follow a space or a bracket, so "Indonesia-Jepang" is not a dateline; a dash glued
// to the place counts when a space follows ("TEMPO.CO, Jakarta- Kementerian"); a bar may stand for the dash.
const SPLIT = /^(.{2,90}?)(?:(?:\s|(?<=\)))(?:-{1,2}|[–—‒―|])(?:\s+|$)|(?<=\p{L})-\s+)/u;
// An outlet's domain in capitals opening the text with no dash at all: "AKURAT.CO Kementerian ...".
const SPLIT_BARE_DOMAIN = /^(\p{Lu}[\p{Lu}\d-]*\.(?:CO|COM|ID|NET|NEWS)(?:\.ID)?)\s+(?=\p{Lu})/u;
// Some sites glue the dash to the outlet's domain: "SURABAYA, Jawapos.com-Pemerintah".
const SPLIT_AFTER_DOMAIN = /^(.{2,90}?\.(?:com|co|id|net|org|tv|news|info)(?:\.[a-z]{2})?)\s*(?:-{1,2}|[–—‒―])\s*(?=\S)/iu;
const PARENS = /\(([^()]{1,40})\)/gu;
const WORD = /^(?:[\p{Lu}\d][\p{L}\d.&'’-]*|[a-z][a-z\d-]*(?:\.[a-z]{2,6}){1,2}|of|de|di)$/u;
const DOMAIN = /\.(?:com|co|id|net|org|tv|news|info|asia|jp|my|sg)(?:\.[a-z]{2})?$/iu;
const WEEKDAY_ONLY = /^(?:senin|selasa|rabu|kamis|jum'?at|jum’at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/iu;
const OUTLET_WORD = /\b(?:news|post|times|daily|harian|tribun|tv|media|online|pos|radar|kabar|berita|indonesia|reuters|antara|bisnis)\b/iu;
const ALL_CAPS = /^[\p{Lu}\s.'-]{3,}$/u;

export function parseDateline(paragraph: string): Dateline | null {
  const split = SPLIT.exec(paragraph) ?? SPLIT_AFTER_DOMAIN.exec(paragraph) ?? SPLIT_BARE_DOMAIN.exec(paragraph);
  if (!split) return null;
  const prefix = (split[1] ?? '').trim();
  const parts = readParts(prefix);
  if (!parts) return null;
  const picked = pickSource(parts);
  if (!picked) return null;
  return { ...picked, prefix, rest: paragraph.slice(split[0].length).trim() };
}

interface Parts {
  bracketed: string | null;
  names: string[];
  hasDate: boolean;
}

function readParts(prefix: string): Parts | null {
  let bracketed: string | null = null;
  let hasDate = false;
  for (const m of prefix.matchAll(PARENS)) {
    const inner = (m[1] ?? '').trim();
    if (isDatePart(inner) || isDatePart(m[0])) hasDate = true;
    else if (isName(inner) && bracketed === null) bracketed = inner;
    else return null;
  }
  const names: string[] = [];
  for (const piece of prefix.replace(PARENS, ',').split(',')) {
    const part = piece.trim();
    if (!part) continue;
    if (isDatePart(part)) hasDate = true;
    else if (isName(part)) names.push(part);
    else return null;
  }
  if (names.length === 0 || names.length > 2) return null;
  return { bracketed, names, hasDate };
}

function pickSource({ bracketed, names, hasDate }: Parts): Omit<Dateline, 'prefix' | 'rest'> | null {
  const [first = '', second] = names;
  if (bracketed) return { source: bracketed, place: names.join(', ') };
  if (second === undefined) {
    if (DOMAIN.test(first)) return { source: first, place: null };
    // "HARIAN DISWAY -", "INN NEWS –": a lone name with an outlet word and no known place in it.
    if (OUTLET_WORD.test(first) && !isKnownPlace(first) && !isKnownCity(first)) return { source: first, place: null };
    const placeLike = ALL_CAPS.test(first) || isKnownCity(first) || (hasDate && isKnownPlace(first));
    return placeLike ? { source: null, place: first } : null;
  }
  const sourceIsFirst = chooseFirstAsSource(first, second);
  if (sourceIsFirst === null) return null;
  return sourceIsFirst ? { source: first, place: second } : { source: second, place: first };
}

/** In "A, B -" one side is the outlet and the other the place; null when it does not read as a dateline. */
function chooseFirstAsSource(first: string, second: string): boolean | null {
  if (DOMAIN.test(first) !== DOMAIN.test(second)) return DOMAIN.test(first);
  if (isKnownPlace(first) !== isKnownPlace(second)) return isKnownPlace(second);
  if (OUTLET_WORD.test(first) !== OUTLET_WORD.test(second)) return OUTLET_WORD.test(first);
  if (ALL_CAPS.test(first) && !ALL_CAPS.test(second)) return false;
  return null;
}

function isName(part: string): boolean {
  const words = part.split(/\s+/);
  return words.length <= 4 && words.every((w) => WORD.test(w)) && /^[\p{L}\d]/u.test(part);
}

function isDatePart(part: string): boolean {
  return WEEKDAY_ONLY.test(part) || findDateMentions(part).some((m) => m.end - m.index >= part.length - 2);
}
