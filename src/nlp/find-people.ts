// People named in Indonesian or English news. A run of capitalised name-like words
// counts as a person only with evidence around it: a title or portfolio before it
// ("Menteri Perindustrian Agus ...", "Prime Minister Fumio Kishida"), a title then a
// comma ("Vice Minister of Trade, Jerry Sambuaga"; "(TMMIN), Nandi Julyanto"), an
// acronym definition before it ("(ILMATE) Setia Diarta"), a reporting verb, a
// role/affiliation after it ("Eko S.A. Cahyanto, Direktur Jenderal"), or one of its
// words coming back alone as the one who speaks ("ujar Nandi", "Jerry stressed").
// Titles are never part of the name, and neither are words the text also writes in
// lower case ("Transportation", "Perekonomian"): those are portfolios and headline words.
import { NON_NAME_WORDS, PLACE_BY_ALIAS, TITLE_WORDS } from './name-lexicon.js';
import { isAnyStopWord } from './stop-words.js';
import { wordCases, type WordCases } from './word-cases.js';

// Portfolio and country words introduce a name only when a title is close by ("Menteri ... (METI) Jepang Ken Saito").
const CONTEXT_BEFORE = new Set([
  ...'perindustrian perdagangan keuangan ekonomi industri industry trade economy finance affairs negeri japanese indonesian'.split(' '),
  ...PLACE_BY_ALIAS.keys(),
]);
// Capitalised words on one line; a word ending in "." closes the run unless it is an initial or a title.
const WORD = String.raw`(?:(?:\p{Lu}\.){1,3}|(?:Mr|Mrs|Ms|Dr|Prof|Ir)\.|\p{Lu}[\p{L}’'-]*)`;
const RUN = new RegExp(`${WORD}(?:[^\\S\\n]+${WORD})*`, 'gu');
// Patterns on the text before a name are written `$(?<=words)`: tested for the end at each position
// and read back from there once, rather than tried at every position (the same answers).
const REPORTING = /$(?<=(?:kata|ujar|jelas|ungkap|tambah|menurut|said|says|told|according to)\s*)/iu;
// A lone name word right after a verb of saying, or right before one: "ujar Nandi", "Jerry stressed".
// Only verbs whose subject speaks: "urged Mitsubishi" names an object, not a speaker.
const SAY_BEFORE = String.raw`kata|ujar|ucap|jelas|ungkap|tambah|tutur|imbuh|pungkas|terang|menurut|said|says|according to`;
const SAY_AFTER = String.raw`said|says|told|added|noted|stressed|explained|expressed|stated|underscored|highlighted|emphasi[sz]ed|revealed|mengatakan|menjelaskan|menyampaikan|menambahkan|menegaskan|menyebutkan|mengungkapkan|menuturkan|memaparkan`;

function isInitials(w: string): boolean {
  return /^(\p{Lu}\.)+$/u.test(w);
}

// Indonesian ke-…-an / peN-…-an nouns ("Kehadiran", "Peningkatan") are never names.
const CONFIX_NOUN = /^(?:ke|pe[nmr]?|per)\p{Ll}{4,}an$/u;

function nameLike(w: string): boolean {
  if (isInitials(w)) return true;
  const bare = w.replace(/\.$/, '');
  if (!/^\p{Lu}\p{Ll}/u.test(bare)) return false; // acronyms and ALL CAPS are not names
  const lower = bare.toLowerCase();
  // Confix nouns, and sentence adverbs in -nya ("Sebelumnya", "Selanjutnya").
  if (CONFIX_NOUN.test(lower) || (lower.length >= 8 && lower.endsWith('nya'))) return false;
  return !NON_NAME_WORDS.has(lower) && !isAnyStopWord(lower) && !PLACE_BY_ALIAS.has(lower);
}

