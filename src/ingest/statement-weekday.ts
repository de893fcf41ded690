// A statement dated only by its weekday ("Mengutip siaran pers …, Minggu, Agus
// memuji …", "the ministry said on Sunday") was made on that weekday within the
// week after the event. Used only to fill in a missing publication date.
import { cueFor } from './date-cues.js';
import { WEEKDAYS, type DateMention } from '../nlp/find-dates.js';
import { toIso } from './infer-year.js';

const DAY_MS = 86_400_000;
const names = Object.keys(WEEKDAYS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w[0]?.toUpperCase() + w.slice(1))
  .join('|');
// Capitalised, and closed by punctuation or introduced by "on": lower-case "minggu" is "week" in Indonesian.
const BARE_WEEKDAY = new RegExp(`(?<!\\p{L})(?:(${names})(?=\\s*[,.;])|(?<=\\bon\\s)(${names})(?!\\p{L}))`, 'gu');

export function statementWeekdayDate(body: string, spans: readonly DateMention[], eventIso: string, limit: number): string | null {
  const event = Date.parse(`${eventIso}T00:00:00Z`);
  for (const m of body.matchAll(BARE_WEEKDAY)) {
    const word = m[1] ?? m[2] ?? '';
    const end = m.index + m[0].length;
    if (spans.some((s) => m.index < s.end && end > s.index)) continue;
    if (cueFor(body, m.index, end) !== 'statement') continue;
    const weekday = WEEKDAYS[word.toLowerCase()];
    for (let offset = 0; offset < 7; offset += 1) {
      const time = event + offset * DAY_MS;
      if (new Date(time).getUTCDay() === weekday) return time <= limit ? toIso(time) : null;
    }
  }
  return null;
}
