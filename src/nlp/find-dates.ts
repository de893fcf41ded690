// The one date finder (ingest, key points, key figures, stories and the eval all
// use it): calendar dates written in Indonesian or English news style —
// "27 Juni 2024", "June 21, 2024", "Friday, June 21, 2024", "21st June",
// "16-17 Desember 2023", "Rabu (12/11)", "(24/7/2023)", "2024-06-21" — and the
// year-less ISO form "--06-21" the store uses when the text gives no year.
// The year may be missing; ingest infers it from the text (src/ingest/infer-year.ts).

export interface DateMention {
  /** Start of the mention, including a weekday written just before it. */
  index: number;
  /** Start of the date itself (after any weekday, at a range's first day). */
  start: number;
  end: number;
  day: number;
  /** 1-12 */
  month: number;
  year: number | null;
  /** 0 = Sunday, as Date.getUTCDay(); null when no weekday is written. */
  weekday: number | null;
}

/** A date as other modules need it: where it is and what it says. */
export interface FoundDate {
  year: number | null;
  month: number;
  day: number;
  /** Offset of the date in the text (after any weekday), so callers can prefer the earliest mention. */
  index: number;
}

/** A found date with its extent, so "16-17 Desember" can be told apart from a figure. */
export interface DateSpan extends FoundDate {
  /** Offset just after the date, a range's last day included. */
  end: number;
}

export type CalendarDay = Omit<FoundDate, 'index'>;

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, january: 1, jan: 1, februari: 2, february: 2, pebruari: 2, feb: 2, maret: 3, march: 3, mar: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, ags: 8, aug: 8, september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nopember: 11, nov: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

export const WEEKDAYS: Readonly<Record<string, number>> = {
  minggu: 0, ahad: 0, sunday: 0, sun: 0, senin: 1, monday: 1, mon: 1, selasa: 2, tuesday: 2, tue: 2, tues: 2,
  rabu: 3, wednesday: 3, wed: 3, kamis: 4, thursday: 4, thu: 4, thurs: 4, jumat: 5, "jum'at": 5, 'jum’at': 5,
  friday: 5, fri: 5, sabtu: 6, saturday: 6, sat: 6,
};

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

const alternation = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const capitalised = (words: string[]): string[] =>
  words.flatMap((w) => [w[0]?.toUpperCase() + w.slice(1), w.toUpperCase()]);
const MONTH = `(${alternation(Object.keys(MONTHS))})\\.?(?!\\p{L})`;
// Month-first dates start with the month word, so that pattern is case-sensitive:
// it keeps the scan fast and skips the modal verb "may".
const MONTH_CAPITALISED = `(${alternation(capitalised(Object.keys(MONTHS)))})\\.?(?!\\p{L})`;
const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR_AFTER = '(?:,?\\s+(\\d{4})(?!\\d))?';
const RANGE_START = '(?:(\\d{1,2})\\s*(?:-|–|s\\.d\\.?|sampai|hingga|to|and|dan)\\s*)?';
// Weekdays are looked for just before a match rather than inside the patterns:
// an optional leading alternation makes every position of the text expensive.
const WEEKDAY_BEFORE = new RegExp(`(?<!\\p{L})(${alternation(Object.keys(WEEKDAYS))})\\.?\\s*,?\\s*$`, 'iu');
const WEEKDAY_LOOKBACK = 14;
const AFTER_PLACE = /\b(?:di|in|at)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?,?\s*$/u;
const PLACE_LOOKBACK = 40;
const DIGIT = /\d/;

interface Parts {
  day: string;
  month: string;
  year?: string | undefined;
  /** Numeric day/month whose order may be month/day ("Thursday (6/27)" in English copy). */
  numeric?: boolean;
}

interface Pattern {
  re: RegExp;
  /** A character every match holds: a text without it is not searched. */
  needs?: string;
  read(m: RegExpExecArray): Parts;
  /** Bare day/month numbers are only trusted after a weekday or with a full year. */
  trust?(parts: Parts, weekday: boolean, before: string): boolean;
}