const SPEAKS_BEFORE = new RegExp(String.raw`$(?<=(?:^|[^\p{L}])(?:${SAY_BEFORE})\s+)`, 'u');
const SPEAKS_AFTER = new RegExp(String.raw`^,?\s+(?:also\s+|juga\s+)?(?:${SAY_AFTER})(?![\p{L}])`, 'u');
const LETTER = /[\p{L}’'-]/u;
const SPACE = /\s/;

/** True when `w` occurs alone (not inside a capitalised run) right after or before a verb of saying. */
function speaksAlone(text: string, w: string): boolean {
  for (let at = text.indexOf(w); at !== -1; at = text.indexOf(w, at + 1)) {
    const end = at + w.length;
    if (LETTER.test(text[at - 1] ?? ' ') || LETTER.test(text[end] ?? ' ')) continue;
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(end, end + 40);
    // Alone: "Mitsubishi Motors said" is not "Mitsubishi said".
    if (/\p{Lu}[\p{L}’'-]*\s$/u.test(before) || /^\s+\p{Lu}/u.test(after)) continue;
    if (SPEAKS_BEFORE.test(before) || SPEAKS_AFTER.test(after)) return true;
  }
  return false;
}

/**
 * Where the name starts when one of its words speaks alone elsewhere ("kata Taufiek", "Masuko
 * told"), or -1. A given name speaking alone starts the name: words before it were not part of it.
 */
function speakerStart(text: string, name: readonly string[]): number {
  const full = name.join(' ');
  let masked: string | null = null;
  for (const [k, w] of name.entries()) {
    // Cheap check first: a word that occurs once cannot speak alone elsewhere.
    if (w.length < 3 || isInitials(w) || text.indexOf(w) === text.lastIndexOf(w)) continue;
    masked ??= text.replaceAll(full, ' ');
    if (speaksAlone(masked, w)) return k === name.length - 1 ? 0 : k;
  }
  return -1;
}

/** A title a few words back, then a comma: "Direktur ... (Kemenperin), Taufiek Bawazier". */
function titleThenComma(before: string): boolean {
  if (!/,\s*$/.test(before)) return false;
  const clause = before.split(/[.;:!?]\s|\n/).pop() ?? '';
  return clause
    .split(/\s+/)
    .slice(-10)
    .some((w) => TITLE_WORDS.has(w.replace(/[^\p{L}]/gu, '').toLowerCase()));
}

function evidence(text: string, runStart: number, words: string[], from: number, to: number, after: string, common: ReadonlySet<string>): boolean {
  const prev = words[from - 1]?.replace(/\.$/, '').toLowerCase();
  if (prev && TITLE_WORDS.has(prev)) return true;
  // A portfolio word ("Perindustrian", "Shipping") links the name to a title a few words back;
  // a function word ("The") does not.
  if (prev && !isAnyStopWord(prev) && (CONTEXT_BEFORE.has(prev) || NON_NAME_WORDS.has(prev) || common.has(prev))) {
    const lead = text.slice(Math.max(0, runStart - 80), runStart).split(/\s+/).concat(words.slice(0, from));
    if (lead.some((w) => TITLE_WORDS.has(w.replace(/[^\p{L}]/gu, '').toLowerCase()))) return true;
  }
  if (from === 0) {
    const before = text.slice(Math.max(0, runStart - 80), runStart);
    // "(ILMATE) Setia Diarta", "(METI), Hiroshige Seko": a name right after a defined body.
    if (/\)\s*,?\s*$/.test(before) || REPORTING.test(before) || titleThenComma(before)) return true;
    // The last word before the run (a `$`-anchored pattern would be retried at every position).
    const tail = before.trimEnd().replace(/\.$/, '');
    const last = tail.slice(Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n')) + 1);
    const prevWord = /^\p{L}+$/u.test(last) ? last.toLowerCase() : undefined;
    if (prevWord && TITLE_WORDS.has(prevWord)) return true;
    // "President Toyota Motor Corp. Akio Toyoda": a title, then only the capitalised name of its body.
    const back = before.trim().split(/\s+/).slice(-6).reverse();
    for (const w of back) {
      const bare = w.replace(/[^\p{L}]/gu, '').toLowerCase();
      if (TITLE_WORDS.has(bare)) return true;
      if (!/^\p{Lu}/u.test(w) || /[,;:]$/.test(w)) break;
    }
  }
  if (to < words.length) return false;
  // "…, Direktur Jenderal", "…, the marketing director at …"
  const role = /^\s*,\s*(\p{L}+)(?:\s+(\p{L}+))?(?:\s+(\p{L}+))?/u.exec(after);
  if (role) return role.slice(1).some((w) => w !== undefined && TITLE_WORDS.has(w.toLowerCase()));
  return /^\s+(?:dari|from|of)\s+\p{Lu}/u.test(after);
}

function realWords(name: readonly string[]): number {
  return name.filter((w) => !isInitials(w)).length;
}

/** Drops leading and trailing words the text also writes in lower case: portfolios and headline words. */
function trimCommonWords(name: string[], common: ReadonlySet<string>): [number, number] {
  let from = 0;
  let to = name.length;
  const isCommon = (w: string) => !isInitials(w) && common.has(w.replace(/\.$/, '').toLowerCase());
  while (from < to && isCommon(name[from]!)) from++;
  while (to > from && isCommon(name[to - 1]!)) to--;
  return [from, to];
}

/** Full names of people, in order of first mention, titles stripped. */
export function findPeople(text: string, cases: WordCases = wordCases(text)): string[] {
  const found: string[] = [];
  const common = cases.lower;
  for (const m of text.matchAll(RUN)) {
    // A run of one word holds no name of two words or more (most runs are one capitalised word).
    if (!SPACE.test(m[0])) continue;
    const words = m[0].split(/\s+/);
    let i = 0;
    while (i < words.length) {
      if (!nameLike(words[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < words.length && nameLike(words[j]!)) j++;
      // One name-like word is never a full name: skip the evidence search.
      if (realWords(words.slice(i, j)) < 2) {
        i = j;
        continue;
      }
      const [a, b] = trimCommonWords(words.slice(i, j), common);
      let name = words.slice(i + a, i + b);
      const afterRun = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      // Evidence is read around the trimmed name: a dropped portfolio word is the title's, not the name's.
      let isPerson = evidence(text, m.index, words, i + a, i + b, afterRun, common) || evidence(text, m.index, words, i, j, afterRun, common);
      if (!isPerson && realWords(name) >= 2) {
        const start = speakerStart(text, name);
        if (start !== -1) [isPerson, name] = [true, name.slice(start)];
      }
      const real = realWords(name);
      if (isPerson && real >= 2 && real <= 4) found.push(name.join(' ').replace(/\.$/, (d) => (isInitials(name[name.length - 1]!) ? d : '')));
      i = j;
    }
  }
  return mergeVariants(found);
}

/** Keeps one spelling per person: a name contained in a longer one is the same person. */
function mergeVariants(names: string[]): string[] {
  const unique = [...new Set(names)];
  return unique.filter((n) => !unique.some((o) => o !== n && o.length > n.length && o.split(' ').slice(0, n.split(' ').length).join(' ') === n));
}
