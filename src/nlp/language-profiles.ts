// tinyld's language profiles, read from the package's own bundled source into
// a compact form. Loading tinyld itself parses a 540 KB object literal and
// expands every gram's entry into an object of its own: ~7 MB of live heap and
// ~25 MB more of resident memory after a burst of adds at 10,000 articles (the
// parser's and the expansion's garbage; decision 038, rss10k3). Here the same
// dictionary is scanned as text: one Map from gram to a number, and that
// gram's entries in typed arrays. rank-languages.ts ranks with them exactly
// as tinyld does. A source this reader does not recognise (another tinyld
// build) throws, and the caller falls back to tinyld itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface LanguageProfiles {
  /** tinyld's languages in its own order (ISO 639-3 codes); a language's number is its index + 1. */
  codes: readonly string[];
  /** The ISO 639-1 code tinyld answers with, per language. */
  iso2: readonly string[];
  /** Gram -> its number in the arrays below. */
  grams: Map<string, number>;
  /** Per gram: the one language it belongs to (its number), 0 when none. */
  unique: Uint8Array;
  /** Per gram: its (language number, weight) entries are `start[g]` up to `start[g + 1]`. */
  start: Uint32Array;
  lang: Uint8Array;
  weight: Uint16Array;
}

class UnexpectedSource extends Error {
  constructor(what: string, at: number) {
    super(`tinyld's bundled profiles: ${what} at ${at}`);
  }
}

const QUOTE = '"';

/** A key: bare (an identifier or a number literal, named as JavaScript names it) or a quoted string. */
function readKey(s: string, at: number): [string, number] {
  if (s[at] === QUOTE) return readString(s, at);
  const end = s.indexOf(':', at);
  const bare = s.slice(at, end);
  if (end < 0 || bare.includes('\\') || bare.length === 0) throw new UnexpectedSource('key', at);
  return [/^[\d.]/.test(bare) ? String(Number(bare)) : bare, end];
}

function readString(s: string, at: number): [string, number] {
  const end = s.indexOf(QUOTE, at + 1);
  const text = s.slice(at + 1, end);
  if (end < 0 || text.includes('\\')) throw new UnexpectedSource('string', at); // none in the version read
  return [text, end + 1];
}

/** A string or a number value, as the text `String(value)` gives. */
function readScalar(s: string, at: number): [string, number] {
  if (s[at] === QUOTE) return readString(s, at);
  let end = at;
  while (end < s.length && s[end] !== ',' && s[end] !== '}') end++;
  const n = Number(s.slice(at, end));
  if (end === at || !Number.isFinite(n)) throw new UnexpectedSource('value', at);
  return [String(n), end];
}

/** Reads `{key:value,...}` at `at`; `visit` reads each value and returns where it ends. Returns the end of the object. */
function eachEntry(s: string, at: number, visit: (key: string, valueAt: number) => number): number {
  if (s[at] !== '{') throw new UnexpectedSource('object', at);
  let i = at + 1;
  if (s[i] === '}') return i + 1;
  for (;;) {
    const [key, colon] = readKey(s, i);
    if (s[colon] !== ':') throw new UnexpectedSource('colon', colon);
    i = visit(key, colon + 1);
    if (s[i] === '}') return i + 1;
    if (s[i] !== ',') throw new UnexpectedSource('separator', i);
    i += 1;
  }
}

// Every language of the table is `xxx:{code:"yy",...}`, in tinyld's order (its "normal" build takes them all).
const LANGUAGE = /([a-z]{3}):\{code:"([a-z]+)"/g;
const DICTIONARY = '{id:"tinyld-dict",';
const MAX_WEIGHT = 0xffff;

/** Reads the profiles out of tinyld's bundled source (the text of its "normal" node build). */
export function readLanguageProfiles(source: string): LanguageProfiles {
  const dictionaryAt = source.indexOf(DICTIONARY);
  if (dictionaryAt < 0) throw new UnexpectedSource('no dictionary', 0);
  const codes: string[] = [];
  const iso2: string[] = [];
  for (const m of source.slice(0, dictionaryAt).matchAll(LANGUAGE)) {
    codes.push(m[1]!);
    iso2.push(m[2]!);
  }
  if (codes.length === 0 || codes.length > 0xff || new Set(codes).size !== codes.length) throw new UnexpectedSource('language table', 0);
  const languageNumber = (base36: string, at: number): number => {
    const n = parseInt(base36, 36);
    if (!(n >= 1 && n <= codes.length)) throw new UnexpectedSource('language number', at);
    return n;
  };

  const grams = new Map<string, number>();
  const gramNumber = (gram: string) => {
    let g = grams.get(gram);
    if (g === undefined) grams.set(gram, (g = grams.size));
    return g;
  };
  const unique: number[] = [];
  const ranges: [number, number][] = [];
  const lang: number[] = [];
  const weight: number[] = [];
  const multiple = (gram: string, at: number): number => {
    const [entries, end] = readScalar(source, at);
    const g = gramNumber(gram);
    if (ranges[g] || entries.length % 4 !== 0) throw new UnexpectedSource('gram entries', at);
    const first = lang.length;
    for (let e = 0; e < entries.length; e += 4) {
      const n = languageNumber(entries.slice(e, e + 2), at);
      const w = parseInt(entries.slice(e + 2, e + 4), 36);
      if (lang.indexOf(n, first) >= 0 || !(w >= 0 && w <= MAX_WEIGHT)) throw new UnexpectedSource('gram entry', at);
      lang.push(n);
      weight.push(w);
    }
    ranges[g] = [first, lang.length];
    return end;
  };
  const single = (gram: string, at: number): number => {
    const [language, end] = readScalar(source, at);
    const g = gramNumber(gram);
    if (unique[g]) throw new UnexpectedSource('gram', at);
    unique[g] = languageNumber(language, at);
    return end;
  };
  const parts = new Set<string>();
  eachEntry(source, dictionaryAt, (key, at) => {
    parts.add(key);
    if (key === 'multiples') return eachEntry(source, at, multiple);
    if (key === 'uniques') return eachEntry(source, at, single);
    if (key === 'id') return readScalar(source, at)[1];
    throw new UnexpectedSource(`part ${key}`, at);
  });
  if (!parts.has('multiples') || !parts.has('uniques')) throw new UnexpectedSource('parts', dictionaryAt);

  // Entries in gram order, so that a gram's run is start[g]..start[g + 1].
  const start = new Uint32Array(grams.size + 1);
  const langs = new Uint8Array(lang.length);
  const weights = new Uint16Array(lang.length);
  let next = 0;
  for (let g = 0; g < grams.size; g++) {
    start[g] = next;
    const [from, to] = ranges[g] ?? [0, 0];
    for (let e = from; e < to; e++, next++) {
      langs[next] = lang[e]!;
      weights[next] = weight[e]!;
    }
  }
  start[grams.size] = next;
  return { codes, iso2, grams, unique: Uint8Array.from({ length: grams.size }, (_, g) => unique[g] ?? 0), start, lang: langs, weight: weights };
}

/** The profiles of the tinyld this project depends on (the file `require('tinyld')` loads). */
export function loadLanguageProfilesFromPackage(): LanguageProfiles {
  return readLanguageProfiles(readFileSync(createRequire(import.meta.url).resolve('tinyld'), 'utf8'));
}
