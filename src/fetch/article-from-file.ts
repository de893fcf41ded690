// An uploaded or imported file -> raw article: .txt as is, .md with the syntax
// stripped, .html/.htm through the same extraction as a fetched page.
import path from 'node:path';
import { RingkasError } from '../errors.js';
import type { RawArticle } from '../model/article.js';
import { extractArticle } from './extract-article.js';
import { articleFromMarkdown } from './markdown-text.js';

export const SUPPORTED_FILE_TYPES = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export function isSupportedArticleFile(filename: string): boolean {
  return (SUPPORTED_FILE_TYPES as readonly string[]).includes(path.extname(filename).toLowerCase());
}

export function articleFromFile(filename: string, content: string): RawArticle {
  const ext = path.extname(filename).toLowerCase();
  const text = content.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) {
    throw new RingkasError('bad_input', `"${shortName(filename)}" looks like a binary file; Ringkas reads .txt, .md and .html files.`);
  }
  switch (ext) {
    case '.txt':
      return { text: text.replace(/\r\n?/g, '\n') };
    case '.md':
    case '.markdown':
      return articleFromMarkdown(text);
    case '.html':
    case '.htm':
      return fromHtml(text);
    default:
      throw new RingkasError('bad_input', `Ringkas cannot read ${ext || 'files without an extension'} files; use .txt, .md or .html.`);
  }
}

function fromHtml(html: string): RawArticle {
  const page = extractArticle(html);
  const link = page.canonicalUrl;
  return {
    text: page.text,
    ...(page.title ? { title: page.title } : {}),
    ...(page.source ? { source: page.source } : {}),
    ...(page.publishedDate ? { publishedDate: page.publishedDate } : {}),
    ...(link ? { link } : {}),
  };
}

function shortName(filename: string): string {
  const base = path.basename(filename);
  return base.length > 60 ? `${base.slice(0, 57)}...` : base;
}
