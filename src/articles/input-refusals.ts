// Input the engine must not take, each refused with a sentence that says why:
// garbled text (binary or mis-decoded bytes) and articles in a language
// other than Bahasa Indonesia or English.
import { RingkasError } from '../errors.js';
import { otherLanguage } from '../nlp/detect-language.js';

// UTF-8 read as Latin-1/Windows-1252: "Ã©", "â€™", "Â ".
const MOJIBAKE = /[ÃÂ][\u0080-\u00BF]|â€[\u0080-\u00BF™œ˜“”–—]/gu;
const REPLACEMENT = /\uFFFD/gu;
// eslint-disable-next-line no-control-regex -- control characters are what binary pastes are made of.
const CONTROL = /[\u0000-\u0008\u000E-\u001F]/gu;
const MIN_MARKS = 3;
const MAX_SHARE = 0.005;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** Binary or mis-decoded text, as files already are refused. */
export function checkNotGarbled(text: string): void {
  const marks = count(text, MOJIBAKE) + count(text, REPLACEMENT) + count(text, CONTROL);
  if (text.includes('\u0000') || (marks >= MIN_MARKS && marks / Math.max(1, text.length) > MAX_SHARE)) {
    throw new RingkasError(
      'bad_input',
      'That text looks garbled (binary or mis-encoded characters); paste the article as plain text, or upload it as a .txt, .md or .html file.',
    );
  }
}

/** Bahasa Indonesia and English only: anything else is refused by name, never summarised as English. */
export function checkSupportedLanguage(text: string): void {
  const other = otherLanguage(text);
  if (other) {
    throw new RingkasError('bad_input', `Ringkas summarises Bahasa Indonesia and English articles; this looks like ${other}.`);
  }
}
