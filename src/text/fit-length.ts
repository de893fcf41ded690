// Cutting text to a length limit (Slack block texts, Discord embeds and custom_ids, audit
// details). Limits count UTF-16 units, so a naive slice can keep half of a surrogate pair:
// an emoji becomes a lone surrogate that platforms reject or show as garbage. Every cut
// for a limit goes through here, on every platform.

export const ELLIPSIS = '…';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The longest prefix of `text` at most `max` UTF-16 units long that ends on a code point boundary. */
export function prefixWithin(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, Math.floor(max));
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/** At most `max` UTF-16 units; a cut is marked with an ellipsis and never splits a code point. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return max <= 0 ? '' : ELLIPSIS;
  return prefixWithin(text, max - ELLIPSIS.length).trimEnd() + ELLIPSIS;
}
