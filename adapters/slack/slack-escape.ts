// Escaping and length-fitting for Slack mrkdwn and plain_text. Article and user
// text must never become a live mention (<!channel>, <@U123>) or a link: Slack
// asks for exactly three entities and nothing else.

const ELLIPSIS = '…';

/** Escapes `&`, `<`, `>` exactly as Slack documents; nothing else. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts `text` so it is at most `max` UTF-16 units long, ending with an ellipsis when cut.
 * Never splits a surrogate pair or (for escaped text) an `&amp;`-style entity.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(max, 0));
  let cut = max - ELLIPSIS.length;
  const amp = text.lastIndexOf('&', cut - 1);
  // An entity is at most 5 characters (&amp;): if it straddles the cut, drop it whole.
  if (amp >= 0 && amp > cut - 5) {
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi >= cut) cut = amp;
  }
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/**
 * Escape, then fit. Used for mrkdwn and plain_text alike: Slack decodes the three
 * entities in both, and escaping everywhere means no path can carry a live mention.
 */
export function slackText(text: string, max: number): string {
  return truncate(escapeMrkdwn(text), max);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
