// People named in Indonesian or English news. A run of capitalised name-like words
// counts as a person only with evidence around it: a title or portfolio before it
// ("Menteri Perindustrian Agus ...", "Prime Minister Fumio Kishida"), an acronym
// definition before it ("(ILMATE) Setia Diarta"), a reporting verb, or a role/affiliation
// after it ("Eko S.A. Cahyanto, Direktur Jenderal", "Putu Juli Ardika dari Kemenperin").
// Titles are never part of the name.
import { NON_NAME_WORDS, PLACE_BY_ALIAS, TITLE_WORDS } from './name-lexicon.js';
import { isAnyStopWord } from './stop-words.js';

// Portfolio and country words introduce a name only when a title is close by ("Menteri ... (METI) Jepang Ken Saito").
const CONTEXT_BEFORE = new Set([
  ...'perindustrian perdagangan keuangan ekonomi industri industry trade economy finance affairs negeri japanese indonesian'.split(' '),
  ...PLACE_BY_ALIAS.keys(),
]);
// Capitalised words on one line; a word ending in "." closes the run unless it is an initial or a title.
const WORD = String.raw`(?:(?:\p{Lu}\.){1,3}|(?:Mr|Mrs|Ms|Dr|Prof|Ir)\.|\p{Lu}[\p{L}’'-]*)`;
const RUN = new RegExp(`${WORD}(?:[^\\S\\n]+${WORD})*`, 'gu');
const REPORTING = /(?:kata|ujar|jelas|ungkap|tambah|menurut|said|says|told|according to)\s*$/iu;

function isInitials(w: string): boolean {
  return /^(\p{Lu}\.)+$/u.test(w);
}

function nameLike(w: string): boolean {
  if (isInitials(w)) return true;
  const bare = w.replace(/\.$/, '');
  if (!/^\p{Lu}\p{Ll}/u.test(bare)) return false; // acronyms and ALL CAPS are not names
  const lower = bare.toLowerCase();
  return !NON_NAME_WORDS.has(lower) && !isAnyStopWord(lower) && !PLACE_BY_ALIAS.has(lower);
}

function evidence(text: string, runStart: number, words: string[], from: number, to: number, after: string): boolean {
  const prev = words[from - 1]?.replace(/\.$/, '').toLowerCase();
  if (prev && TITLE_WORDS.has(prev)) return true;
  if (prev && (CONTEXT_BEFORE.has(prev) || NON_NAME_WORDS.has(prev))) {
    const lead = text.slice(Math.max(0, runStart - 80), runStart).split(/\s+/).concat(words.slice(0, from));
    if (lead.some((w) => TITLE_WORDS.has(w.replace(/[^\p{L}]/gu, '').toLowerCase()))) return true;
  }
  if (from === 0) {
    const before = text.slice(Math.max(0, runStart - 30), runStart);
    if (/\)\s*$/.test(before) || REPORTING.test(before)) return true;
    const prevWord = /([\p{L}]+)\.?\s*$/u.exec(before)?.[1]?.toLowerCase();
    if (prevWord && TITLE_WORDS.has(prevWord)) return true;
  }
  if (to < words.length) return false;
  const role = /^\s*,\s*(\p{L}+)(?:\s+(\p{L}+))?/u.exec(after);
  if (role) return [role[1], role[2]].some((w) => w !== undefined && TITLE_WORDS.has(w.toLowerCase()));
  return /^\s+(?:dari|from|of)\s+\p{Lu}/u.test(after);
}

/** Full names of people, in order of first mention, titles stripped. */
export function findPeople(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(RUN)) {
    const words = m[0].split(/\s+/);
    let i = 0;
    while (i < words.length) {
      if (!nameLike(words[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < words.length && nameLike(words[j]!)) j++;
      const name = words.slice(i, j);
      const real = name.filter((w) => !isInitials(w)).length;
      const afterRun = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (real >= 2 && real <= 4 && evidence(text, m.index, words, i, j, afterRun)) {
        found.push(name.join(' ').replace(/\.$/, (d) => (isInitials(name[name.length - 1]!) ? d : '')));
      }
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
