// STUB (replaced by the briefing-quality work): which existing story an article joins.
import type { ArticleRecord } from '../model/article.js';

/** Returns the storyId of the story `article` belongs to, or null for a new story. */
export function findStory(_article: Omit<ArticleRecord, 'storyId'>, _candidates: readonly ArticleRecord[]): string | null {
  return null;
}
