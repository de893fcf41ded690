// A stored article with its body read back from the store: what derivation from
// the text reads (memory holds stored articles without their bodies, decision 025).
import type { ArticleText, StoredArticle } from '../model/article.js';
import type { BriefingStore } from './briefing-store.js';

export function articleWithBody(store: Pick<BriefingStore, 'readBody'>, article: StoredArticle): ArticleText {
  return { ...article, body: store.readBody(article.id) ?? '' };
}
