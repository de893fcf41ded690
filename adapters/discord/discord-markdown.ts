// Text from an article or a user, made inert for Discord markdown. Discord renders markdown
// in message content, embed titles, descriptions and field values: an article line such as
// "[click here](http://evil.example/2)" would post a live masked link, "# Breaking" a heading,
// "||x||" a spoiler. Discord's parser takes a backslash before any punctuation as "show this
// character", so every character that can start markup is escaped; bare links are left whole
// (a backslash inside one would break it), and they show their real address anyway.
//
// Not discord.js's escapeMarkdown: its lookbehinds rescan the text before each position, so a
// few kilobytes without spaces take seconds, and its masked-link option escapes only the first
// bracket of a line, leaving a second link live.
// Footers and author names render no markdown and are never escaped (a backslash would show).

const BARE_LINK = /(https?:\/\/[^\s<]+)/;
/**
 * Markup characters wherever they stand (emphasis, code, spoilers, strikethrough, link brackets,
 * escapes) and the `<` of <@user>, <#channel>, <:emoji:id>, <t:timestamp>, </command:id>.
 */
const INLINE = /[\\*_~`|[\]]|<(?=[@#:/]|a:|t:)/g;
/** Markup that only counts at the start of a line: headings, quotes, subtext, lists. */
const LINE_START = /^([ \t]*)(#{1,6}|>+|-#|[-+](?=\s)|\d+(?=[.)]\s))/gm;

/** `text` shown literally in any markdown-rendering part of a Discord message. */
export function escapeDiscord(text: string): string {
  if (!text.includes('http')) return escapePart(text);
  return text
    .split(BARE_LINK)
    .map((part, i) => (i % 2 === 1 ? part : escapePart(part)))
    .join('');
}

function escapePart(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_, space: string, mark: string) => `${space}${/^\d/.test(mark) ? `${mark}\\` : mark.replace(/./g, '\\$&')}`);
}
