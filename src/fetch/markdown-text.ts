// Markdown -> plain article text, lightly: the syntax goes, the words stay.
// Front matter (title, source, date, link) is read when present, because a
// bulk import of saved articles usually carries it.
import { parse as parseYaml } from 'yaml';
import type { RawArticle } from '../model/article.js';
import { toIsoDate } from './page-metadata.js';

export function articleFromMarkdown(markdown: string): RawArticle {
  const { front, body } = splitFrontMatter(markdown.replace(/\r\n?/g, '\n'));
  const lines = body.split('\n');
  let title = stringField(front, 'title', 'headline');
  // A leading "# Heading" is the title when the front matter gave none.
  const firstContent = lines.findIndex((l) => l.trim() !== '');
  if (!title && firstContent >= 0 && /^#\s+\S/.test(lines[firstContent]!)) {
    title = stripInline(lines[firstContent]!.replace(/^#\s+/, '')).trim();
    lines.splice(firstContent, 1);
  }
  const text = markdownToText(lines.join('\n'));
  const source = stringField(front, 'source', 'publisher', 'site');
  const publishedDate = toIsoDate(stringField(front, 'date', 'published', 'publishedDate', 'datePublished'));
  const link = stringField(front, 'link', 'url', 'canonical');
  return {
    text,
    ...(title ? { title } : {}),
    ...(source ? { source } : {}),
    ...(publishedDate ? { publishedDate } : {}),
    ...(link && /^https?:\/\//i.test(link) ? { link } : {}),
  };
}

export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(paragraph.join(' ').replace(/\s+/g, ' ').trim());
    paragraph = [];
  };
  for (const rawLine of markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const line = rawLine.trim();
    if (line === '' || /^(```|~~~)/.test(line) || /^([-*_]\s*){3,}$/.test(line) || /^\|?[\s:|-]+\|[\s:|-]*$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (heading || item) {
      flush();
      out.push(stripInline((heading ?? item)![1]!));
      continue;
    }
    paragraph.push(stripInline(line.replace(/^>\s?/, '').replace(/^\|(.*)\|$/, '$1').replace(/\s*\|\s*/g, ' ')));
  }
  flush();
  return out.filter(Boolean).join('\n');
}

function stripInline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links keep their words
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .trim();
}

function splitFrontMatter(md: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(md);
  if (!m) return { front: {}, body: md };
  try {
    const parsed: unknown = parseYaml(m[1]!);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { front: parsed as Record<string, unknown>, body: md.slice(m[0].length) };
  } catch {
    // Not YAML after all: treat it as text.
  }
  return { front: {}, body: md };
}

function stringField(front: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = front[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return undefined;
}
