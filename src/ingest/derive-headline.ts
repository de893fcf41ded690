// Decides whether an article's first line is its headline, and otherwise
// derives one from the body's first sentence, trimmed at a word boundary.

import { splitParagraph } from '../nlp/split-sentences.js';

const MAX_TITLE = 160;
const MAX_DERIVED = 100;
const ENDS_LIKE_SENTENCE = /[.,;:]["”’)]?$/u;
// Apostrophes inside words ("Indonesia's") are not quote marks.
const QUOTES = /["“”‘]|(?<!\p{L})['’]|['’](?!\p{L})/gu;
const TRAILING_FILLER = new RegExp(
  '(?:[\\s,;:(\\-–—]+|\\s+(?:dan|yang|di|ke|dari|dengan|untuk|pada|dalam|atau|serta|oleh|bahwa|the|of|and|to|in|for|with|on|at|a|an|by|as|that|its|their))+$',
  'iu',
);

export function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return line.length <= MAX_TITLE && words >= 2 && words <= 25 && !ENDS_LIKE_SENTENCE.test(line);
}

export function deriveHeadline(paragraphs: string[]): string {
  const first = paragraphs.find((p) => p.split(/\s+/).length >= 4) ?? paragraphs[0] ?? '';
  const sentence = firstSentence(first).replace(/[.!?]$/u, '');
  return trimHeadline(dropDanglingQuotes(sentence)) || 'Untitled';
}

export function firstSentence(paragraph: string): string {
  return splitParagraph(paragraph)[0] ?? '';
}

/** Quote marks that open or close outside the headline would dangle; balanced inner quotes stay. */
function dropDanglingQuotes(text: string): string {
  const marks = text.match(QUOTES) ?? [];
  const balanced = marks.length % 2 === 0 && !/^["“‘'’]/u.test(text);
  return balanced ? text : text.replace(QUOTES, '').replace(/\s{2,}/g, ' ').trim();
}

function trimHeadline(text: string): string {
  if (text.length <= MAX_DERIVED) return text;
  let cut = text.slice(0, MAX_DERIVED + 1);
  cut = cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
  // A cut inside brackets would leave one open.
  const open = cut.lastIndexOf('(');
  if (open > cut.lastIndexOf(')')) cut = cut.slice(0, open);
  cut = cut.replace(TRAILING_FILLER, '');
  return dropDanglingQuotes(cut) + '…';
}
