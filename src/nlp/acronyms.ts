// Acronym definitions found in the text itself: "Long Form (ACR)" and
// "ACR (Long Form)", checked the Schwartz-Hearst way (the acronym's letters occur
// in order in the long form, the first at a word start), plus bare acronyms.

const SHORT = /^[\p{Lu}][\p{L}\d&-]{1,11}$/u;

function isAcronymLike(s: string): boolean {
  if (!SHORT.test(s)) return false;
  const upper = (s.match(/\p{Lu}/gu) ?? []).length;
  // "METI", "HEV", but also capitalised short names written like words ("Kemenperin").
  return upper >= 2 || /^Kemen|^Kemenko|^Bappe/.test(s);
}

/** True when `short`'s letters appear in order in `long`, its first letter starting a word. */
export function matchesLongForm(short: string, long: string): boolean {
  const s = short.toLowerCase().replace(/[^\p{L}\d]/gu, '');
  const l = long.toLowerCase();
  if (!s || !l) return false;
  const wordStarts = new Set<number>();
  for (const m of l.matchAll(/[\p{L}\d]+/gu)) wordStarts.add(m.index);
  let li = l.length - 1;
  for (let si = s.length - 1; si >= 0; si--) {
    const ch = s[si]!;
    while (li >= 0 && (l[li] !== ch || (si === 0 && !wordStarts.has(li)))) li--;
    if (li < 0) return false;
    li--;
  }
  return true;
}

const FUNCTION_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', 'dan', 'untuk', 'di', 'atau', 'dari', 'pada', 'yang', '&']);

/**
 * Stricter test for an all-capitals acronym ("AAI", "TMMIN"): each capital is the first
 * letter of a content word of the long form, in order, starting at the first word; or, when
 * the long form has fewer content words than the acronym has letters, every content word
 * gives its first letter and the rest come from inside words (TMMIN = Toyota Motor
 * Manufacturing INdonesia). "Africa Research Consulting and Investment" is not AAI.
 */
export function spellsAllLetters(short: string, long: string): boolean {
  const letters = short.replace(/[^\p{L}\d]/gu, '');
  if (!/^[\p{Lu}\d]+$/u.test(letters)) return matchesLongForm(short, long);
  const words = long.split(/[\s\-–/]+/).map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')).filter(Boolean);
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  const initials = content.map((w) => w[0]!.toUpperCase());
  if (initials[0] !== letters[0]!.toUpperCase()) return false;
  if (content.length >= letters.length) {
    let k = 0;
    for (const ch of letters) {
      while (k < initials.length && initials[k] !== ch) k++;
      if (k === initials.length) return false;
      k++;
    }
    return true;
  }
  // Fewer words than letters: every word's initial is used, in order, the rest come from inside words.
  let k = 0;
  let at = 0;
  for (const w of content) {
    const upper = w.toUpperCase();
    const i = letters.indexOf(upper[0]!, at);
    if (i === -1 || (k === 0 && i !== 0)) return false;
    // Letters skipped before this word's initial must come from inside the previous word.
    if (i > at && !insideWord(content[k - 1], letters.slice(at, i))) return false;
    at = i + 1;
    k++;
  }
  return at === letters.length || insideWord(content[content.length - 1], letters.slice(at));
}

function insideWord(word: string | undefined, letters: string): boolean {
  if (!word) return false;
  let p = 1;
  const w = word.toUpperCase();
  for (const ch of letters) {
    p = w.indexOf(ch, p);
    if (p === -1) return false;
    p++;
  }
  return true;
}

/** Shortest run of trailing words of `before` that the acronym abbreviates. */
function longFormBefore(before: string, short: string): string | null {
  const ws = before.trim().split(/\s+/);
  const max = Math.min(ws.length, Math.max(short.length + 5, short.length * 2));
  for (let n = 1; n <= max; n++) {
    const candidate = ws.slice(-n).join(' ').replace(/^[^\p{L}\d]+/u, '');
    const first = candidate[0];
    if (!first || first.toLowerCase() !== short[0]!.toLowerCase()) continue;
    // A long form has about as many words as the acronym has capitals ("Indonesia-Jepang" is not IJEPA).
    const capitals = (short.match(/\p{Lu}/gu) ?? []).length;
    if (candidate.split(/[\s-]+/).length < capitals - 2) continue;
    if (matchesLongForm(short, candidate) && spellsAllLetters(short, candidate)) return candidate.replace(/[,;:]+$/, '');
  }
  return null;
}

/** Acronym (as written) -> long form, from definitions in the text. */
export function findAcronymDefinitions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  // Walk the parentheses directly: a lazy regex over the whole text backtracks at every position.
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open + 1);
    if (close === -1) break;
    if (close - open - 1 < 2 || close - open - 1 > 120 || text.slice(open + 1, close).includes('(')) continue;
    const head = text.slice(Math.max(0, open - 160), open);
    const before = head.slice(head.lastIndexOf(')') + 1).trimEnd();
    const inside = text.slice(open + 1, close).trim();
    if (isAcronymLike(inside)) {
      const long = longFormBefore(before, inside);
      if (long && !out.has(inside)) out.set(inside, long);
      continue;
    }
    const last = /([\p{L}\d&-]+)\s*$/u.exec(before)?.[1];
    // "ACR (Long Form)": the long form is a name, never a clause ("a long time. Jakarta").
    if (last && isAcronymLike(last) && /\p{Lu}{2}/u.test(last) && !/[.!?]\s/.test(inside) && spellsAllLetters(last, inside) && !out.has(last)) {
      const firstWord = inside.split(/\s+/)[0] ?? '';
      if (firstWord[0]?.toLowerCase() === last[0]!.toLowerCase()) out.set(last, inside);
    }
  }
  return out;
}

/** Bare acronyms used in the text (two or more capitals: "IJEPA", "HEV", "KPAII"). */
export function findAcronyms(text: string): string[] {
  const seen = new Set<string>();
  // Not the tail of a hyphenated acronym: "J-CODE" is not "CODE".
  for (const m of text.matchAll(/(?<![\p{L}\d.]|\p{Lu}-)(\p{Lu}[\p{Lu}\d]{1,9}(?:-\p{Lu}+)?)(?!\.?[\p{L}\d])/gu)) {
    const a = m[1]!;
    if ((a.match(/\p{Lu}/gu) ?? []).length >= 2) seen.add(a);
  }
  return [...seen];
}
