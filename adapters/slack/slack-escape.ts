// Escaping and length-fitting for Slack mrkdwn and plain_text. Article and user
// text must never become a live mention (<!channel>, <@U123>) or a link: Slack
// asks for exactly three entities and nothing else.

import { ELLIPSIS, prefixWithin, truncate } from '../../src/text/fit-length.js';

/** Escapes `&`, `<`, `>` exactly as Slack documents; nothing else. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts escaped text to at most `max` UTF-16 units, ending with an ellipsis when cut.
 * Like the shared truncate (never splits a code point), and never splits an `&amp;`-style entity.
 */
export function truncateEscaped(text: string, max: number): string {
  if (text.length <= max || max <= ELLIPSIS.length) return truncate(text, max);
  let cut = max - ELLIPSIS.length;
  const amp = text.lastIndexOf('&', cut - 1);
  // An entity is at most 5 characters (&amp;): if it straddles the cut, drop it whole.
  if (amp >= 0 && amp > cut - 5) {
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi >= cut) cut = amp;
  }
  return prefixWithin(text, cut).trimEnd() + ELLIPSIS;
}

/**
 * Escape, then fit. Used for mrkdwn and plain_text alike: Slack decodes the three
 * entities in both, and escaping everywhere means no path can carry a live mention.
 */
export function slackText(text: string, max: number): string {
  return truncateEscaped(escapeMrkdwn(text), max);
}
