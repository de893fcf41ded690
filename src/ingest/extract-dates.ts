// Picks an article's event date and publication date from the dates written in
// it. Event date, in order of trust: a date an event word leads up to ("met on
// 21 June"), the dateline's date, an undated-cue or event-after date, a
// statement date, a bare weekday ("said on Tuesday") counted back from the
// publication date, the page's date stamp, and last a photo caption's date. Plans ("will begin on
// 24 September") are never the event, and an event more than two months
// before the article's own time (its publication or statement dates) is
// background, not the news. A date without a year in the text stays
// year-less ("--06-27"). The publication date is the caller's, else a
// date-only line at the top, else the dateline's, else the latest statement
// date, else a statement's bare weekday in the week after the event. Nothing
// after `now` is ever returned.
import { findDateMentions, type DateMention } from '../nlp/find-dates.js';
import { readCue, type CueReading } from './date-cues.js';
import { endOfDay, resolveYears, toIso, type ResolvedDate } from './infer-year.js';
import { bareWeekdayBefore, statementWeekdayDate } from './statement-weekday.js';

export interface DateInputs {
  body: string;
  /** The dateline prefix removed from the body ("Jakarta, Kamis (13/11/2025)"), if any. */
  dateline: string | null;
  /** Lines that held only a date, such as a publication stamp under the title. */
  stamps: string[];
  /** The caller's publication date (yyyy-mm-dd), if known. */
  published: string | null;
  /** Photo captions taken out of the body: their dates lend years and count last. */
  captions?: string[];
  /** The store's "date YYYY-MM" marker (yyyy-mm), if the text carried one. */
  month?: string | null;
  now: Date;
}

export interface ArticleDates {
  /** yyyy-mm-dd, or --mm-dd when the text gives no year. */
  eventDate: string | null;
  publishedDate: string | null;
}

type Origin = 'body' | 'dateline' | 'stamp' | 'caption';
interface Located extends ResolvedDate {
  origin: Origin;
  cue: CueReading | null;
}

const DAY_MS = 86_400_000;
const BACKGROUND_DAYS = 60;
const YEAR_WORD = /(?<![\d.,/-])(19[5-9]\d|20\d\d)(?![\d.,/-]\d)/gu;

export function extractDates(input: DateInputs): ArticleDates {
  const limit = endOfDay(input.now);
  const published = validIso(input.published, limit);
  const dates = locateAll(input, published, limit).filter((d) => d.time === null || d.time <= limit);
  const full = (d: Located) => d.time !== null;
  const body = dates.filter((d) => d.origin === 'body' && d.cue?.kind !== 'future');
  const firstFull = (origin: Origin) => dates.find((d) => d.origin === origin && full(d))?.iso ?? null;
  const statements = body.filter((d) => d.cue?.kind === 'statement');
  const latestStatement = statements.filter(full).reduce<Located | null>((a, d) => (a && a.time! >= d.time! ? a : d), null);
  const publishedDate =
    published ?? firstFull('stamp') ?? firstFull('dateline') ?? latestStatement?.iso ?? null;

  const newsTime = Math.max(
    ...[published, firstFull('stamp'), firstFull('dateline'), latestStatement?.iso].map((iso) => (iso ? Date.parse(`${iso}T00:00:00Z`) : 0)),
  );
  const current = (d: Located) => d.time === null || newsTime === 0 || d.time >= newsTime - BACKGROUND_DAYS * DAY_MS;
  const captionTimes = dates.filter((d) => d.origin === 'caption' && full(d)).map((d) => d.time!);
  const weekdayReference = publishedDate ?? (captionTimes.length ? toIso(Math.max(...captionTimes)) : null);
  const eventDate =
    body.find((d) => d.cue?.kind === 'event' && d.cue.before && current(d))?.iso ??
    dates.find((d) => d.origin === 'dateline')?.iso ??
    body.find((d) => (d.cue === null || d.cue.kind === 'event') && current(d))?.iso ??
    statements[0]?.iso ??
    (weekdayReference ? bareWeekdayBefore(input.body, body.map((d) => d.mention), weekdayReference) : null) ??
    firstFull('stamp') ??
    dates.find((d) => d.origin === 'caption')?.iso ??
    null;
  const fullEvent = eventDate && !eventDate.startsWith('--') ? eventDate : null;
  return {
    eventDate,
    publishedDate:
      publishedDate ?? (fullEvent ? statementWeekdayDate(input.body, body.map((d) => d.mention), fullEvent, limit) : null),
  };
}

/** All mentions from stamp lines, the dateline, the body and captions, resolved together so they lend each other years. */
function locateAll(input: DateInputs, published: string | null, limit: number): Located[] {
  const sources: { origin: Origin; text: string }[] = [
    ...input.stamps.map((text) => ({ origin: 'stamp' as const, text })),
    ...(input.dateline ? [{ origin: 'dateline' as const, text: input.dateline }] : []),
    { origin: 'body', text: input.body },
    ...(input.captions ?? []).map((text) => ({ origin: 'caption' as const, text })),
  ];
  const mentions: { mention: DateMention; origin: Origin; text: string }[] = [];
  for (const { origin, text } of sources) {
    for (const mention of findDateMentions(text)) mentions.push({ mention, origin, text });
  }
  const marker = input.month && /^\d{4}-\d{2}$/.test(input.month) ? new Date(`${input.month}-15T00:00:00Z`) : null;
  const reference = published ? new Date(`${published}T00:00:00Z`) : marker;
  const years = sources.flatMap(({ text }) => [...text.matchAll(YEAR_WORD)].map((m) => Number(m[1])));
  const resolved = resolveYears(
    mentions.map((m) => m.mention),
    { reference, years, limit: published ? Math.min(limit, endOfDay(new Date(`${published}T00:00:00Z`))) : limit },
  );
  const byMention = new Map(mentions.map((m) => [m.mention, m]));
  return resolved.map((r) => {
    const where = byMention.get(r.mention);
    const origin = where?.origin ?? 'body';
    const cue = origin === 'body' && where ? readCue(where.text, r.mention.index, r.mention.end) : null;
    return { ...r, origin, cue };
  });
}

function validIso(value: string | null, limit: number): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) || time > limit ? null : value;
}
