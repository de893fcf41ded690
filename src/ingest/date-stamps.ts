// Lines that hold nothing but a date (a publication stamp such as
// "Jumat, 21 Juni 2024 | 10:15 WIB", "Published: June 21, 2024" or
// "Kompas.com - 11/12/2017, 19:02 WIB"), and the " date 2019-06" marker some
// stores put before a page's text. Both are metadata, not text: taken out of
// the body and kept for the dates (and a stamp's outlet for the source).
import { findDateMentions } from '../nlp/find-dates.js';

const MAX_STAMP = 90;
// Press releases open with "Jakarta, 12 November 2025": a place may precede the date.
const PLACE_PREFIX = '(?:\\p{Lu}[\\p{L}.-]*(?:\\s+\\p{Lu}[\\p{L}.-]*){0,2}\\s*,\\s*)?';
// Or the outlet's domain: "Kompas.com - 11/12/2017, 19:02 WIB".
const DOMAIN_PREFIX = '(?:[\\p{L}\\d-]+(?:\\.[a-z]{2,10}){1,2}\\s*[-–—|]\\s*)?';
const LEFTOVER = new RegExp(
  '^' + DOMAIN_PREFIX + PLACE_PREFIX + '[\\s,|•·\\-–—:]*(?:(?:published|updated|posted|diterbitkan|diperbarui|dipublikasikan|tanggal|date|pukul|last updated)\\s*:?)?' +
    '[\\s,|•·\\-–—:]*(?:(?:pukul\\s*)?\\d{1,2}[.:]\\d{2}(?:[.:]\\d{2})?(?:\\s*(?:AM|PM))?(?:\\s*(?:WIB|WITA|WIT|GMT|UTC|JST))?(?:\\s*[+-]\\d{1,4})?)?[\\s,|•·\\-–—]*$',
  'iu',
);
const STAMP_DOMAIN = /^([\p{L}\d-]+(?:\.[a-z]{2,10}){1,2})\s*[-–—|]/iu;
// " date 2019-06 jpnn.com, JAKARTA - ...": the marker, then the page's first line.
const MARKER = /^date\s+(\d{4}-\d{2}(?:-\d{2})?)(?![\d-])\s*/u;

export interface Stamps {
  lines: string[];
  stamps: string[];
  /** yyyy-mm from a " date yyyy-mm" marker, when there is one. */
  month: string | null;
  /** An outlet domain a stamp line names ("Kompas.com - 11/12/2017"). */
  domain: string | null;
}

export function takeDateStamps(lines: string[]): Stamps {
  const kept: string[] = [];
  const stamps: string[] = [];
  let month: string | null = null;
  let domain: string | null = null;
  for (const line of lines) {
    const marker = MARKER.exec(line);
    if (marker) {
      const value = marker[1] ?? '';
      month ??= value.slice(0, 7);
      if (value.length === 10) stamps.push(value);
      const rest = line.slice(marker[0].length);
      // The marker glues the page's first line to the previous one: keep them apart.
      kept.push('', ...(rest ? [rest] : []));
    } else if (isDateStamp(line)) {
      stamps.push(line);
      domain ??= STAMP_DOMAIN.exec(line)?.[1] ?? null;
    } else {
      kept.push(line);
    }
  }
  return { lines: kept, stamps, month, domain };
}

export function isDateStamp(line: string): boolean {
  if (!line || line.length > MAX_STAMP || !/\d/.test(line)) return false;
  const mentions = findDateMentions(line);
  if (mentions.length !== 1) return false;
  const [m] = mentions;
  if (!m) return false;
  return LEFTOVER.test(line.slice(0, m.index)) && LEFTOVER.test(line.slice(m.end));
}
