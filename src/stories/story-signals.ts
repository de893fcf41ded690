// What survives translation of a news report: people's names, acronyms, numbers,
// places, numbered series events and the date of the event. Two reports of one
// event share many of these; two events of one series (5th vs 6th dialogue)
// differ in date or ordinal, which vetoes the match. Everything is read from
// fields already on the record (entities, key figures, dates), never the body,
// so rebuilding the index at start-up stays cheap.
import type { ArticleRecord } from '../model/article.js';
import { findDates, fromIso, type FoundDate } from '../nlp/find-dates.js';
import { isSeriesEventName } from '../nlp/find-entities.js';
import { numberKey } from '../nlp/read-number.js';

export type StoryInput = Omit<ArticleRecord, 'storyId'>;
export type EventDate = Omit<FoundDate, 'index'>;

export interface SeriesEvent {
  ordinal: number;
  words: Set<string>;
}

export interface StorySignals {
  /** Signal key -> weight before rarity ("p:saito" 3, "a:IJEPA" 2.5, "n:99" 2, "l:tokyo" 0.5). */
  weights: Map<string, number>;
  date: EventDate | null;
  /** Days since 1970 when the date has a year, for a quick window check. */
  day: number | null;
  series: SeriesEvent[];
}

const KIND_WEIGHT = { person: 3, acronym: 2.5, programme: 2, number: 2, place: 0.5, organisation: 1 } as const;
const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };

function seriesOf(name: string): SeriesEvent | null {
  const [first, ...rest] = name.split(/\s+/);
  const ordinal = Number.parseInt(first ?? '', 10) || ORDINAL_WORDS[(first ?? '').toLowerCase()] || 0;
  if (!ordinal) return null;
  const words = new Set(rest.join(' ').toLowerCase().split(/[\s–-]+/).filter((w) => w.length > 2 && !/^\d+$/.test(w)));
  return { ordinal, words };
}

function eventDateOf(a: StoryInput): EventDate | null {
  const iso = fromIso(a.eventDate) ?? fromIso(a.publishedDate);
  if (iso) return iso;
  const lead = [a.title, ...a.paragraphs.slice(0, 3)].join('\n');
  const dates = findDates(lead);
  const found = dates.find((d) => d.year !== null) ?? dates[0];
  return found ? { year: found.year, month: found.month, day: found.day } : null;
}

function epochDay(d: EventDate | null): number | null {
  return d && d.year !== null ? Date.UTC(d.year, d.month - 1, d.day) / 86_400_000 : null;
}

export function storySignals(a: StoryInput): StorySignals {
  const weights = new Map<string, number>();
  const put = (key: string, w: number) => weights.set(key, Math.max(weights.get(key) ?? 0, w));
  for (const e of a.entities) {
    if (e.kind === 'person') {
      for (const part of e.name.toLowerCase().split(/\s+/)) if (part.length >= 3 && !part.includes('.')) put(`p:${part}`, KIND_WEIGHT.person);
    } else if (e.kind === 'place') {
      put(`l:${e.name.toLowerCase()}`, KIND_WEIGHT.place);
    } else if (/^\p{Lu}[\p{Lu}\d-]+$/u.test(e.name)) {
      put(`a:${e.name}`, KIND_WEIGHT.acronym);
    } else {
      put(`o:${e.name.toLowerCase()}`, e.kind === 'programme' ? KIND_WEIGHT.programme : KIND_WEIGHT.organisation);
    }
  }
  for (const f of a.keyFigures) {
    const m = /(\d[\d.,]*)\s*(ribu|juta|miliar|triliun|thousand|million|billion|trillion)?/i.exec(f.value);
    const key = m ? numberKey(m[1]!, a.language, m[2]) : null;
    if (key && !/^(19|20)\d\d$/.test(key)) put(`n:${key}${/%|persen|percent/i.test(f.value) ? '%' : ''}`, KIND_WEIGHT.number);
  }
  // Series events ("5th Automotive Dialogue") are among the entities the summary found.
  const series = a.entities
    .filter((e) => e.kind === 'programme' && isSeriesEventName(e.name))
    .map((e) => seriesOf(e.name))
    .filter((s): s is SeriesEvent => s !== null);
  const date = eventDateOf(a);
  return { weights, date, day: epochDay(date), series };
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
