// What wink-nlp reads better than our hand-written rules in English news:
// - numbers written as words ("six sectors", "five million motorcycles", "a four-year
//   contract", "under five minutes"), from its entity recogniser (CARDINAL, DURATION);
// - whether a clause has a verb at all, from its part-of-speech tags: our suffix test takes
//   "meeting" and "engineers" for verbs, wink tags them NOUN.
// The model costs ~0.5 s to load and ~0.1-0.3 ms a sentence, so it is loaded once, on first
// need, and only the few sentences that need it are read (see docs/decisions/012-wink-nlp.md).
import { createRequire } from 'node:module';
import type WinkNLP from 'wink-nlp';

type Nlp = ReturnType<typeof WinkNLP>;

const require = createRequire(import.meta.url);
let nlp: Nlp | null = null;

function engine(): Nlp {
  if (!nlp) {
    const winkNLP = require('wink-nlp') as typeof WinkNLP;
    const model = require('wink-eng-lite-web-model') as Parameters<typeof WinkNLP>[0];
    // Input is one sentence at a time: no sentence splitting.
    nlp = winkNLP(model, ['pos', 'ner']);
  }
  return nlp;
}

const NUMBER_WORD = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b/i;

export interface WordNumber {
  /** As written: "six", "five million", "five minutes". */
  value: string;
  index: number;
}

/** Cardinals and durations written in words, in order; digits are left to the figure reader. */
export function englishWordNumbers(sentence: string): WordNumber[] {
  if (!NUMBER_WORD.test(sentence)) return [];
  const { its } = engine();
  const out: WordNumber[] = [];
  let from = 0;
  for (const e of engine().readDoc(sentence).entities().out(its.detail) as { value: string; type: string }[]) {
    if ((e.type !== 'CARDINAL' && e.type !== 'DURATION') || /\d/.test(e.value) || !NUMBER_WORD.test(e.value)) continue;
    const index = sentence.indexOf(e.value, from);
    if (index === -1) continue;
    from = index + e.value.length;
    out.push({ value: e.value, index });
  }
  return out;
}

/** True when wink tags a verb or auxiliary in the clause: "During the meeting with the board…" has none. */
export function englishHasVerb(clause: string): boolean {
  const { its } = engine();
  return (engine().readDoc(clause).tokens().out(its.pos) as string[]).some((p) => p === 'VERB' || p === 'AUX');
}
