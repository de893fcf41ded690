// Sentence splitting for Indonesian and English news text. A full stop ends a
// sentence only when it is not part of an abbreviation ("Mr.", "Dr.", "S.A."),
// an initial, or a number (Rp2,5 / 1.000 / 3.5), so figures and names survive.

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'drs', 'prof', 'ir', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'agu', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'des',
    'u.s', 'e.g', 'i.e', 'a.m', 'p.m', 'h', 'hj', 'kh', 'jl', 'dll', 'dsb', 'dkk', 'tbk', 'pt', 'sdr', 'bpk', 'yth',
    'gov', 'gen', 'col', 'lt', 'sen', 'rep', 'mt', 'ft', 'approx', 'dept', 'est', 'fig', 'vol',
  ],
);

/** True when the word ending with "." at `end` is an abbreviation or initial, not a sentence end. */
function isAbbreviation(before: string): boolean {
  const m = /([\p{L}.]+)$/u.exec(before);
  if (!m) return false;
  const word = m[1]!.replace(/\.$/, '');
  if (/^\p{L}$/u.test(word)) return true; // single initial: "S." in "Eko S. Cahyanto"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // dotted initials: "S.A", "U.S"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Splits one paragraph into sentences. */
export function splitParagraph(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const out: string[] = [];
  let start = 0;
  // A candidate end: terminal punctuation, optional closing quotes/brackets, then space and a plausible sentence start.
  const re = /([.!?…]+)(["'”’)\]]*)\s+(?=["“'‘(]?[\p{Lu}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[1]!.length + m[2]!.length;
    const before = text.slice(start, m.index + 1);
    if (m[1] === '.' && !m[2] && isAbbreviation(before)) continue;
    const sentence = text.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

export interface Sentence {
  text: string;
  /** Index among all sentences of the article. */
  index: number;
  paragraph: number;
}

/** Splits paragraphs into sentences; a paragraph break always ends a sentence. */
export function splitSentences(paragraphs: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    for (const text of splitParagraph(p)) out.push({ text, index: out.length, paragraph });
  });
  return out;
}
