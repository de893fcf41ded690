// STUB (replaced by the ingest work): raw article text -> clean body and metadata.
import { createHash } from 'node:crypto';
import type { CleanArticle, RawArticle } from '../model/article.js';

export function cleanArticle(raw: RawArticle, _now: Date): CleanArticle {
  const paragraphs = raw.text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const title = raw.title ?? paragraphs[0] ?? 'Untitled';
  const body = paragraphs.join('\n\n');
  return {
    title,
    titleDerived: raw.title === undefined,
    body,
    paragraphs,
    language: /\b(yang|dan|dengan)\b/.test(body) ? 'id' : 'en',
    source: raw.source ?? null,
    eventDate: null,
    publishedDate: raw.publishedDate ?? null,
    fingerprint: createHash('sha256').update(body.toLowerCase().replace(/\s+/g, ' ')).digest('hex').slice(0, 32),
  };
}
