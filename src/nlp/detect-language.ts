// Tells Bahasa Indonesia from English. tinyld (restricted to the two) decides
// for ordinary text; short or borderline text falls back to a stop-word vote,
// where character statistics are unreliable.
import { detectAll } from 'tinyld';
import type { Language } from '../model/article.js';

const ONLY = { only: ['id', 'en'] };
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

export function stopWordVote(text: string): { id: number; en: number } {
  const counts = { id: 0, en: 0 };
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (STOP_WORDS.id.has(word)) counts.id += 1;
    if (STOP_WORDS.en.has(word)) counts.en += 1;
  }
  return counts;
}

export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE_CHARS);
  const ranked = detectAll(sample, ONLY);
  const top = ranked[0];
  const margin = (top?.accuracy ?? 0) - (ranked[1]?.accuracy ?? 0);
  if (top && sample.length >= SHORT_TEXT && margin >= CLEAR_MARGIN) return top.lang as Language;
  const vote = stopWordVote(sample);
  if (vote.id !== vote.en) return vote.id > vote.en ? 'id' : 'en';
  return top?.lang === 'en' ? 'en' : 'id';
}
