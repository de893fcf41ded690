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
const CONTINUATION = /^(?:\p{Ll}|https?:\/\/)/u;

export function cleanParagraphs(lines: string[]): string[] {
  const kept = dropClutterLines(lines);
  const paragraphs = joinLines(kept, looksHardWrapped(kept));
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    if (isWidgetParagraph(p) || isClutterLine(p)) return;
    const text = stripInlineClutter(p, i === paragraphs.length - 1);
    if (text && !isClutterLine(text)) out.push(text);
  });
  return out;
}

/** Line pass. Returns lines with '' marking a paragraph break. */
function dropClutterLines(lines: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    i += 1;
    const tail = isSectionHeader(line) ? null : readAlsoTail(line);
    if (isSectionHeader(line)) {
      i = skipWhile(lines, i, (l) => l === '' || isHeadlineShaped(l) || isClutterLine(l));
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
