// Text folding shared by tagging, search and suggestions: one definition of
// "the same word" across the engine (case, accents, dashes, punctuation).

const COMBINING = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-case, accent-free, punctuation-free form; words separated by one space. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING, '').toLowerCase().replace(NON_WORD, ' ').trim();
}

export function foldTokens(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

const folded = new Map<string, string>();

/** foldText for a short string that recurs (a word, an entity name), remembered: news vocabulary repeats across articles. */
export function foldWord(word: string): string {
  let f = folded.get(word);
  if (f === undefined) {
    f = foldText(word);
    if (folded.size >= 50_000) folded.clear();
    folded.set(word, f);
  }
  return f;
}
