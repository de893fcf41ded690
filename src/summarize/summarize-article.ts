// STUB (replaced by the briefing-quality work): key points, key figures, entities.
import type { ArticleSummary, CleanArticle } from '../model/article.js';

export interface Glossary {
  /** Acronym (upper case) -> long form, from briefs. */
  acronyms: Map<string, string>;
}

export function summarizeArticle(article: CleanArticle, _glossary: Glossary): ArticleSummary {
  return {
    keyPoints: article.paragraphs.slice(0, 3).map((p) => (p.length > 300 ? p.slice(0, 297) + '…' : p)),
    keyFigures: [],
    entities: [],
  };
}
