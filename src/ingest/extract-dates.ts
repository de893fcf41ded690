// Picks an article's event date and publication date from the dates written in
// it. The event is the date tied to an event cue, else the dateline's date,
// else the first date not tied to a statement; the publication date is the
// caller's, else a date-only line at the top, else the dateline's, else the
// latest statement date, else a statement's bare weekday in the week after the
// event. Nothing after `now` is ever returned.
import { cueFor, type DateCue } from './date-cues.js';
import { findDateMentions, type DateMention } from '../nlp/find-dates.js';
import { endOfDay, resolveYears, type ResolvedDate } from './infer-year.js';
import { statementWeekdayDate } from './statement-weekday.js';

export interface DateInputs {
  body: string;
  /** The dateline prefix removed from the body ("Jakarta, Kamis (13/11/2025)"), if any. */
  dateline: string | null;
  /** Lines that held only a date, such as a publication stamp under the title. */
  stamps: string[];
  /** The caller's publication date (yyyy-mm-dd), if known. */
  published: string | null;
  now: Date;
}

export interface ArticleDates {
  eventDate: string | null;
  publishedDate: string | null;
}

type Origin = 'body' | 'dateline' | 'stamp';
interface Located extends ResolvedDate {
  origin: Origin;
  cue: DateCue | null;
}

export function extractDates(input: DateInputs): ArticleDates {
  const limit = endOfDay(input.now);
  const published = validIso(input.published, limit);
  const reference = published ? new Date(`${published}T00:00:00Z`) : input.now;
  const dates = locateAll(input, reference).filter((d) => d.time <= limit);
  const body = dates.filter((d) => d.origin === 'body');
  const firstOf = (origin: Origin) => dates.find((d) => d.origin === origin)?.iso ?? null;
  const statements = body.filter((d) => d.cue === 'statement');
  const eventDate =
    body.find((d) => d.cue === 'event')?.iso ??
    firstOf('dateline') ??
    body.find((d) => d.cue === null)?.iso ??
    statements[0]?.iso ??
    null;
  const latestStatement = statements.reduce<Located | null>((a, d) => (a && a.time >= d.time ? a : d), null);
  const publishedDate =
    published ??
    firstOf('stamp') ??
    firstOf('dateline') ??
    latestStatement?.iso ??
    (eventDate ? statementWeekdayDate(input.body, body.map((d) => d.mention), eventDate, limit) : null);
  return { eventDate, publishedDate };
}

/** All mentions from stamp lines, the dateline and the body, resolved together so they lend each other years. */
function locateAll(input: DateInputs, reference: Date): Located[] {
  const sources: { origin: Origin; text: string }[] = [
    ...input.stamps.map((text) => ({ origin: 'stamp' as const, text })),
    ...(input.dateline ? [{ origin: 'dateline' as const, text: input.dateline }] : []),
    { origin: 'body', text: input.body },
  ];
  const mentions: { mention: DateMention; origin: Origin; text: string }[] = [];
  for (const { origin, text } of sources) {
    for (const mention of findDateMentions(text)) mentions.push({ mention, origin, text });
  }
  const resolved = resolveYears(
    mentions.map((m) => m.mention),
    reference,
    input.now,
  );
  const byMention = new Map(mentions.map((m) => [m.mention, m]));
  return resolved.map((r) => {
    const where = byMention.get(r.mention);
    const origin = where?.origin ?? 'body';
    const cue = origin === 'body' && where ? cueFor(where.text, r.mention.index, r.mention.end) : null;
    return { ...r, origin, cue };
  });
}

function validIso(value: string | null, limit: number): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) || time > limit ? null : value;
}
