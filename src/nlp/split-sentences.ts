// Sentence splitting for Indonesian and English news text. A full stop ends a
// sentence only when it is not part of an abbreviation ("Mr.", "Dr.", "S.A.",
// "Tbk.", "Jl.", "dkk."), an initial, or a number (Rp2,5 / 1.000 / 3.5), so
// figures and names survive. The one splitter: headlines and date cues use it too.

const ABBREVIATIONS = new Set(
  [
    // titles and name parts
    'mr', 'mrs', 'ms', 'dr', 'drs', 'prof', 'ir', 'st', 'jr', 'sr', 'h', 'hj', 'kh', 'sdr', 'bpk', 'yth', 'tn', 'ny',
    'gov', 'gen', 'col', 'lt', 'sen', 'rep', 'mt', 'ph.d', 'm.sc', 'm.si', 'm.m', 's.e', 's.h', 's.t',
    // companies
    'inc', 'ltd', 'co', 'corp', 'tbk', 'pt', 'pte', 'bhd', 'sdn', 'cv',
    // places and references
    'jl', 'kab', 'kec', 'kel', 'prov', 'no', 'vol', 'hlm', 'fig', 'dept', 'est', 'ft', 'approx', 'vs', 'etc',
    'dll', 'dsb', 'dkk', 'tsb', 'rp', 'u.s', 'e.g', 'i.e', 'a.m', 'p.m',
    // months
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'agu', 'agt', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'des',
  ],
);

// The letters and dots before a closing full stop. Written as a look-behind at the end, the engine
// tests each position for the final full stop and reads back once (as `([\p{L}.]+)\.$` it tried the
// letters at every position of the sentence); the greedy read back takes the same whole run.
const LAST_WORD = /(?<=([\p{L}.]+))\.$/u;

/** True when `before`, ending with a full stop, ends with an abbreviation or an initial, not a sentence. */
export function endsWithAbbreviation(before: string): boolean {
  const m = LAST_WORD.exec(before);
  if (!m) return false;
  const word = m[1]!;
  if (/^\p{L}$/u.test(word)) return true; // single initial: "S." in "Eko S. Cahyanto"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // dotted initials: "S.A", "U.S"
  return ABBREVIATIONS.has(word.toLowerCase());
}

// White space other than a space, or two spaces: without either, every run of white space is one
// space already and collapsing runs would copy the paragraph unchanged.
const UNEVEN_SPACE = /[^\S ]| {2}/;

/** Splits one paragraph into sentences. */
export function splitParagraph(paragraph: string): string[] {
  const text = (UNEVEN_SPACE.test(paragraph) ? paragraph.replace(/\s+/g, ' ') : paragraph).trim();
  if (!text) return [];
  const out: string[] = [];
  let start = 0;
  // A candidate end: terminal punctuation, optional closing quotes/brackets, then space and a plausible sentence start.
  const re = /([.!?…]+)(["'”’)\]]*)\s+(?=["“'‘(]?[\p{Lu}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[1]!.length + m[2]!.length;
    const before = text.slice(start, m.index + 1);
    if (m[1] === '.' && !m[2] && endsWithAbbreviation(before)) continue;
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
