// Weekly slot arithmetic: "Monday 09:00 Asia/Jakarta" → concrete instants.
// Computed from local calendar dates (not by adding 7×24 h) so a slot stays at
// the same wall-clock time across DST changes.
import { DateTime } from 'luxon';

export interface WeeklySpec {
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
  /** "HH:MM", 24-hour, local to `timezone`. */
  time: string;
  timezone: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function hourMinute(time: string): { hour: number; minute: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`bad slot time "${time}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The slot instant on the local calendar date `daysFromToday` days from `now`'s local date. */
function slotOnDay(spec: WeeklySpec, now: Date, daysFromToday: number): Date {
  const local = DateTime.fromJSDate(now, { zone: spec.timezone });
  // Plain calendar arithmetic in UTC avoids DST effects on the date itself.
  const day = DateTime.utc(local.year, local.month, local.day).plus({ days: daysFromToday });
  const { hour, minute } = hourMinute(spec.time);
  // A wall time that does not exist (spring-forward gap) is moved forward by luxon.
  const slot = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: spec.timezone });
  // A wall time that happens twice (clocks going back): luxon picks by the offset at
  // Date.now(), so the choice could change during the night and the slot fire twice.
  // The rule (docs/decisions/014) is fixed: the earlier occurrence.
  const earliest = Math.min(...slot.getPossibleOffsets().map((d) => d.toMillis()));
  return new Date(earliest);
}

function localWeekday(spec: WeeklySpec, now: Date): number {
  return DateTime.fromJSDate(now, { zone: spec.timezone }).weekday;
}

/** The latest slot at or before `now` (always within the last 7 days). */
export function latestSlot(spec: WeeklySpec, now: Date): Date {
  let back = (localWeekday(spec, now) - spec.weekday + 7) % 7;
  let slot = slotOnDay(spec, now, -back);
  if (slot.getTime() > now.getTime()) {
    back += 7;
    slot = slotOnDay(spec, now, -back);
  }
  return slot;
}

/**
 * latestSlot at one instant for many subscriptions: those sharing a schedule share
 * the answer, worked out once (the zone arithmetic is most of a large pass's CPU).
 */
export function latestSlotsAt(now: Date): (spec: WeeklySpec) => Date {
  const known = new Map<string, Date>();
  return (spec) => {
    const key = `${spec.weekday} ${spec.time} ${spec.timezone}`;
    let slot = known.get(key);
    if (!slot) {
      slot = latestSlot(spec, now);
      known.set(key, slot);
    }
    return slot;
  };
}

/** The first slot strictly after `now`. */
export function nextSlot(spec: WeeklySpec, now: Date): Date {
  let ahead = (spec.weekday - localWeekday(spec, now) + 7) % 7;
  let slot = slotOnDay(spec, now, ahead);
  if (slot.getTime() <= now.getTime()) {
    ahead += 7;
    slot = slotOnDay(spec, now, ahead);
  }
  return slot;
}

/**
 * The first slot on a later local date than `delivered`'s: a slot is done by its
 * local date, so a date already delivered is never owed again, even when the
 * instant recorded for it differs (e.g. the later of a repeated hour, stored by an
 * older version).
 */
export function firstSlotAfterDate(spec: WeeklySpec, delivered: Date): Date {
  const endOfDay = DateTime.fromJSDate(delivered, { zone: spec.timezone }).endOf('day');
  return nextSlot(spec, endOfDay.toJSDate());
}

/** An instant as the subscription's local time, e.g. "Mon 25 Nov 2026, 09:00" (renderers add the zone). */
export function formatLocal(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toFormat('ccc d LLL yyyy, HH:mm', { locale: 'en' });
}

/** Local period label for a roundup window, e.g. "18–24 Nov 2026" or "28 Nov – 4 Dec 2026". */
export function periodLabel(since: Date, until: Date, timezone: string): string {
  const a = DateTime.fromJSDate(since, { zone: timezone }).setLocale('en');
  // The window ends exclusive-ish at the slot; label the last day that had time in it.
  const b = DateTime.fromJSDate(new Date(Math.max(since.getTime(), until.getTime() - 1)), { zone: timezone }).setLocale('en');
  if (a.hasSame(b, 'day')) return b.toFormat('d LLL yyyy');
  if (a.hasSame(b, 'month')) return `${a.toFormat('d')}–${b.toFormat('d LLL yyyy')}`;
  if (a.hasSame(b, 'year')) return `${a.toFormat('d LLL')} – ${b.toFormat('d LLL yyyy')}`;
  return `${a.toFormat('d LLL yyyy')} – ${b.toFormat('d LLL yyyy')}`;
}

export const WEEK_MS = 7 * DAY_MS;
