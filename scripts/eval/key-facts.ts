// Key-fact matching: a fact counts as present when the card text contains it,
// case-insensitively, allowing number formats (1.000 / 1,000 / 1000) and date
// formats (27 Juni 2024 / June 27, 2024 / 27/6 / 2024-06-27) to differ.
import { findDates } from '../../src/nlp/find-dates.js';

function normaliseText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[–—]/g, '-')
    .replace(/(\d)[.,](?=\d{3}\b)/g, '$1') // 1.000 / 1,000 -> 1000
    .replace(/\s+/g, ' ');
}

/** Date keys present in a text: "6-21" always, "2024-6-21" when the year is known. */
function dateKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const d of findDates(text)) {
    keys.add(`${d.month}-${d.day}`);
    if (d.year) keys.add(`${d.year}-${d.month}-${d.day}`);
  }
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\b/g)) {
    keys.add(`${Number(m[2])}-${Number(m[1])}`);
    if (m[3]) keys.add(`${m[3]}-${Number(m[2])}-${Number(m[1])}`);
  }
  return keys;
}

export function factPresent(fact: string, cardText: string): boolean {
  if (normaliseText(cardText).includes(normaliseText(fact))) return true;
  const wanted = dateKeys(fact);
  if (wanted.size === 0) return false;
  const have = dateKeys(cardText);
  // The fact's most specific reading must be on the card.
  const specific = [...wanted].sort((a, b) => b.length - a.length)[0]!;
  return have.has(specific);
}
