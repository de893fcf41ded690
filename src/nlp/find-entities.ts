// Named entities for a card: people, organisations, programmes (acronyms, event
// series like "The 5th Automotive Dialogue") and places. Acronyms are expanded
// from the article's own definitions first, then from the briefs' glossary.
import type { Entity, EntityKind } from '../model/article.js';
import { findAcronymDefinitions, findAcronyms } from './acronyms.js';
import { NON_NAME_WORDS, PLACE_BY_ALIAS } from './name-lexicon.js';
import { isAnyStopWord } from './stop-words.js';
import { wordCases, type WordCases } from './word-cases.js';
import { findPeople } from './find-people.js';

const PROGRAMME_WORDS = /\b(agreement|partnership|program|programme|project|vehicle|initiative|community|dialogue|scheme|perjanjian|kemitraan|proyek|kendaraan|komunitas|skema|inisiatif)\b/i;
const ORGANISATION_WORDS = /\b(ministry|kementerian|agency|association|asosiasi|badan|lembaga|direktorat|directorate|organi[sz]ation|council|bank|institute|company|corporation|commission|komisi|dewan|authority|otoritas|perusahaan)\b/i;
const VEHICLE_TECH = /^(?:P?HEV|BEV|FCEV|EV|ICE|LCEV|LCGC|CBU|CKD)$/;
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$/;
// Capitals that name no organisation or programme: job titles, page furniture, company
// suffixes, time zones and currency codes (units, not actors).
const NOT_AN_ENTITY = new Set(`CEO CFO COO CTO CMO CIO PM VP GM MP DIRUT PLT PLH ARTICLE BOX POPULAR NEWS READ MORE LTD INC CO TBK PT
VIDEO FOTO PHOTO BACA JUGA ADVERTISEMENT ADS HOME SHARE TAGS TAG EDITOR REPORTER COPYRIGHT LATEST TRENDING BERITA TERKAIT
POPULER TERPOPULER LIHAT KLIK SPONSORED TOP WIB WITA WIT GMT UTC USD IDR JPY EUR SGD RMB CNY KRW VND THB RP`.split(/\s+/));
const ORDINAL_EVENT = /\b[Tt]he\s+(\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth)\s+((?:[\p{Lu}\d][\p{L}\d–-]*|on|of|and|for|in)(?:\s+(?:[\p{Lu}\d][\p{L}\d–-]*|on|of|and|for|in))*)/gu;

function acronymKind(acronym: string, longForm: string | undefined, text: string): EntityKind {
  if (VEHICLE_TECH.test(acronym)) return 'programme';
  if (/^Kemen/.test(acronym)) return 'organisation'; // Kemenperin, Kemenkeu: ministries
  if (longForm && ORGANISATION_WORDS.test(longForm)) return 'organisation';
  if (longForm && PROGRAMME_WORDS.test(longForm)) return 'programme';
  const at = text.indexOf(acronym);
  const around = text.slice(Math.max(0, at - 40), at + acronym.length + 90);
  return /\b(program|programme|project|proyek)\b/i.test(around) ? 'programme' : 'organisation';
}

const SERIES_NAME = /^(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth)\s/u;

/** True for a name `findSeriesEvents` returns ("5th Automotive Dialogue ..."). */
export function isSeriesEventName(name: string): boolean {
  return SERIES_NAME.test(name);
}

/** Event names of a numbered series: "5th Automotive Dialogue Indonesia-Japan". */
export function findSeriesEvents(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(ORDINAL_EVENT)) {
    const name = `${m[1]} ${m[2]!.replace(/(\s+(on|of|and|for|in))+$/u, '')}`.trim();
    if (name.split(/\s+/).length >= 2) out.add(name);
  }
  return [...out];
}

