// A light English stemmer (plural, -ing, -ed, -ly, a few derivational endings).
// Light on purpose: it only needs to make inflected forms meet, never to find roots.

const RULES: [RegExp, string][] = [
  [/ies$/, 'y'],
  [/(ss|us|is)$/, '$1'],
  [/([^s])s$/, '$1'],
];

const SUFFIXES: [RegExp, string][] = [
  [/ational$/, 'ate'],
  [/ization$/, 'ize'],
  [/(\w{3,})ments?$/, '$1'],
  [/(\w{3,})ing$/, '$1'],
  [/(\w{3,})edly$/, '$1'],
  [/(\w{3,})ed$/, '$1'],
  [/(\w{3,})ly$/, '$1'],
  [/(\w{3,})ness$/, '$1'],
  [/(\w{3,})ation$/, '$1'],
  [/(\w{3,})e$/, '$1'],
];

export function stemEnglish(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length <= 3) return w;
  for (const [re, to] of RULES) {
    if (re.test(w)) {
      w = w.replace(re, to);
      break;
    }
  }
  for (const [re, to] of SUFFIXES) {
    if (re.test(w)) {
      w = w.replace(re, to);
      break;
    }
  }
  // Undouble a final consonant left by -ing/-ed ("running" -> "runn" -> "run").
  return w.replace(/([bdfgmnprt])\1$/, '$1');
}
