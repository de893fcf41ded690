// Normalises pasted article text: odd spaces, invisible characters and line
// endings vary between sites and copy sources, so they are folded here once.
// Letters, digits, quotes and dashes are left exactly as written.
import { DecodingMode, decodeHTML } from 'entities';

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u180E]/g;
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed end lines in some pastes.
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085\u000B\u000C]/g;
// Control characters other than newline carry nothing readable.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000E-\u001F\u007F]/g;
const SPACE_RUN = / {2,}/g;
// Text copied out of page source keeps HTML entities; they stand for real characters. Decoded by
// the `entities` package (the full HTML table); only terminated ones (&amp;), as in text nodes.
function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text, DecodingMode.Strict) : text;
}

/** One cleaned line per source line; blank lines are kept as '' so paragraph breaks survive. */
export function normaliseLines(text: string): string[] {
  const flat = decodeEntities(text)
    .normalize('NFC')
    .replace(LINE_BREAK, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .replace(CONTROL, '');
  return flat.split('\n').map((line) => line.replace(SPACE_RUN, ' ').trim());
}

/** Same folding for a single line of text (titles and sources given by the caller). */
export function normaliseInline(text: string): string {
  return normaliseLines(text).filter(Boolean).join(' ');
}
