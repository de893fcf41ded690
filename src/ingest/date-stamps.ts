// Lines that hold nothing but a date (a publication stamp such as
// "Jumat, 21 Juni 2024 | 10:15 WIB" or "Published: June 21, 2024"). They are
// metadata, not text: taken out of the body and kept for the publication date.
import { findDateMentions } from '../nlp/find-dates.js';

const MAX_STAMP = 90;
// Press releases open with "Jakarta, 12 November 2025": a place may precede the date.
const PLACE_PREFIX = '(?:\\p{Lu}[\\p{L}.-]*(?:\\s+\\p{Lu}[\\p{L}.-]*){0,2}\\s*,\\s*)?';
const LEFTOVER = new RegExp(
  '^' + PLACE_PREFIX + '[\\s,|•·\\-–—:]*(?:(?:published|updated|posted|diterbitkan|diperbarui|dipublikasikan|tanggal|date|pukul|last updated)\\s*:?)?' +
    '[\\s,|•·\\-–—:]*(?:(?:pukul\\s*)?\\d{1,2}[.:]\\d{2}(?:[.:]\\d{2})?\\s*(?:WIB|WITA|WIT|GMT|UTC|AM|PM|JST)?(?:\\s*[+-]\\d{1,4})?)?[\\s,|•·\\-–—]*$',
  'iu',
);

export function takeDateStamps(lines: string[]): { lines: string[]; stamps: string[] } {
  const kept: string[] = [];
  const stamps: string[] = [];
  for (const line of lines) {
    if (isDateStamp(line)) stamps.push(line);
    else kept.push(line);
  }
  return { lines: kept, stamps };
}

function isDateStamp(line: string): boolean {
  if (!line || line.length > MAX_STAMP || !/\d/.test(line)) return false;
  const mentions = findDateMentions(line);
  if (mentions.length !== 1) return false;
  const [m] = mentions;
  if (!m) return false;
  return LEFTOVER.test(line.slice(0, m.index)) && LEFTOVER.test(line.slice(m.end));
}
