// What of an article is searchable, and how each part is weighted. Two fields
// only: every extra field multiplies the cost of each look-up term.
import type { ArticleText } from '../model/article.js';
import type { Brief } from '../briefs/brief-schema.js';

export interface SearchDocument {
  id: string;
  /** Headline, key points, entities (with expansions) and topic names. */
  head: string;
  body: string;
}

export const FIELD_BOOST = { head: 3, body: 1 } as const;

export function toSearchDocument(a: ArticleText, briefsById: ReadonlyMap<string, Brief>): SearchDocument {
  const entities = a.entities.map((e) => (e.expansion ? `${e.name} ${e.expansion}` : e.name));
  const topics = a.topics.map((t) => briefsById.get(t)?.name ?? t);
  return { id: a.id, head: [a.title, ...a.keyPoints, ...entities, ...topics].join('\n'), body: a.body };
}
