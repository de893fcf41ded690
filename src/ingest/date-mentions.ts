// Finds calendar dates written in Indonesian or English news style:
// "27 Juni 2024", "June 21, 2024", "Friday, June 21, 2024", "21st June",
// "Rabu (12/11)", "(24/7/2023)", "2024-06-21". The year may be missing; it is
// inferred later from context (see infer-year.ts).

export interface DateMention {
  index: number;
  end: number;
  day: number;
  /** 1-12 */
  month: number;
  year: number | null;
  /** 0 = Sunday, as Date.getUTCDay(); null when no weekday is written. */
  weekday: number | null;
}

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1, februari: 2, february: 2, pebruari: 2, feb: 2, maret: 3, march: 3, mar: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, ags: 8, aug: 8, september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nopember: 11, nov: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

export const WEEKDAYS: Readonly<Record<string, number>> = {
  minggu: 0, ahad: 0, sunday: 0, senin: 1, monday: 1, selasa: 2, tuesday: 2, rabu: 3, wednesday: 3,
  kamis: 4, thursday: 4, jumat: 5, "jum'at": 5, 'jum’at': 5, friday: 5, sabtu: 6, saturday: 6,
};

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
const WEEKDAY_BEFORE = new RegExp(`(?<!\\p{L})(${alternation(Object.keys(WEEKDAYS))})\\s*,?\\s*$`, 'iu');
const WEEKDAY_LOOKBACK = 14;
const AFTER_PLACE = /\b(?:di|in|at)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?,?\s*$/u;
const PLACE_LOOKBACK = 40;

interface Parts {
  day: string;
  month: string;
  year?: string | undefined;
}

interface Pattern {
  re: RegExp;
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
    read: (m) => ({ day: m[1] ?? '', month: m[2] ?? '', year: m[3] }),
    trust: (parts, weekday, before) => weekday || parts.year !== undefined || AFTER_PLACE.test(before),
  },
  {
    // Rabu, 12/11 and 24/07/2023; "24/7" alone is as likely a ratio or "round the clock".
    re: /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/gu,
    read: (m) => ({ day: m[1] ?? '', month: m[2] ?? '', year: m[3] }),
    trust: (parts, weekday) => weekday || (parts.year?.length ?? 0) === 4,
  },
  {
    re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/gu,
    read: (m) => ({ year: m[1], month: m[2] ?? '', day: m[3] ?? '' }),
  },
];

export function findDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, read, trust } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const before = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, m.index - WEEKDAY_LOOKBACK), m.index));
      const parts = read(m);
      if (trust && !trust(parts, before !== null, text.slice(Math.max(0, m.index - PLACE_LOOKBACK), m.index))) continue;
      const index = before ? m.index - before[0].length : m.index;
      const mention = toMention(parts, before?.[1], index, m.index + m[0].length);
      if (mention) found.push(mention);
    }
  }
  return dropOverlaps(found);
}

function toMention(parts: Parts, weekdayWord: string | undefined, index: number, end: number): DateMention | null {
  // "may" and "mar" are also ordinary words; news prose capitalises month names.
  if (/^\p{Ll}/u.test(parts.month) && Number.isNaN(Number(parts.month))) return null;
  const month = MONTHS[parts.month.toLowerCase()] ?? Number(parts.month);
  const day = Number(parts.day);
  let year = parts.year ? Number(parts.year) : null;
  if (year !== null && year < 100) year += 2000;
  if (!(month >= 1 && month <= 12) || day < 1 || day > daysInMonth(month, year ?? 2024)) return null;
  if (year !== null && (year < 1900 || year > 2199)) return null;
  const weekday = weekdayWord ? (WEEKDAYS[weekdayWord.toLowerCase()] ?? null) : null;
  return { index, end, day, month, year, weekday };
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
