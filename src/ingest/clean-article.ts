// Raw article text -> clean body and metadata (title, language, source, dates,
// fingerprint). Each step lives in its own module; this one only orders them.
import { z } from 'zod';
import { RingkasError } from '../errors.js';
import type { CleanArticle, RawArticle } from '../model/article.js';
import { detectLanguage } from '../nlp/detect-language.js';
import { parseDateline, type Dateline } from './dateline.js';
import { takeDateStamps } from './date-stamps.js';
import { deriveHeadline, looksLikeHeadline } from './derive-headline.js';
import { extractDates } from './extract-dates.js';
import { fingerprint, normaliseForFingerprint } from './fingerprint.js';
import { normaliseInline, normaliseLines } from './normalize-text.js';
import { cleanParagraphs } from './strip-clutter.js';

const SITE_SUFFIX = /\s+[|–—-]\s+[\p{L}\d-]+(?:\.[a-z]{2,6}){1,2}$/iu;

export const rawArticleSchema = z.object({
  text: z.string(),
  title: z.string().optional(),
  source: z.string().optional(),
  link: z.string().optional(),
  publishedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export function cleanArticle(raw: RawArticle, now: Date): CleanArticle {
  const input = rawArticleSchema.safeParse(raw);
  if (!input.success) throw new RingkasError('bad_input', 'The article could not be read: its text or date is malformed.');
  const { lines, stamps, month, domain } = takeDateStamps(normaliseLines(raw.text));
  const givenTitle = raw.title ? normaliseInline(raw.title) : '';
  const { title, rest } = splitTitle(cleanParagraphs(lines), givenTitle);
  const { dateline, paragraphs } = splitDateline(rest);
  if (paragraphs.length === 0) throw new RingkasError('bad_input', 'The article has no readable text.');
  const body = paragraphs.join('\n\n');
  const givenSource = raw.source ? normaliseInline(raw.source) : '';
  return {
    title: title ?? deriveHeadline(paragraphs),
    titleDerived: title === null,
    body,
    paragraphs,
    language: detectLanguage(body),
    source: givenSource || dateline?.source || domain || null,
    ...extractDates({
      body,
      dateline: dateline?.prefix ?? null,
      stamps,
      published: raw.publishedDate ?? null,
      month,
      now,
    }),
    fingerprint: fingerprint(body),
  };
}

/** The caller's title wins (and is not repeated in the body); else a headline-shaped first line. */
function splitTitle(paragraphs: string[], given: string): { title: string | null; rest: string[] } {
  const [first = '', ...others] = paragraphs;
  const headline = others.length > 0 && looksLikeHeadline(first) && !parseDateline(first);
  if (given) return { title: given, rest: headline && sameHeadline(first, given) ? others : paragraphs };
  return headline ? { title: stripSiteSuffix(first), rest: others } : { title: null, rest: paragraphs };
}

/** Page titles often carry the site name ("Harga Naik - Kompas.com"); either may be the caller's title. */
function sameHeadline(line: string, given: string): boolean {
  const a = normaliseForFingerprint(stripSiteSuffix(line));
  const b = normaliseForFingerprint(stripSiteSuffix(given));
  return a === b || a.startsWith(b) || b.startsWith(a);
}

function stripSiteSuffix(title: string): string {
  return title.replace(SITE_SUFFIX, '');
}

function splitDateline(paragraphs: string[]): { dateline: Dateline | null; paragraphs: string[] } {
  const [first, ...others] = paragraphs;
  const dateline = first === undefined ? null : parseDateline(first);
  if (!dateline) return { dateline: null, paragraphs };
  return { dateline, paragraphs: dateline.rest ? [dateline.rest, ...others] : others };
}
