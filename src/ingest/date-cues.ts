// Decides whether a date in running text is when something happened (an event:
// "digelar pada", "met ... on") or when something was said or published
// ("kata X di Jakarta, Rabu (12/11)", "in its press release on Sunday").

export type DateCue = 'event' | 'statement';

const EVENT_WORDS = [
  // Indonesian
  'digelar', 'menggelar', 'berlangsung', 'bertemu', 'pertemuan', 'diselenggarakan', 'menyelenggarakan', 'penyelenggaraan',
  'dilaksanakan', 'melaksanakan', 'diadakan', 'mengadakan', 'pada tanggal', 'ditandatangani', 'menandatangani',
  'penandatanganan', 'diluncurkan', 'meluncurkan', 'peluncuran', 'diresmikan', 'meresmikan', 'peresmian', 'dibuka',
  'membuka', 'pembukaan', 'dimulai', 'terjadi', 'berkunjung', 'kunjungan', 'mengunjungi', 'dihadiri', 'menghadiri',
  'rapat', 'konferensi', 'bertempat',
  // English
  'held', 'hold', 'holds', 'met', 'meet', 'meets', 'meeting', 'took place', 'takes place', 'hosted', 'hosts',
  'convened', 'signed', 'signing', 'launched', 'opened', 'inaugurated', 'visited', 'attended', 'occurred',
  'happened', 'kicked off', 'gathered', 'summit', 'conference', 'talks',
];

const STATEMENT_WORDS = [
  'kata', 'katanya', 'ujar', 'ujarnya', 'ungkap', 'ungkapnya', 'mengungkapkan', 'jelas', 'jelasnya', 'menjelaskan',
  'tutur', 'tuturnya', 'tambah', 'tambahnya', 'pungkas', 'pungkasnya', 'sebut', 'menyebut', 'menurut', 'siaran pers',
  'rilis', 'dilansir', 'melansir', 'mengutip', 'dikutip', 'menyampaikan', 'disampaikan', 'mengatakan', 'dikatakan',
  'keterangan', 'keterangannya', 'keterangan tertulis', 'said', 'says', 'told', 'stated', 'statement', 'press release',
  'according to', 'announced', 'reported', 'quoted', 'wrote', 'posted', 'published', 'konferensi pers', 'jumpa pers',
  'press conference', 'news conference', 'briefing', 'wawancara', 'interview',
];

const KIND = new Map<string, DateCue>([
  ...EVENT_WORDS.map((w) => [w, 'event'] as const),
  ...STATEMENT_WORDS.map((w) => [w, 'statement'] as const),
]);
// One alternation, longest first, so "konferensi pers" (a statement) beats "konferensi" (an event).
const ALTERNATION = [...KIND.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');
const CUE = new RegExp(`(?<![\\p{L}])(?:${ALTERNATION})(?![\\p{L}])`, 'giu');
const FIRST_CUE = new RegExp(CUE.source, 'iu');

function kindOf(match: string): DateCue | null {
  return KIND.get(match.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

// A full stop followed by a capital starts a new sentence; initials ("S.A. Cahyanto") cut early, which is harmless.
const SENTENCE_END = /[.!?]["”’]?\s+(?=["“]?\p{Lu})/gu;
const LOOK_BEHIND = 200;
const LOOK_AHEAD = 100;

/** The cue nearest before the date in its sentence, else the first one after it. */
export function cueFor(text: string, index: number, end: number): DateCue | null {
  const before = sentenceTail(text.slice(Math.max(0, index - LOOK_BEHIND), index));
  const cuesBefore = [...before.matchAll(CUE)];
  const last = cuesBefore[cuesBefore.length - 1];
  if (last) return kindOf(last[0]);
  const after = sentenceHead(text.slice(end, end + LOOK_AHEAD));
  const first = FIRST_CUE.exec(after);
  if (first) return kindOf(first[0]);
  return null;
}

function sentenceTail(text: string): string {
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) start = m.index + m[0].length;
  return text.slice(start);
}

function sentenceHead(text: string): string {
  SENTENCE_END.lastIndex = 0;
  const m = SENTENCE_END.exec(text);
  SENTENCE_END.lastIndex = 0;
  return m ? text.slice(0, m.index) : text;
}
