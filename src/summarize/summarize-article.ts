// Builds a card's content from a cleaned article: 2-3 extractive key points in
// the article's language, key figures with their context, and named entities
// with acronyms expanded from the article or the briefs' glossary.
import type { ArticleSummary, CleanArticle } from '../model/article.js';
import { findEntities } from '../nlp/find-entities.js';
import { splitSentences } from '../nlp/split-sentences.js';
import { extractKeyFigures } from './key-figures.js';
import { selectKeySentences } from './key-points.js';
import { shortenPoint, stripDateline } from './shorten-point.js';

export interface Glossary {
  /** Acronym (upper case) -> long form, from briefs. */
  acronyms: Map<string, string>;
  /** Topic phrases (the briefs' aliases in both languages); key points that name them score higher. */
  topicTerms?: readonly string[];
}

export interface SummaryOptions {
  /** Stem terms when scoring sentences; measured by `npm run eval` (on by default). */
  stem?: boolean;
}

const MAX_ENTITIES = 14;

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim();
}

/** A drop cap left on its own line ("M" then "itsubishi Motors, …") is put back on its word. */
export function rejoinDropCaps(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const next = paragraphs[i + 1];
    if (/^\s*\p{Lu}\s*$/u.test(p) && next !== undefined && /^\p{Ll}/u.test(next.trimStart())) {
      out.push(p.trim() + next.trimStart());
      i++;
    } else out.push(p);
  }
  return out;
}

export function summarizeArticle(article: CleanArticle, glossary: Glossary, options: SummaryOptions = {}): ArticleSummary {
  // The headline is often repeated as the first paragraph; it is not a key point.
  const title = normalise(article.title);
  const paragraphs = rejoinDropCaps(article.paragraphs).filter((p, i) => !(i === 0 && normalise(p) === title));
  const sentences = splitSentences(paragraphs).map((s, i) => (i === 0 ? { ...s, text: stripDateline(s.text) } : s));
  const count = sentences.length >= 5 ? 3 : 2;
  const chosen = selectKeySentences(sentences, article.titleDerived ? null : article.title, article.language, {
    stem: options.stem ?? true,
    count,
    topicTerms: glossary.topicTerms,
  });
  const body = paragraphs.join('\n');
  return {
    keyPoints: chosen.map((s) => shortenPoint(s.text)),
    keyFigures: extractKeyFigures(sentences.map((s) => s.text), article.language),
    entities: findEntities(body, glossary.acronyms, { headline: article.title }).slice(0, MAX_ENTITIES),
  };
}
