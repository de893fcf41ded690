// STUB (replaced by the add-by-URL work): an uploaded .txt/.md/.html file -> raw article.
import type { RawArticle } from '../model/article.js';

export function articleFromFile(filename: string, content: string): RawArticle {
  void filename;
  return { text: content };
}
