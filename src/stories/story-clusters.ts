// STUB (replaced by the briefing-quality work): incremental same-event grouping.
import type { ArticleRecord } from '../model/article.js';

export type NewArticle = Omit<ArticleRecord, 'storyId'>;

/**
 * Keeps stories up to date as articles come and go, without a full recompute.
 * A story's id is the id of the article that started it.
 */
export class StoryIndex {
  private readonly byStory = new Map<string, ArticleRecord[]>();

  constructor(articles: readonly ArticleRecord[]) {
    for (const a of articles) this.add(a);
  }

  /** The story a new article belongs to: an existing story id, or its own id for a new story. */
  assign(article: NewArticle): string {
    return article.id;
  }

  add(article: ArticleRecord): void {
    const list = this.byStory.get(article.storyId) ?? [];
    list.push(article);
    this.byStory.set(article.storyId, list);
  }

  remove(article: ArticleRecord): void {
    const list = (this.byStory.get(article.storyId) ?? []).filter((a) => a.id !== article.id);
    if (list.length) this.byStory.set(article.storyId, list);
    else this.byStory.delete(article.storyId);
  }

  members(storyId: string): readonly ArticleRecord[] {
    return this.byStory.get(storyId) ?? [];
  }
}