const PATTERNS: Pattern[] = [
  {
    // 27 Juni 2024, 21st June, 21-22 June 2024 (a range counts from its first day)
    re: new RegExp(`(?<![\\p{L}\\d])${RANGE_START}(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+${MONTH}${YEAR_AFTER}`, 'giu'),
    read: (m) => ({ day: m[1] ?? m[2] ?? '', month: m[3] ?? '', year: m[4] }),
  },
  {
    // June 21, 2024, June 21st
    re: new RegExp(`(?<![\\p{L}\\d])${MONTH_CAPITALISED}\\s+(\\d{1,2})${ORDINAL}(?![\\d\\p{L}])${YEAR_AFTER}`, 'gu'),
    read: (m) => ({ month: m[1] ?? '', day: m[2] ?? '', year: m[3] }),
  },
  {
    // Rabu (12/11), di Jakarta (12/11), (24/7/2023); a lone "(1/2)" is more often a fraction or a part number.
    re: /\(\s*(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\s*\)/gu,
    needs: '/',
    read: (m) => ({ day: m[1] ?? '', month: m[2] ?? '', year: m[3], numeric: true }),
    trust: (parts, weekday, before) => weekday || parts.year !== undefined || AFTER_PLACE.test(before),
  },
  {
    // Rabu, 12/11 and 24/07/2023; "24/7" alone is as likely a ratio or "round the clock".
    re: /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/gu,
    needs: '/',
    read: (m) => ({ day: m[1] ?? '', month: m[2] ?? '', year: m[3], numeric: true }),
    trust: (parts, weekday) => weekday || (parts.year?.length ?? 0) === 4,
  },
  {
    re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/gu,
    needs: '-',
    read: (m) => ({ year: m[1], month: m[2] ?? '', day: m[3] ?? '' }),
  },
  {
    // --06-21: a day and month whose year the text did not give.
    re: /(?<![\d-])--(\d{2})-(\d{2})(?![\d-])/gu,
    needs: '-',
    read: (m) => ({ month: m[1] ?? '', day: m[2] ?? '' }),
  },
];

export interface FindOptions {
  /** Trust a bracketed "(21/6)" even without a weekday or place: for telling dates from figures, not for dating. */
  looseBrackets?: boolean;
}

export function findDateMentions(text: string, options: FindOptions = {}): DateMention[] {
  const found: DateMention[] = [];
  // Every pattern reads digits.
  if (!DIGIT.test(text)) return found;
  for (let i = 0; i < PATTERNS.length; i++) {
    const { re, read, trust, needs } = PATTERNS[i]!;
    if (needs !== undefined && !text.includes(needs)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const before = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, m.index - WEEKDAY_LOOKBACK), m.index));
      const parts = read(m);
      const loose = options.looseBrackets === true && i === 2;
      if (trust && !loose && !trust(parts, before !== null, text.slice(Math.max(0, m.index - PLACE_LOOKBACK), m.index))) continue;
      const index = before ? m.index - before[0].length : m.index;
      const mention = toMention(parts, before?.[1], index, m.index, m.index + m[0].length);
      if (mention) found.push(mention);
    }
  }
  return dropOverlaps(found);
}

/** All dates in the text, in order of appearance (overlapping readings removed). */
export function findDates(text: string): DateSpan[] {
  return findDateMentions(text, { looseBrackets: true }).map((m) => ({
    year: m.year,
    month: m.month,
    day: m.day,
    index: m.start,
    end: m.end,
  }));
}

function toMention(parts: Parts, weekdayWord: string | undefined, index: number, start: number, end: number): DateMention | null {
  // "may" and "mar" are also ordinary words; news prose capitalises month names.
  if (/^\p{Ll}/u.test(parts.month) && Number.isNaN(Number(parts.month))) return null;
  let month = monthNumber(parts.month) ?? Number(parts.month);
  let day = Number(parts.day);
  // "(6/27)": no month 27, so the copy wrote month/day.
  if (parts.numeric && month > 12 && day <= 12) [day, month] = [month, day];
  let year = parts.year ? Number(parts.year) : null;
  if (year !== null && year < 100) year += 2000;
  if (!(month >= 1 && month <= 12) || day < 1 || day > daysInMonth(month, year ?? 2024)) return null;
  if (year !== null && (year < 1900 || year > 2199)) return null;
  const weekday = weekdayWord ? (WEEKDAYS[weekdayWord.toLowerCase()] ?? null) : null;
  return { index, start, end, day, month, year, weekday };
}

export function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Several patterns can see the same words; keep the longest reading at each place. */
function dropOverlaps(mentions: DateMention[]): DateMention[] {
  const sorted = mentions.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: DateMention[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (last && m.index < last.end) {
      if (m.end - m.index > last.end - last.index) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  return kept;
}

/** Days between two dates, or between month/day when a year is missing (same-year reading). */
export function dayDistance(a: CalendarDay, b: CalendarDay): number {
  const year = a.year ?? b.year ?? 2000;
  const ta = Date.UTC(a.year ?? year, a.month - 1, a.day);
  const tb = Date.UTC(b.year ?? year, b.month - 1, b.day);
  return Math.abs(ta - tb) / 86_400_000;
}

/** Reads a stored date: "2024-06-21", or "--06-21" when the year is unknown. */
export function fromIso(iso: string | null | undefined): CalendarDay | null {
  const m = iso ? /^(?:(\d{4})|-)-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { year: m[1] ? Number(m[1]) : null, month: Number(m[2]), day: Number(m[3]) } : null;
}
