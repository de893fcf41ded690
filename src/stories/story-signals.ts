// What survives translation of a news report: people's names, acronyms, numbers,
// places, numbered series events and the date of the event. Two reports of one
// event share many of these; two events of one series (5th vs 6th dialogue)
// differ in date or ordinal, which vetoes the match. Everything is read from
// fields already on the record (entities, key figures, dates), never the body,
// so rebuilding the index at start-up stays cheap.
import type { ArticleRecord, Entity, Language } from '../model/article.js';
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
  const lead = [a.title, ...a.body.split(/\n{2,}/, 3)].join('\n');
  const dates = findDates(lead);
  const found = dates.find((d) => d.year !== null) ?? dates[0];
  return found ? { year: found.year, month: found.month, day: found.day } : null;
}

function epochDay(d: EventDate | null): number | null {
  return d && d.year !== null ? Date.UTC(d.year, d.month - 1, d.day) / 86_400_000 : null;
}

type Pairs = readonly (readonly [string, number])[];

// Entity names and figures repeat across thousands of stored articles; their
// keys are derived once and shared, which keeps the start-up rebuild cheap.
const CACHE_LIMIT = 50_000;
const entityCache = new Map<string, Map<string, Pairs>>();
const figureCache: Record<Language, Map<string, string | null>> = { id: new Map(), en: new Map() };

function remember<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, v);
  }
  return v;
}

function entityPairs(e: Entity): Pairs {
  let byName = entityCache.get(e.kind);
  if (!byName) entityCache.set(e.kind, (byName = new Map()));
  return remember(byName, e.name, (): Pairs => {
    if (e.kind === 'person') {
      return e.name.toLowerCase().split(/\s+/).filter((part) => part.length >= 3 && !part.includes('.')).map((part) => [`p:${part}`, KIND_WEIGHT.person] as const);
    }
    if (e.kind === 'place') return [[`l:${e.name.toLowerCase()}`, KIND_WEIGHT.place]];
    if (/^\p{Lu}[\p{Lu}\d-]+$/u.test(e.name)) return [[`a:${e.name}`, KIND_WEIGHT.acronym]];
    return [[`o:${e.name.toLowerCase()}`, e.kind === 'programme' ? KIND_WEIGHT.programme : KIND_WEIGHT.organisation]];
  });
}

function figureKey(value: string, language: Language): string | null {
  return remember(figureCache[language], value, () => {
    const m = /(\d[\d.,]*)\s*(ribu|juta|miliar|triliun|thousand|million|billion|trillion)?/i.exec(value);
    const key = m ? numberKey(m[1]!, language, m[2]) : null;
    return key && !/^(19|20)\d\d$/.test(key) ? `n:${key}${/%|persen|percent/i.test(value) ? '%' : ''}` : null;
  });
}

export function storySignals(a: StoryInput): StorySignals {
  const weights = new Map<string, number>();
  const put = (key: string, w: number) => {
    const had = weights.get(key);
    if (had === undefined || had < w) weights.set(key, w);
  };
  for (const e of a.entities) for (const [key, w] of entityPairs(e)) put(key, w);
  for (const f of a.keyFigures) {
    const key = figureKey(f.value, a.language);
    if (key) put(key, KIND_WEIGHT.number);
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
