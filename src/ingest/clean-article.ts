// Raw article text -> clean body and metadata (title, language, source, dates,
// fingerprint). Each step lives in its own module; this one only orders them.
import { z } from 'zod';
import { RingkasError } from '../errors.js';
import type { CleanArticle, RawArticle } from '../model/article.js';
import { detectLanguage } from '../nlp/detect-language.js';
import { parseDateline, type Dateline } from './dateline.js';
import { takeDateStamps } from './date-stamps.js';
import { takeCaptions } from './captions.js';
import { deriveHeadline, looksLikeHeadline } from './derive-headline.js';
import { extractDates } from './extract-dates.js';
import { fingerprintOfNormalised, normaliseAndFold, normaliseForFingerprint } from './fingerprint.js';
import { normaliseInline, normaliseLines } from './normalize-text.js';
import { stripSiteSuffix } from './site-suffix.js';
import { cleanParagraphs } from './strip-clutter.js';

// Page furniture before the story may hide the dateline a few paragraphs down.
const DATELINE_REACH = 4;
const MAX_HEADER_PARAGRAPH = 200;
// A line naming the outlet alone ("The Jakarta Post"), or an agency's sign-off closing the text ("... — VNS", "VNA").
const OUTLET_LINE = /^(?:The\s+)?(?:\p{Lu}[\p{L}&'’-]*\s+){0,3}(?:Post|Times|Daily|News|Herald|Globe|Tribune|Harian|Pos|Kabar|Berita|Online)(?:\s+\p{Lu}[\p{L}'’-]*)?$/u;
const SIGN_OFF = /(?:^|\s[—–]\s*)(\p{Lu}{2,6})$/u;

