// What a PostgreSQL instance keeps of an article in memory: all but the body (the
// key figures too, which lowdb leaves on disk); the body waits in the instance's
// body file (body-file.ts).
import type { ArticleRecord } from '../../model/article.js';

export type HeldArticle = Omit<ArticleRecord, 'body'>;

export function held({ body: _body, ...record }: ArticleRecord): HeldArticle {
  return record;
}
