// What of an article is searchable, and how each part is weighted.
import type { ArticleRecord } from '../model/article.js';
import type { Brief } from '../briefs/brief-schema.js';

export interface SearchDocument {
  id: string;
  title: string;
  points: string;
  entities: string;
  topics: string;
  body: string;
}

export const SEARCH_FIELDS = ['title', 'points', 'entities', 'topics', 'body'] as const;

export const FIELD_BOOST: Record<(typeof SEARCH_FIELDS)[number], number> = {
  title: 3,
  points: 2,
  entities: 3,
  topics: 2,
  body: 1,
};

export function toSearchDocument(a: ArticleRecord, briefsById: ReadonlyMap<string, Brief>): SearchDocument {
  return {
    id: a.id,
    title: a.title,
    points: a.keyPoints.join(' '),
    entities: a.entities.map((e) => (e.expansion ? `${e.name} ${e.expansion}` : e.name)).join(' '),
    topics: a.topics.map((t) => briefsById.get(t)?.name ?? t).join(' '),
    body: a.body,
  };
}