export const rawArticleSchema = z.object({
  text: z.string(),
  title: z.string().optional(),
  source: z.string().optional(),
  link: z.string().optional(),
  publishedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export function cleanArticle(raw: RawArticle, now: Date): CleanArticle {
  return cleanArticleNormalised(raw, now).clean;
}

/**
 * `cleanArticle`, the body's normal form its fingerprint was taken of (the
 * near-duplicate check shingles it) and its folded words (`foldTokens`: its
 * topics and search terms read them), from one pass over the body.
 */
export function cleanArticleNormalised(raw: RawArticle, now: Date): { clean: CleanArticle; normalisedBody: string; bodyWords: string[] } {
  const input = rawArticleSchema.safeParse(raw);
  if (!input.success) throw new RingkasError('bad_input', 'The article could not be read: its text or date is malformed.');
  const { lines, stamps, month, domain } = takeDateStamps(normaliseLines(raw.text));
  const givenTitle = raw.title ? normaliseInline(raw.title) : '';
  const cleaned = takeCaptions(cleanParagraphs(lines));
  const datelineOf = datelineReader();
  const { title, rest } = splitTitle(cleaned.paragraphs, givenTitle, datelineOf);
  const header = dropHeader(rest, datelineOf);
  const { dateline, paragraphs: opened } = splitDateline(header.paragraphs, datelineOf);
  const { paragraphs, signOff } = dropSignOff(opened);
  if (paragraphs.length === 0) throw new RingkasError('bad_input', 'The article has no readable text.');
  const body = paragraphs.join('\n\n');
  const givenSource = raw.source ? normaliseInline(raw.source) : '';
  const { normalised: normalisedBody, folded: bodyWords } = normaliseAndFold(body);
  const clean: CleanArticle = {
    title: title ?? deriveHeadline(paragraphs),
    titleDerived: title === null,
    body,
    paragraphs,
    language: detectLanguage(body),
    source: givenSource || pickSource(dateline?.source ?? null, domain) || header.outlet || signOff || null,
    ...extractDates({
      body,
      dateline: dateline?.prefix ?? null,
      stamps,
      captions: cleaned.captions,
      published: raw.publishedDate ?? null,
      month,
      now,
    }),
    fingerprint: fingerprintOfNormalised(normalisedBody),
  };
  return { clean, normalisedBody, bodyWords };
}

type DatelineOf = (paragraph: string) => Dateline | null;

/**
 * `parseDateline`, read once per paragraph: the title, the header and the
 * story's opening each test the same first paragraphs (the same strings).
 */
function datelineReader(): DatelineOf {
  const read: [string, Dateline | null][] = [];
  return (paragraph) => {
    const known = read.find(([p]) => p === paragraph);
    if (known) return known[1];
    const dateline = parseDateline(paragraph);
    read.push([paragraph, dateline]);
    return dateline;
  };
}

/** The caller's title wins (and is not repeated in the body); else a headline-shaped first line. */
function splitTitle(paragraphs: string[], given: string, datelineOf: DatelineOf): { title: string | null; rest: string[] } {
  const [first = '', ...others] = paragraphs;
  const headline = others.length > 0 && looksLikeHeadline(first) && !datelineOf(first);
  if (given) return { title: given, rest: headline && sameHeadline(first, given) ? others : paragraphs };
  return headline ? { title: stripSiteSuffix(first), rest: others } : { title: null, rest: paragraphs };
}

/** Page titles often carry the site name ("Harga Naik - Kompas.com"); either may be the caller's title. */
function sameHeadline(line: string, given: string): boolean {
  const a = normaliseForFingerprint(stripSiteSuffix(line));
  const b = normaliseForFingerprint(stripSiteSuffix(given));
  return a === b || a.startsWith(b) || b.startsWith(a);
}

/**
 * Navigation, repeated headlines, bylines and image alt text stand before the
 * story's first sentence: short lines, or lines that close no sentence. A line
 * naming only the outlet is kept as the source.
 */
function dropHeader(paragraphs: string[], datelineOf: DatelineOf): { paragraphs: string[]; outlet: string | null } {
  let outlet: string | null = null;
  let i = 0;
  for (; i < paragraphs.length - 1; i += 1) {
    const p = paragraphs[i] ?? '';
    if (datelineOf(p)) break;
    const words = p.split(/\s+/).length;
    if (words >= 8 && /[.!?…:"”’)]$/u.test(p)) break;
    if (OUTLET_LINE.test(p)) outlet ??= p;
  }
  return { paragraphs: paragraphs.slice(i), outlet };
}

/** The dateline opens the story; pull quotes or a standfirst above it are page furniture. */
function splitDateline(paragraphs: string[], datelineOf: DatelineOf): { dateline: Dateline | null; paragraphs: string[] } {
  for (let i = 0; i < Math.min(DATELINE_REACH, paragraphs.length); i += 1) {
    const p = paragraphs[i] ?? '';
    const dateline = datelineOf(p);
    if (dateline) {
      const others = paragraphs.slice(i + 1);
      return { dateline, paragraphs: dateline.rest ? [dateline.rest, ...others] : others };
    }
    if (p.length > MAX_HEADER_PARAGRAPH) break;
  }
  return { dateline: null, paragraphs };
}

/** A dateline's outlet, unless it is a desk name and a date stamp names the outlet's domain. */
function pickSource(fromDateline: string | null, stampDomain: string | null): string | null {
  if (fromDateline && stampDomain && !/\.[a-z]{2,6}$/iu.test(fromDateline)) return stampDomain;
  return fromDateline ?? stampDomain;
}

/** A lone agency code closing the text ("VNA"), or glued to its last sentence ("... rupiahs. — VNS"). */
function dropSignOff(paragraphs: string[]): { paragraphs: string[]; signOff: string | null } {
  const last = paragraphs[paragraphs.length - 1];
  const m = last === undefined || paragraphs.length < 2 ? null : SIGN_OFF.exec(last);
  if (!m || last === undefined) return { paragraphs, signOff: null };
  const rest = last.slice(0, m.index).trim();
  return { paragraphs: [...paragraphs.slice(0, -1), ...(rest ? [rest] : [])], signOff: m[1] ?? null };
}