// Company and facility names carry their kind in their last word: "Morimitsu Industry",
// "Honda Prospect Motor", "Okazaki Plant", "Politeknik ATI Makassar".
const COMPANY = /(?<![\p{L}])((?:\p{Lu}[\p{L}&'’-]*\s+){1,3})(Motors?|Industry|Industries|Corporation|Corp\.|Group|Holdings)(?![\p{L}])/gu;
const FACILITY_AFTER = /(?<![\p{L}])((?:\p{Lu}[\p{L}'’-]*\s+){1,2})(Plant|Port|Polytechnic|Factory|Airport|Center|Centre)(?![\p{L}])/gu;
const FACILITY_BEFORE = /(?<![\p{L}])(Politeknik|Pelabuhan|Bandara)\s+((?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/gu;

/**
 * The proper-name words that end a run: walking back from the kind word, stop at a word the
 * text also writes in lower case, a title, place, generic or function word, or a possessive
 * ("Japan’s Mitsubishi Motors" is "Mitsubishi Motors", "Industri Sepeda Motor" is nothing).
 */
function properTail(words: string[], lower: ReadonlySet<string>): string[] {
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1]!;
    const l = w.toLowerCase();
    // Capitalised words and acronyms ("ATI"), but no plural acronyms ("EVs"), titles ("CEO") or possessives.
    if (!/^\p{Lu}/u.test(w) || /^\p{Lu}+s$/u.test(w) || NOT_AN_ENTITY.has(w) || /['’]s$/.test(w) || lower.has(l) || NON_NAME_WORDS.has(l) || PLACE_BY_ALIAS.has(l) || isAnyStopWord(l)) break;
    i--;
  }
  return words.slice(i);
}

const COMPANY_WORD = /Motor|Industr|Corp|Group|Holdings/;
const FACILITY_WORD = /Plant|Port|Polytechnic|Factory|Airport|Cent|Politeknik|Pelabuhan|Bandara/;

function findNamedBodies(text: string, lower: ReadonlySet<string>): Entity[] {
  const out: Entity[] = [];
  // Most texts name no company or facility: one cheap scan decides whether the patterns run.
  const companies = COMPANY_WORD.test(text);
  const facilities = FACILITY_WORD.test(text);
  for (const m of companies ? text.matchAll(COMPANY) : []) {
    const words = properTail(m[1]!.trim().split(/\s+/), lower);
    if (words.length > 0) out.push({ name: `${words.join(' ')} ${m[2]}`, kind: 'organisation' });
  }
  for (const m of facilities ? text.matchAll(FACILITY_AFTER) : []) {
    const words = properTail(m[1]!.trim().split(/\s+/), lower);
    if (words.length > 0) out.push({ name: `${words.join(' ')} ${m[2]}`, kind: 'place' });
  }
  for (const m of facilities ? text.matchAll(FACILITY_BEFORE) : []) {
    const words = m[2]!.split(/\s+/);
    if (properTail(words, lower).length === words.length) out.push({ name: `${m[1]} ${m[2]}`, kind: 'place' });
  }
  return out;
}

function findPlaces(text: string): string[] {
  const out = new Set<string>();
  const add = (candidate: string): boolean => {
    const place = PLACE_BY_ALIAS.get(candidate.toLowerCase());
    // Two-letter aliases (RI, AS, UK) count only in capitals: "as" is also a word.
    if (!place || (candidate.length <= 2 && candidate !== candidate.toUpperCase())) return false;
    out.add(place);
    return true;
  };
  for (const m of text.matchAll(/\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?/gu)) {
    // The two words, else the first of them (the match starts with a letter: its first word ends at its first space).
    const space = m[0].search(/\s/);
    if (!add(m[0]) && space !== -1) add(m[0].slice(0, space));
  }
  return [...out];
}

const SHORT_FORM = /(?<![\p{L}\d.])\p{Lu}[\p{Lu}\d]{1,9}(?![\p{L}\d])/gu;

/** The word just before `at` on the same line (separated by spaces), or "". */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && text[end - 1] !== '\n' && /\s/.test(text[end - 1]!)) end--;
  if (end === at) return '';
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/**
 * The word before each mention of every capitalised short form, from one pass
 * over the text. Walking back from each match is cheaper than a pattern with an
 * optional leading word, which the engine retries at every position.
 */
function wordsBeforeMentions(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(SHORT_FORM)) {
    const list = out.get(m[0]);
    const word = wordBefore(text, m.index);
    if (list) list.push(word);
    else out.set(m[0], [word]);
  }
  return out;
}

/** "New MIDEC" when every mention of the acronym carries the same capitalised modifier. */
function withFixedModifier(acronym: string, before: ReadonlyMap<string, string[]>, cases: WordCases): string {
  const mentions = before.get(acronym) ?? [];
  const first = mentions[0];
  if (!first || !/^\p{Lu}\p{Ll}+$/u.test(first) || mentions.some((m) => m !== first)) return acronym;
  // A word the text also writes in lower case ("50 Tahun ASEAN") is not part of a name.
  if (cases.lower.has(first.toLowerCase())) return acronym;
  if (isAnyStopWord(first) || PLACE_BY_ALIAS.has(first.toLowerCase()) || NON_NAME_WORDS.has(first.toLowerCase())) return acronym;
  return `${first} ${acronym}`;
}

/**
 * A word in capitals that is a place or plain word written loud, not an acronym: a dateline
 * ("BANGKOK -", "SUBANG -"), a word the text also writes in lower case, or a known place.
 */
function isShoutedWord(word: string, text: string, cases: WordCases): boolean {
  if (word.length < 4 || !/^\p{Lu}+$/u.test(word)) return false;
  // "Asean" is another spelling of ASEAN, but "Bangkok" shows BANGKOK is a place written loud.
  if (cases.lower.has(word.toLowerCase()) || (PLACE_BY_ALIAS.has(word.toLowerCase()) && cases.title.has(word[0] + word.slice(1).toLowerCase()))) return true;
  return new RegExp(`(?:^|\\n)[^\\S\\n]*(?:[\\p{L}.]+,?\\s+)?${word}(?:\\s*\\([^)]{0,30}\\))?\\s*[-–—]\\s`, 'u').test(text);
}

export interface EntityOptions {
  /** The headline: its acronyms count, but Title Case makes every word look like a name, so no people come from it. */
  headline?: string;
}

export function findEntities(body: string, glossary: ReadonlyMap<string, string>, options: EntityOptions = {}): Entity[] {
  const text = options.headline ? `${options.headline}\n${body}` : body;
  const defined = findAcronymDefinitions(text);
  const cases = wordCases(text);
  const entities: Entity[] = findPeople(body, cases).map((name) => ({ name, kind: 'person' as const }));
  const seen = new Set(entities.map((e) => e.name.toLowerCase()));
  const push = (e: Entity) => {
    if (seen.has(e.name.toLowerCase())) return;
    seen.add(e.name.toLowerCase());
    entities.push(e);
  };
  for (const event of findSeriesEvents(text)) push({ name: event, kind: 'programme' });
  const before = wordsBeforeMentions(text);
  const shortForms = [...new Set([...findAcronyms(text), ...defined.keys(), ...(text.match(/\bKemen(?!terian)[a-z]+\b/g) ?? [])])];
  for (const acronym of shortForms) {
    if (ROMAN.test(acronym) || PLACE_BY_ALIAS.has(acronym.toLowerCase()) || acronym.length > 12) continue;
    if (NOT_AN_ENTITY.has(acronym.toUpperCase()) || isShoutedWord(acronym, text, cases)) continue;
    const expansion = glossary.get(acronym.toUpperCase()) ?? defined.get(acronym);
    // Two-letter capitals ("JP", "SDM" is three) are too often initials; keep them only when known.
    if (acronym.length < 3 && !expansion && !VEHICLE_TECH.test(acronym)) continue;
    const entity: Entity = { name: withFixedModifier(acronym, before, cases), kind: acronymKind(acronym, expansion, text) };
    if (expansion) entity.expansion = expansion;
    push(entity);
  }
  // One entry per body: "Mitsubishi Motors Corporation" after "Mitsubishi Motors", or inside an acronym's long form, adds nothing.
  const bodies: string[] = [];
  for (const body of findNamedBodies(text, cases.lower)) {
    const named = entities.flatMap((e) => [e.name, e.expansion ?? '']).filter(Boolean);
    if (named.some((n) => n.includes(body.name)) || bodies.some((n) => body.name.startsWith(`${n} `))) continue;
    bodies.push(body.name);
    push(body);
  }
  for (const place of findPlaces(text)) push({ name: place, kind: 'place' });
  return entities;
}
