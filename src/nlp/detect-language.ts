// Tells Bahasa Indonesia from English. Text whose every part plainly uses one
// language's function words is decided by them alone; tinyld (restricted to the
// two, ~3 ms per article, most of cleaning) decides the rest; short or
// borderline text falls back to a stop-word vote, where character statistics
// are unreliable. otherLanguage() names a text in
// neither language, so that it can be refused instead of labelled English.
import { createRequire } from 'node:module';
import type * as Tinyld from 'tinyld';
import type { Language } from '../model/article.js';
import { loadLanguageProfilesFromPackage } from './language-profiles.js';
import { rankLanguages, type RankedLanguage } from './rank-languages.js';

type DetectAll = (text: string, only?: readonly string[]) => RankedLanguage[];
let loaded: DetectAll | null = null;

/**
 * Loads tinyld's language profiles (~0.1 s of CPU, ~3 MB of heap) if they are
 * not loaded yet. They are not loaded at every start (a restart may read no
 * article), but on the first article that needs them, or ahead of it
 * (`loadLanguageProfilesSoon`). They are read from tinyld's file into a
 * compact form and ranked as tinyld ranks (language-profiles.ts); only a
 * tinyld build that reader does not know is loaded as tinyld itself (~7 MB of
 * heap, ~25 MB of rss after a burst).
 */
export function loadLanguageProfiles(): DetectAll {
  loaded ??= compactOrTinyld();
  return loaded;
}

function compactOrTinyld(): DetectAll {
  try {
    const profiles = loadLanguageProfilesFromPackage();
    return (text, only) => rankLanguages(profiles, text, only);
  } catch {
    const tinyld = createRequire(import.meta.url)('tinyld') as typeof Tinyld;
    return (text, only) => tinyld.detectAll(text, only ? { only: [...only] } : undefined);
  }
}

let soon: NodeJS.Immediate | null = null;

/**
 * Loads the profiles after the current turn of the event loop, once per
 * process: an engine that takes one article takes more, and a quarter of real
 * articles (5% of synthetic ones) need tinyld, so the load would otherwise land
 * inside whatever burst of adds follows (decision 022, ingest8).
 */
export function loadLanguageProfilesSoon(): void {
  if (loaded || soon) return;
  soon = setImmediate(() => loadLanguageProfiles());
  soon.unref();
}

function detectAll(...args: Parameters<DetectAll>): ReturnType<DetectAll> {
  return (loaded ?? loadLanguageProfiles())(...args);
}

const ONLY = ['id', 'en'];
// tinyld dominates cleaning time and grows with length; the opening of an article is enough.
const SAMPLE_CHARS = 600;
const SHORT_TEXT = 200;
const CLEAR_MARGIN = 0.3;

const STOP_WORDS: Record<Language, Set<string>> = {
  id: new Set(
    'yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga atau oleh karena sudah telah bisa ada kami kita mereka saya ia dia tersebut serta bahwa sebagai lebih para menjadi hingga agar namun secara'.split(' '),
  ),
  en: new Set(
    'the and of to in is are was were for with on at by from that this these those it its be been has have had will would not but or as an a which who their they he she we our also than into about after'.split(' '),
  ),
};

const WORD = /\p{L}+/gu;
/**
 * The stop words decide alone when each third of the sample has at least
 * VOTE_MIN of one language's and VOTE_RATIO times as many as of the other's,
 * all thirds the same language: a paragraph in the other language anywhere in
 * the sample (which tinyld may weigh heavily) leaves it to tinyld. Chosen so
 * that no seed or dev article, no window into them and no mix of two of them
 * is decided differently from tinyld (docs/decisions/022).
 */
const VOTE_PARTS = 3;
const VOTE_MIN = 2;
const VOTE_RATIO = 6;

export function stopWordVote(text: string): { id: number; en: number } {
  const counts = { id: 0, en: 0 };
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (STOP_WORDS.id.has(word)) counts.id += 1;
    if (STOP_WORDS.en.has(word)) counts.en += 1;
  }
  return counts;
}

/** The language every third of the sample clearly uses the function words of; null when one is unclear or they differ. */
export function clearStopWordVote(sample: string): Language | null {
  const parts = Array.from({ length: VOTE_PARTS }, () => ({ id: 0, en: 0 }));
  const partLength = Math.max(1, sample.length / VOTE_PARTS);
  for (const m of sample.toLowerCase().matchAll(WORD)) {
    const part = parts[Math.min(VOTE_PARTS - 1, Math.floor(m.index / partLength))]!;
    if (STOP_WORDS.id.has(m[0])) part.id += 1;
    if (STOP_WORDS.en.has(m[0])) part.en += 1;
  }
  let side: Language | null = null;
  for (const { id, en } of parts) {
    const lean: Language = id > en ? 'id' : 'en';
    const [win, lose] = lean === 'id' ? [id, en] : [en, id];
    if (win < VOTE_MIN || lose * VOTE_RATIO > win || (side !== null && side !== lean)) return null;
    side = lean;
  }
  return side;
}

export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE_CHARS);
  const clear = clearStopWordVote(sample);
  if (clear) return clear;
  const ranked = detectAll(sample, ONLY);
  const top = ranked[0];
  const margin = (top?.accuracy ?? 0) - (ranked[1]?.accuracy ?? 0);
  if (top && sample.length >= SHORT_TEXT && margin >= CLEAR_MARGIN) return top.lang as Language;
  const vote = stopWordVote(sample);
  if (vote.id !== vote.en) return vote.id > vote.en ? 'id' : 'en';
  return top?.lang === 'en' ? 'en' : 'id';
}

// Malay shares most of its words with Indonesian; regional languages of Indonesia come with Indonesian text.
const ACCEPTED = new Set(['id', 'en', 'ms', 'jv', 'su']);
// Articles in either language use these function words constantly; below this share the text is in another language.
const MIN_STOP_SHARE = 0.08;
const MIN_WORDS = 5;
const MIN_CONFIDENCE = 0.5;
const NAMES: Record<string, string> = {
  fr: 'French', de: 'German', es: 'Spanish', pt: 'Portuguese', it: 'Italian', nl: 'Dutch', sv: 'Swedish', da: 'Danish',
  no: 'Norwegian', fi: 'Finnish', pl: 'Polish', cs: 'Czech', ro: 'Romanian', hu: 'Hungarian', tr: 'Turkish', ru: 'Russian',
  uk: 'Ukrainian', el: 'Greek', ar: 'Arabic', he: 'Hebrew', hi: 'Hindi', ja: 'Japanese', zh: 'Chinese', ko: 'Korean',
  vi: 'Vietnamese', th: 'Thai', tl: 'Tagalog', la: 'Latin', eo: 'Esperanto',
};

/** The English name of the text's language when it is neither Indonesian nor English, else null. */
export function otherLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = sample.match(WORD)?.length ?? 0;
  if (words < MIN_WORDS) return null;
  const vote = stopWordVote(sample);
  // Only text that barely uses either language's function words pays for the open detection.
  if ((vote.id + vote.en) / words >= MIN_STOP_SHARE) return null;
  const top = detectAll(sample)[0];
  // Real text in another language is recognised with near certainty; keyword lists and mixed scraps are not.
  if (!top || ACCEPTED.has(top.lang) || top.accuracy < MIN_CONFIDENCE) return null;
  return NAMES[top.lang] ?? 'another language';
}

