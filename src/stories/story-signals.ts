// What one report contributes to same-event grouping: its translation-proof
// signals (event-signals.ts), the date of the event, and any numbered series
// edition it names ("5th Automotive Dialogue"). Two reports of one event share
// many signals; two events of one series differ in date or ordinal, which
// vetoes the match.
import type { ArticleText } from '../model/article.js';
import { findDates, fromIso, type FoundDate } from '../nlp/find-dates.js';
import { findSeriesEvents } from '../nlp/find-entities.js';
import { eventSignals, LEAD_CHARS, type Concepts, type SignalWeights } from './event-signals.js';

export type StoryInput = Omit<ArticleText, 'storyId'>;
/** What the signals are read from (a cleaned article before its summary has them all). */
export type SignalSource = Pick<StoryInput, 'title' | 'body' | 'language' | 'eventDate' | 'publishedDate'>;
export type EventDate = Omit<FoundDate, 'index'>;

export interface SeriesEvent {
  ordinal: number;
  words: Set<string>;
}

export interface StorySignals {
  /** Signal key -> weight before rarity ("w:saito" 2, "n:11200000000000" 3, "c:hydrogen" 1, "l:tokyo" 0.5). */
  weights: SignalWeights;
  /** Name key -> the name it is part of ("w:hartarto" -> "airlangga hartarto"): one person counts once. */
  nameOf: Map<string, string>;
  date: EventDate | null;
  /** Days since 1970 when the date has a year, for a quick window check. */
  day: number | null;
  series: SeriesEvent[];
}

/**
 * What a stored report keeps of its signals: keys (strings shared across reports)
 * and weights as parallel arrays, ~a tenth of two maps per report. Which name a
 * key belongs to matters only for the new report being assigned, so it is not kept.
 */
export interface StoredSignals {
  keys: string[];
  weights: number[];
  date: EventDate | null;
  day: number | null;
  series: SeriesEvent[];
}

/** The part of a report's signals a stored report keeps; `share` may swap each key for an equal string already held. */
export function storedSignals(s: StorySignals, share: (key: string) => string = (key) => key): StoredSignals {
  const keys: string[] = [];
  const weights: number[] = [];
  for (const [key, w] of s.weights) {
    keys.push(share(key));
    weights.push(w);
  }
  return { keys, weights, date: s.date, day: s.day, series: s.series };
}

const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, pertama: 1, kedua: 2, ketiga: 3, keempat: 4, kelima: 5 };

function seriesOf(name: string): SeriesEvent | null {
  const [first, ...rest] = name.split(/\s+/);
  const ordinal = Number.parseInt(first ?? '', 10) || ORDINAL_WORDS[(first ?? '').toLowerCase()] || 0;
  if (!ordinal) return null;
  const words = new Set(rest.join(' ').toLowerCase().split(/[\s–-]+/).filter((w) => w.length > 2 && !/^\d+$/.test(w)));
  return { ordinal, words };
}

/** "2024-01-17", or "--01-17" for a day and month whose year the text does not give. */
function readStoredDate(value: string | null | undefined): EventDate | null {
  const partial = value ? /^--(\d{2})-(\d{2})$/.exec(value) : null;
  return partial ? { year: null, month: Number(partial[1]), day: Number(partial[2]) } : fromIso(value);
}

/** The event date: the one ingest found, else the publication date, else the first dated mention in the lead. */
function eventDateOf(a: SignalSource): EventDate | null {
  const stored = readStoredDate(a.eventDate) ?? readStoredDate(a.publishedDate);
  if (stored) return stored;
  const lead = [a.title, ...a.body.split(/\n{2,}/, 3)].join('\n');
  const dates = findDates(lead);
  const found = dates.find((d) => d.year !== null) ?? dates[0];
  return found ? { year: found.year, month: found.month, day: found.day } : null;
}

/** Days since 1970 for a date with a year; null otherwise. */
export function epochDay(d: EventDate | null): number | null {
  return d && d.year !== null ? Date.UTC(d.year, d.month - 1, d.day) / 86_400_000 : null;
}

export function storySignals(a: SignalSource, concepts: Concepts): StorySignals {
  const { weights, nameOf } = eventSignals(a.title, a.body, a.language, concepts);
  const series = findSeriesEvents(`${a.title}\n${a.body.slice(0, LEAD_CHARS)}`)
    .map(seriesOf)
    .filter((s): s is SeriesEvent => s !== null);
  const date = eventDateOf(a);
  return { weights, nameOf, date, day: epochDay(date), series };
}

/** True when both mention the same numbered series with different numbers (the 5th vs the 6th dialogue). */
export function differentSeriesEditions(a: readonly SeriesEvent[], b: readonly SeriesEvent[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.ordinal === y.ordinal) continue;
      const shared = [...x.words].filter((w) => y.words.has(w)).length;
      if (shared >= Math.min(2, x.words.size, y.words.size) && shared > 0) return true;
    }
  }
  return false;
}
