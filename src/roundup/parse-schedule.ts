// Reads "[day] [HH:MM] [timezone] [topics…]" (English or Indonesian day names) into
// a ScheduleInput, and checks a ScheduleInput (typed by Discord options too) into a
// complete weekly spec. Every refusal shows a correct example.
import { z } from 'zod';
import { RingkasError } from '../errors.js';
import type { ScheduleInput } from '../model/command.js';
import { cmd, say } from '../model/text.js';
import type { WeeklySpec } from './weekly-slot.js';

export const SCHEDULE_EXAMPLE = cmd('subscribe', 'monday 09:00 Asia/Jakarta');

const DAY_NAMES: Record<string, number> = {
  monday: 1, mon: 1, senin: 1, sen: 1,
  tuesday: 2, tue: 2, tues: 2, selasa: 2, sel: 2,
  wednesday: 3, wed: 3, rabu: 3, rab: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, kamis: 4, kam: 4,
  friday: 5, fri: 5, jumat: 5, "jum'at": 5, jum: 5,
  saturday: 6, sat: 6, sabtu: 6, sab: 6,
  sunday: 7, sun: 7, minggu: 7, min: 7, ahad: 7,
};

/** Common Indonesian abbreviations people type instead of an IANA name. */
const ZONE_ALIASES: Record<string, string> = {
  wib: 'Asia/Jakarta',
  wita: 'Asia/Makassar',
  wit: 'Asia/Jayapura',
  utc: 'UTC',
};

const DAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function weekdayName(weekday: number): string {
  return DAY_LABELS[weekday - 1] ?? `day ${weekday}`;
}

function refuse(what: string): never {
  throw new RingkasError('bad_input', say`${what} Example: ${SCHEDULE_EXAMPLE}`);
}

/** The weekday (1–7) for a day name, or null when the word is not a day. */
export function parseDay(word: string): number | null {
  const key = word.trim().toLowerCase().replace(/[.,]$/, '');
  if (/^[1-7]$/.test(key)) return Number(key);
  return DAY_NAMES[key] ?? null;
}

/** "9:00", "09:00" or "09.00" → "09:00"; null when not time-shaped; refuses impossible times. */
export function parseTime(word: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(word.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) refuse(`"${word}" is not a time of day: use 24-hour HH:MM.`);
  return `${String(hour).padStart(2, '0')}:${m[2]}`;
}

/** The runtime's zone names by lower case, for giving a typed name its usual capitals. */
let knownZones: Map<string, string> | null = null;

function zoneCapitals(name: string): string {
  knownZones ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
  const known = knownZones.get(name.toLowerCase());
  if (known) return known;
  // Typed with capitals: keep them. All lower case and not in the runtime's list (a
  // newer name such as asia/kolkata, which ICU lists as Asia/Calcutta): capitalise words.
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[/_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** "Etc/GMT+7" is UTC−7 (POSIX inverts the sign); people who type it nearly always mean UTC+7. */
function refuseInvertedOffset(word: string): void {
  const m = /^etc\/gmt([+-])(\d{1,2})$/i.exec(word.trim());
  if (!m || Number(m[2]) === 0) return;
  const real = `UTC${m[1] === '+' ? '−' : '+'}${Number(m[2])}`;
  const looks = `UTC${m[1] === '+' ? '+' : '−'}${Number(m[2])}`;
  refuse(`"${word}" is ${real}, not ${looks}: "Etc/GMT" names invert the sign. Give the city zone you mean instead (e.g. Asia/Jakarta).`);
}

/**
 * The IANA name for a zone the runtime knows, as the user typed it (or an alias's
 * zone), or null. The runtime would answer an older alias (Asia/Kolkata →
 * Asia/Calcutta, Asia/Kathmandu → Asia/Katmandu); users should see their own name.
 */
export function canonicalZone(word: string): string | null {
  const alias = ZONE_ALIASES[word.trim().toLowerCase()];
  const candidate = alias ?? word.trim();
  try {
    new Intl.DateTimeFormat('en', { timeZone: candidate });
  } catch {
    return null;
  }
  refuseInvertedOffset(candidate);
  return zoneCapitals(candidate);
}

function looksLikeZone(word: string): boolean {
  return word.includes('/') || word.toLowerCase() in ZONE_ALIASES || /^(gmt|utc)[+-]/i.test(word);
}

/** Tokens after "subscribe" → ScheduleInput. Unknown words are taken as topics (checked later). */
export function parseScheduleArgs(args: readonly string[]): ScheduleInput {
  const input: ScheduleInput = {};
  const topics: string[] = [];
  let dayWord: string | undefined;
  let zoneWord: string | undefined;
  for (const raw of args.flatMap((a) => a.split(/[\s,]+/)).filter(Boolean)) {
    const day = parseDay(raw);
    if (day !== null) {
      if (dayWord !== undefined) refuse(`Give one day only (you gave ${dayWord} and ${raw}).`);
      dayWord = raw;
      input.weekday = day;
      continue;
    }
    const time = parseTime(raw);
    if (time !== null) {
      if (input.time !== undefined) refuse(`Give one time only (you gave ${input.time} and ${raw}).`);
      input.time = time;
      continue;
    }
    const quiet = /^quiet[:=](post|skip)$/i.exec(raw);
    if (quiet) {
      input.quietWeeks = quiet[1]!.toLowerCase() as 'post' | 'skip';
      continue;
    }
    if (/^\d/.test(raw)) refuse(`"${raw}" is not a time: use 24-hour HH:MM.`);
    if (looksLikeZone(raw)) {
      const zone = canonicalZone(raw);
      if (zone === null) refuse(`"${raw}" is not a timezone I know: use an IANA name.`);
      if (zoneWord !== undefined) refuse(`Give one timezone only (you gave ${zoneWord} and ${raw}).`);
      zoneWord = raw;
      input.timezone = zone;
      continue;
    }
    topics.push(raw.toLowerCase());
  }
  if (topics.length) input.topics = topics;
  return input;
}

export interface CheckedSchedule extends WeeklySpec {
  topics: string[];
  quietWeeks?: 'post' | 'skip';
}

const scheduleSchema = z.object({
  weekday: z.number().int().min(1).max(7).optional(),
  time: z.string().optional(),
  timezone: z.string().optional(),
  topics: z.array(z.string()).optional(),
  quietWeeks: z.enum(['post', 'skip']).optional(),
});

/** Fills defaults (Monday 09:00, the configured zone) and refuses anything invalid. */
export function checkSchedule(input: unknown, defaultTimezone: string): CheckedSchedule {
  const parsed = scheduleSchema.safeParse(input);
  if (!parsed.success) refuse('That schedule is not valid: the day must be Monday to Sunday.');
  const s = parsed.data;
  const time = s.time === undefined ? '09:00' : parseTime(s.time);
  if (time === null) refuse(`"${s.time}" is not a time: use 24-hour HH:MM.`);
  const timezone = canonicalZone(s.timezone ?? defaultTimezone);
  if (timezone === null) refuse(`"${s.timezone}" is not a timezone I know: use an IANA name.`);
  const topics = [...new Set((s.topics ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
  return { weekday: s.weekday ?? 1, time, timezone, topics, ...(s.quietWeeks ? { quietWeeks: s.quietWeeks } : {}) };
}
