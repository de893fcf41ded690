// Decides whether a date in running text is when something happened (an event:
// "digelar pada", "met ... on"), when something was said or published
// ("kata X di Jakarta, Rabu (12/11)", "in its press release on Sunday"), or
// when something is only planned ("will begin on 24 September", "akan
// ditandatangani pada 16-17 Desember"): a plan is never the event.

import { endsWithAbbreviation, splitParagraph } from '../nlp/split-sentences.js';

export type DateCue = 'event' | 'statement' | 'future';

export interface CueReading {
  kind: DateCue;
  /** True when the cue stands before the date in its sentence ("met on June 21"). */
  before: boolean;
}

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

const FUTURE_WORDS = [
  'akan', 'bakal', 'rencananya', 'direncanakan', 'berencana', 'dijadwalkan', 'ditargetkan', 'diharapkan', 'optimistis',
  'optimis', 'will', 'plans to', 'plan to', 'scheduled', 'is expected to', 'are expected to',
];

const KIND = new Map<string, DateCue>([
  ...EVENT_WORDS.map((w) => [w, 'event'] as const),
  ...STATEMENT_WORDS.map((w) => [w, 'statement'] as const),
  ...FUTURE_WORDS.map((w) => [w, 'future'] as const),
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

// A window that ends on a sentence end ("… kata Budi. (12/11)", "… components.” (March 15, 2012)")
// leaves the date in the next sentence.
const ENDS_SENTENCE = /[.!?]["”’]?[\s(“"‘[]*$/u;
const LOOK_BEHIND = 200;
const LOOK_AHEAD = 100;

// "pada Desember 2023 mendatang", "the upcoming 16 June": the date itself is marked as ahead.
const UPCOMING_AFTER = /^[\s,)]*(?:mendatang|nanti|yang akan datang)(?!\p{L})/iu;

/** The cue nearest before the date in its sentence, else the first one after it. */
export function cueFor(text: string, index: number, end: number): DateCue | null {
  return readCue(text, index, end)?.kind ?? null;
}

/**
 * Like cueFor, with where the cue stood. An event word after a plan word in
 * the same sentence ("akan dikirim ... yang dimulai pada") reads as a plan;
 * a statement word after it ("akan nol," ungkapnya, Kamis) is still a statement.
 */
export function readCue(text: string, index: number, end: number): CueReading | null {
  const afterText = text.slice(end, end + LOOK_AHEAD);
  if (UPCOMING_AFTER.test(afterText)) return { kind: 'future', before: false };
  const before = sentenceTail(text.slice(Math.max(0, index - LOOK_BEHIND), index));
  const kinds = [...before.matchAll(CUE)].map((m) => kindOf(m[0]));
  const last = kinds[kinds.length - 1];
  if (last) {
    if (last === 'event' && kinds.includes('future')) return { kind: 'future', before: true };
    return { kind: last, before: true };
  }
  const first = FIRST_CUE.exec(sentenceHead(afterText));
  const kind = first ? kindOf(first[0]) : null;
  return kind ? { kind, before: false } : null;
}

// Sentences as the key points see them, so an initial ("Eko S.A. Cahyanto") does not cut a cue off its date.
function sentenceTail(text: string): string {
  const end = ENDS_SENTENCE.exec(text);
  if (end) {
    const before = text.slice(0, end.index + 1);
    if (!(before.endsWith('.') && endsWithAbbreviation(before))) return '';
  }
  return splitParagraph(text).at(-1) ?? '';
}

function sentenceHead(text: string): string {
  return splitParagraph(text)[0] ?? '';
}
