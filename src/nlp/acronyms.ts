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
    if (matchesLongForm(short, candidate)) return candidate.replace(/[,;:]+$/, '');
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
    if (last && isAcronymLike(last) && /\p{Lu}{2}/u.test(last) && matchesLongForm(last, inside) && !out.has(last)) {
      const firstWord = inside.split(/\s+/)[0] ?? '';
      if (firstWord[0]?.toLowerCase() === last[0]!.toLowerCase()) out.set(last, inside);
    }
  }
  return out;
}

/** Bare acronyms used in the text (two or more capitals: "IJEPA", "HEV", "KPAII"). */
export function findAcronyms(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\d.])(\p{Lu}[\p{Lu}\d]{1,9}(?:-\p{Lu}+)?)(?!\.?[\p{L}\d])/gu)) {
    const a = m[1]!;
    if ((a.match(/\p{Lu}/gu) ?? []).length >= 2) seen.add(a);
  }
  return [...seen];
}
