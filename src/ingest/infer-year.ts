// Gives year-less dates ("Rabu (12/11)", "21st June") a year. Order of trust:
// full dates elsewhere in the same text; then the written weekday (the year,
// not after now, closest to the reference date in which that day falls on it);
// then the reference date itself (the caller's publication date, else now).
import type { DateMention } from '../nlp/find-dates.js';

export interface ResolvedDate {
  mention: DateMention;
  /** yyyy-mm-dd */
  iso: string;
  time: number;
}

const DAY_MS = 86_400_000;
// Weekday/day-month pairs repeat every 5, 6 or 11 years; 28 covers every case.
const WEEKDAY_SEARCH_YEARS = 28;

export function resolveYears(mentions: DateMention[], reference: Date, now: Date): ResolvedDate[] {
  const anchors = mentions.filter((m) => m.year !== null);
  const out: ResolvedDate[] = [];
  for (const mention of mentions) {
    const year = mention.year ?? inferYear(mention, anchors, reference, now);
    if (year === null) continue;
    const time = Date.UTC(year, mention.month - 1, mention.day);
    out.push({ mention, iso: toIso(time), time });
  }
  return out;
}

function inferYear(m: DateMention, anchors: DateMention[], reference: Date, now: Date): number | null {
  const nearest = [...anchors].sort((a, b) => Math.abs(a.index - m.index) - Math.abs(b.index - m.index));
  for (const anchor of nearest) {
    const year = yearNearAnchor(m, anchor);
    if (year !== null) return year;
  }
  if (m.weekday !== null) return yearFromWeekday(m, reference, now);
  return closestYear(m, reference.getTime(), [-1, 0, 1], now);
}

/** The anchor's year or a neighbour (a "(2/1)" next to "30 Desember 2024" is in 2025), matching any written weekday. */
function yearNearAnchor(m: DateMention, anchor: DateMention): number | null {
  const anchorYear = anchor.year ?? 0;
  const anchorTime = Date.UTC(anchorYear, anchor.month - 1, anchor.day);
  const candidates = [anchorYear - 1, anchorYear, anchorYear + 1].filter((y) => weekdayFits(m, y));
  if (candidates.length === 0) return null;
  return candidates.reduce((best, y) =>
    Math.abs(dayTime(m, y) - anchorTime) < Math.abs(dayTime(m, best) - anchorTime) ? y : best,
  );
}

function yearFromWeekday(m: DateMention, reference: Date, now: Date): number | null {
  const offsets = Array.from({ length: WEEKDAY_SEARCH_YEARS * 2 + 1 }, (_, i) => i - WEEKDAY_SEARCH_YEARS);
  return closestYear(m, reference.getTime(), offsets, now, (y) => weekdayFits(m, y));
}

function closestYear(
  m: DateMention,
  target: number,
  offsets: number[],
  now: Date,
  accept: (year: number) => boolean = () => true,
): number | null {
  const base = new Date(target).getUTCFullYear();
  let best: number | null = null;
  for (const offset of offsets) {
    const y = base + offset;
    if (!accept(y) || dayTime(m, y) > endOfDay(now)) continue;
    if (best === null || Math.abs(dayTime(m, y) - target) < Math.abs(dayTime(m, best) - target)) best = y;
  }
  return best;
}

function weekdayFits(m: DateMention, year: number): boolean {
  const d = new Date(dayTime(m, year));
  // Date.UTC rolls 29 Feb into March in common years; such a year does not fit.
  if (d.getUTCDate() !== m.day) return false;
  return m.weekday === null || d.getUTCDay() === m.weekday;
}

function dayTime(m: DateMention, year: number): number {
  return Date.UTC(year, m.month - 1, m.day);
}

export function endOfDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + DAY_MS - 1;
}

export function toIso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
