// An article's record as its row holds it (everything but the body, which has a
// column of its own), and what an instance keeps of it in memory: a StoredArticle,
// as the lowdb store keeps (decision 025); the key figures wait beside the body in
// the instance's body file (body-file.ts), read on demand by cards (decision 031).
import type { ArticleRecord, KeyFigure, StoredArticle } from '../../model/article.js';

export type RowRecord = Omit<ArticleRecord, 'body'>;

export function withoutFigures({ keyFigures: _keyFigures, ...stored }: RowRecord): StoredArticle {
  return stored;
}

/** A record's key figures as kept in the body file: their JSON text. */
export const figuresBytes = (figures: readonly KeyFigure[] | undefined): Buffer => Buffer.from(JSON.stringify(figures ?? []), 'utf8');
