// Admin input (pasted text, an uploaded file, a URL) -> RawArticle, with the
// checks that give a clear message instead of a junk card.
import { RingkasError } from '../errors.js';
import { checkNotGarbled, checkSupportedLanguage } from './input-refusals.js';
import { articleFromFile } from '../fetch/article-from-file.js';
import type { ArticleFetcher, FetchedArticle } from '../fetch/article-fetcher.js';
import type { AddInput } from '../model/command.js';
import type { RawArticle } from '../model/article.js';

export const MAX_ARTICLE_CHARS = 200_000;
export const MIN_ARTICLE_WORDS = 25;

export function checkArticleText(text: string): void {
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new RingkasError('bad_input', `That text is too long (${text.length.toLocaleString('en')} characters; the limit is ${MAX_ARTICLE_CHARS.toLocaleString('en')}).`);
  }
  // Garbled or foreign text is refused for what it is, never as "too short".
  checkNotGarbled(text);
  checkSupportedLanguage(text);
  const words = wordsUpTo(text, MIN_ARTICLE_WORDS);
  if (words < MIN_ARTICLE_WORDS) {
    throw new RingkasError('bad_input', `That is too short to be an article (${words} words); paste the whole article text.`);
  }
}

/**
 * The words of `text` that hold a letter (what `text.split(/\s+/)` cuts, kept
 * by `/\p{L}/u`), counted until there are `enough`: an add needs to know only
 * that a text is long enough, and splitting a whole article into words was
 * ~35 KB of garbage an add (decision 039).
 */
export function wordsUpTo(text: string, enough: number): number {
  let words = 0;
  if (enough <= 0) return words;
  for (const [word] of text.matchAll(/\S+/g)) if (/\p{L}/u.test(word) && ++words >= enough) break;
  return words;
}

export function isoDateOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) throw new RingkasError('bad_input', `"${value}" is not a date; use YYYY-MM-DD, e.g. 2024-06-21.`);
  const d = new Date(`${value.trim()}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value.trim()) {
    throw new RingkasError('bad_input', `"${value}" is not a real date; use YYYY-MM-DD, e.g. 2024-06-21.`);
  }
  return value.trim();
}

export function linkOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value.trim());
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString();
  } catch {
    /* fall through */
  }
  throw new RingkasError('bad_input', `"${value}" is not a web link; use a full https:// address.`);
}

export function rawFromText(input: Extract<AddInput, { kind: 'text' }>): RawArticle {
  checkArticleText(input.text);
  return {
    text: input.text,
    title: input.title?.trim() || undefined,
    source: input.source?.trim() || undefined,
    link: linkOrUndefined(input.link),
    publishedDate: isoDateOrUndefined(input.publishedDate),
  };
}

export function rawFromFile(input: Extract<AddInput, { kind: 'file' }>): RawArticle {
  const raw = articleFromFile(input.filename, input.content);
  checkArticleText(raw.text);
  const link = linkOrUndefined(input.link);
  return link ? { ...raw, link } : raw;
}

export async function rawFromUrl(url: string, fetcher: ArticleFetcher): Promise<FetchedArticle> {
  const fetched = await fetcher(url);
  checkArticleText(fetched.text);
  return fetched;
}
