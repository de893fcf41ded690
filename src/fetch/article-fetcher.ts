// The port the engine uses to turn an admin-supplied URL or file into raw article text.
import type { RawArticle } from '../model/article.js';

export interface FetchedArticle extends RawArticle {
  /** The URL after redirects, with tracking parameters removed: the de-duplication key. */
  canonicalUrl: string;
  link: string;
}

export type ArticleFetcher = (url: string) => Promise<FetchedArticle>;
