// Refusal of an article another stored article already is (same fingerprint or
// canonical URL). Both stores raise it; with a shared database two instances can
// race to add one article, and the loser gets the winner's record here.
import { RingkasError } from '../errors.js';
import type { StoredArticle } from '../model/article.js';

export class DuplicateArticleError extends RingkasError {
  constructor(
    readonly existing: StoredArticle,
    readonly field: 'fingerprint' | 'canonical URL',
  ) {
    super('duplicate', `That article is already stored (id ${existing.id}).`);
    this.name = 'DuplicateArticleError';
  }
}
