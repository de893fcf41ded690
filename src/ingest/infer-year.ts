// Gives year-less dates ("Rabu (12/11)", "21st June") a year from the text
// itself, never from today's date. Order of trust: a full date elsewhere in
// the text (its year or a neighbour, matching any written weekday); then a
// written weekday that fits exactly one year next to the years the text
// mentions or its reference date (the caller's publication date or the
// store's "date YYYY-MM" marker); then, without a weekday, the reference
// date's year. Otherwise the date stays year-less ("--06-27").
import type { DateMention } from '../nlp/find-dates.js';

export interface ResolvedDate {
  mention: DateMention;
  /** yyyy-mm-dd, or --mm-dd when the text does not tell the year. */
  iso: string;
  /** Epoch ms of a full date; null when the year is unknown. */
  time: number | null;
}

export interface YearContext {
  /** The caller's publication date or the store's month marker, when known. */
  reference: Date | null;
  /** Years the text mentions ("2023", "September 2023"), as hints for a weekday. */
  years: readonly number[];
  /** Nothing after this is a plausible reading (end of today, or of the publication day). */
  limit: number;
}

const DAY_MS = 86_400_000;

export function resolveYears(mentions: DateMention[], context: YearContext): ResolvedDate[] {
  const anchors = mentions.filter((m) => m.year !== null);
  return mentions.map((mention) => {
    const year = mention.year ?? inferYear(mention, anchors, context);
    if (year === null) return { mention, iso: `--${pad(mention.month)}-${pad(mention.day)}`, time: null };
    const time = Date.UTC(year, mention.month - 1, mention.day);
    return { mention, iso: toIso(time), time };
  });
}

function inferYear(m: DateMention, anchors: DateMention[], context: YearContext): number | null {
  const nearest = [...anchors].sort((a, b) => Math.abs(a.index - m.index) - Math.abs(b.index - m.index));
  for (const anchor of nearest) {
    const year = yearNearAnchor(m, anchor);
    if (year !== null) return year;
  }
  const referenceYear = context.reference?.getUTCFullYear() ?? null;
  if (m.weekday !== null) {
    const hints = referenceYear === null ? context.years : [referenceYear, ...context.years];
    const fits = new Set(hints.flatMap((h) => [h - 1, h, h + 1]).filter((y) => weekdayFits(m, y) && dayTime(m, y) <= context.limit));
    return fits.size === 1 ? [...fits][0]! : null;
  }
  if (!context.reference) return null;
  return closestYear(m, context.reference.getTime(), context.limit);
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

function closestYear(m: DateMention, target: number, limit: number): number | null {
  const base = new Date(target).getUTCFullYear();
  let best: number | null = null;
  for (const y of [base - 1, base, base + 1]) {
    if (!weekdayFits(m, y) || dayTime(m, y) > limit) continue;
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

const pad = (n: number): string => String(n).padStart(2, '0');

export function endOfDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + DAY_MS - 1;
}

export function toIso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
