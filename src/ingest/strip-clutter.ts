// Turns normalised lines into clean paragraphs: drops clutter lines and the
// related-article lists they introduce, re-joins soft-wrapped lines, then
// removes widget paragraphs and clutter embedded in real paragraphs.
import {
  isClutterLine,
  isHeadlineShaped,
  isSectionHeader,
  isWidgetParagraph,
  readAlsoTail,
  stripBullet,
  stripInlineClutter,
} from './clutter-rules.js';

const TERMINAL = /[.!?…:;"”’)\]]$/u;
// A lower-case start continues the line before, unless it is an outlet's domain opening a dateline ("jpnn.com, JAKARTA -").
const CONTINUATION = /^(?:(?![a-z][\w-]*(?:\.[a-z]{2,6})+[\s,|–—-])\p{Ll}|https?:\/\/)/u;
const SENTENCE_END = /[.!?…]["”’)\]]?$/u;
const MAX_LIST_LINE = 200;
// Words that stay lower case in a Title Case headline.
const SMALL_WORDS = new Set('a an and as at by for from in of on or the to with dan di ke dari untuk yang pada dengan atau serta'.split(' '));

export function cleanParagraphs(lines: string[]): string[] {
  const kept = dropClutterLines(joinDropCaps(lines));
  const paragraphs = joinLines(kept, looksHardWrapped(kept));
  const out: string[] = [];
  let inBody = false;
  paragraphs.forEach((p, i) => {
    if (isWidgetParagraph(p) || isClutterLine(p)) return;
    // Once the story has begun, a Title Case line between paragraphs is a sidebar or related-article link.
    if (inBody && isSidebarHeadline(p)) return;
    const text = stripInlineClutter(p, i === paragraphs.length - 1);
    // Unchanged by the inline pass, it was tested above.
    if (text && (text === p || !isClutterLine(text))) out.push(text);
    if (!inBody && SENTENCE_END.test(text) && text.split(/\s+/).length >= 8) inBody = true;
  });
  return out;
}

/** "M" on its own line, then "itsubishi Motors ...": a drop capital split from its word. */
function joinDropCaps(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.length !== 1 || !/^\p{Lu}$/u.test(line)) {
      out.push(line);
      continue;
    }
    let next = i + 1;
    while (next < lines.length && lines[next] === '') next += 1;
    const following = lines[next] ?? '';
    if (/^\p{Ll}/u.test(following)) {
      out.push(line + following);
      i = next;
    } else {
      out.push(line);
    }
  }
  return out;
}

/**
 * 4-14 words, no closing punctuation, nearly every word capitalised, with a
 * figure in it: "Review Car X Price From Rp 209 Million", a promoted link whose
 * number would otherwise read as the article's figure. Subheads without a
 * figure stay.
 */
function isSidebarHeadline(paragraph: string): boolean {
  if (!isHeadlineShaped(paragraph) || /[.!?…]["”’)]?$/u.test(paragraph) || !/\d/.test(paragraph)) return false;
  const words = paragraph.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));
  if (words.length < 4 || words.length > 14) return false;
  const content = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const capitalised = content.filter((w) => /^["“‘(]?[\p{Lu}\d]/u.test(w)).length;
  return content.length > 0 && capitalised / content.length >= 0.8;
}

/** Line pass. Returns lines with '' marking a paragraph break. */
function dropClutterLines(lines: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    i += 1;
    const header = isSectionHeader(line);
    const tail = header ? null : readAlsoTail(line);
    if (header) {
      // The list's items: headline-shaped, or cut short without closing a sentence.
      i = skipWhile(lines, i, (l) => l === '' || isHeadlineShaped(l) || isClutterLine(l) || (l.length <= MAX_LIST_LINE && !SENTENCE_END.test(l)));
      out.push('');
    } else if (tail !== null) {
      // The marker's linked headline sits on the same line or the next one.
      if (tail === '') i = skipLinkedHeadline(lines, i);
      out.push('');
    } else if (line === '' || !isClutterLine(line)) {
      out.push(line);
    }
  }
  return out;
}

function skipLinkedHeadline(lines: string[], from: number): number {
  let i = skipWhile(lines, from, (l) => l === '');
  if (i < lines.length && isHeadlineShaped(lines[i] ?? '')) i += 1;
  // Some sites list several links, each on a bulleted line.
  return skipWhile(lines, i, (l) => l !== stripBullet(l) && isHeadlineShaped(l));
}

function skipWhile(lines: string[], from: number, test: (line: string) => boolean): number {
  let i = from;
  while (i < lines.length && test(lines[i] ?? '')) i += 1;
  return i;
}

/** Text wrapped at a fixed width: short-ish lines, most of them nearly full, blank lines between paragraphs. */
function looksHardWrapped(lines: string[]): boolean {
  const text = lines.filter(Boolean);
  if (text.length < 4 || !lines.includes('')) return false;
  const longest = Math.max(...text.map((l) => l.length));
  const nearlyFull = text.filter((l) => l.length >= longest * 0.6).length;
  return longest <= 100 && nearlyFull / text.length >= 0.6;
}

function joinLines(lines: string[], hardWrapped: boolean): string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    if (line === '') {
      if (current) paragraphs.push(current);
      current = '';
    } else if (current && (hardWrapped || (!TERMINAL.test(current) && CONTINUATION.test(line)))) {
      current += ' ' + line;
    } else {
      if (current) paragraphs.push(current);
      current = line;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}
