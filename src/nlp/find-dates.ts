// Dates written in Indonesian or English news text: "27 Juni 2024", "June 21, 2024",
// "Jumat (21/6)", "(24/7/2023)". Used to place an event in time; partial dates
// (no year) keep month and day so "21/6" can still be compared with "June 21".

export interface FoundDate {
  year: number | null;
  month: number;
  day: number;
  /** Offset in the text, so callers can prefer the earliest mention. */
  index: number;
}

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1, februari: 2, february: 2, feb: 2, maret: 3, march: 3, mar: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, aug: 8, agu: 8, september: 9, sep: 9, sept: 9, oktober: 10, october: 10, oct: 10, okt: 10,
  november: 11, nov: 11, desember: 12, december: 12, dec: 12, des: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase()] ?? null;
}

function valid(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number | null, number, number] }[] = [
  // 27 Juni 2024 / 21 June 2024 / 27 Juni
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_NAMES})\\.?(?:\\s+(\\d{4}))?\\b`, 'gi'),
    read: (m) => [m[3] ? Number(m[3]) : null, monthNumber(m[2]!)!, Number(m[1])],
  },
  // June 21, 2024 / June 21st
  {
    re: new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'gi'),
    read: (m) => [m[3] ? Number(m[3]) : null, monthNumber(m[1]!)!, Number(m[2])],
  },
  // (21/6) / (24/7/2023) — the Indonesian day/month[/year] convention.
  {
    re: /\((\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\)/g,
    read: (m) => [m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : null, Number(m[2]), Number(m[1])],
  },
  // 2024-06-21
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
];

/** All dates in the text, in order of appearance (overlapping readings removed). */
export function findDates(text: string): FoundDate[] {
  const found: (FoundDate & { end: number })[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const [year, month, day] = read(m);
      if (!valid(day, month)) continue;
      const end = m.index + m[0].length;
      if (found.some((f) => m!.index < f.end && end > f.index)) continue;
      found.push({ year, month, day, index: m.index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ end: _end, ...d }) => d);
}

/** Days between two dates, or between month/day when a year is missing (same-year reading). */
export function dayDistance(a: Omit<FoundDate, 'index'>, b: Omit<FoundDate, 'index'>): number {
  const year = a.year ?? b.year ?? 2000;
  const ta = Date.UTC(a.year ?? year, a.month - 1, a.day);
  const tb = Date.UTC(b.year ?? year, b.month - 1, b.day);
  return Math.abs(ta - tb) / 86_400_000;
}

export function fromIso(iso: string | null | undefined): Omit<FoundDate, 'index'> | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}
