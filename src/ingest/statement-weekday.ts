// Dates given only by a weekday. A statement dated so ("Mengutip siaran pers …,
// Minggu, Agus memuji …", "the ministry said on Sunday") was made on that
// weekday within the week after the event: it fills in a missing publication
// date. And an article that dates its news only so ("met on Tuesday", "said
// on Tuesday") reports that weekday in the week up to its publication date.
import { WEEKDAYS, type DateMention } from '../nlp/find-dates.js';
import { cueFor } from './date-cues.js';
import { toIso } from './infer-year.js';

const DAY_MS = 86_400_000;
// Abbreviations ("Sat", "Sun") are ordinary words when they stand alone.
const ABBREVIATED = new Set(['sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat']);
const names = Object.keys(WEEKDAYS)
  .filter((w) => !ABBREVIATED.has(w))
  .sort((a, b) => b.length - a.length)
  .map((w) => w[0]?.toUpperCase() + w.slice(1))
  .join('|');
// Capitalised, and closed by punctuation or introduced by "on": lower-case "minggu" is "week" in Indonesian.
const BARE_WEEKDAY = new RegExp(`(?<!\\p{L})(?:(${names})(?=\\s*[,.;])|(?<=\\bon\\s)(${names})(?!\\p{L}))`, 'gu');

interface BareWeekday {
  weekday: number;
  cue: ReturnType<typeof cueFor>;
}

function* bareWeekdays(body: string, spans: readonly DateMention[]): Generator<BareWeekday> {
  for (const m of body.matchAll(BARE_WEEKDAY)) {
    const word = m[1] ?? m[2] ?? '';
    const end = m.index + m[0].length;
    if (spans.some((s) => m.index < s.end && end > s.index)) continue;
    const weekday = WEEKDAYS[word.toLowerCase()];
    if (weekday !== undefined) yield { weekday, cue: cueFor(body, m.index, end) };
  }
}

export function statementWeekdayDate(body: string, spans: readonly DateMention[], eventIso: string, limit: number): string | null {
  const event = Date.parse(`${eventIso}T00:00:00Z`);
  for (const { weekday, cue } of bareWeekdays(body, spans)) {
    if (cue !== 'statement') continue;
    for (let offset = 0; offset < 7; offset += 1) {
      const time = event + offset * DAY_MS;
      if (new Date(time).getUTCDay() === weekday) return time <= limit ? toIso(time) : null;
    }
  }
  return null;
}

/** The first event or statement weekday, as the last such day on or before the reference date. */
export function bareWeekdayBefore(body: string, spans: readonly DateMention[], referenceIso: string): string | null {
  const reference = Date.parse(`${referenceIso}T00:00:00Z`);
  for (const { weekday, cue } of bareWeekdays(body, spans)) {
    if (cue !== 'event' && cue !== 'statement') continue;
    for (let offset = 0; offset < 7; offset += 1) {
      const time = reference - offset * DAY_MS;
      if (new Date(time).getUTCDay() === weekday) return toIso(time);
    }
  }
  return null;
}
