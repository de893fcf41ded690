// HTML page -> article text and metadata. Metadata is read first (JSON-LD, og:),
// obvious page furniture is removed, then @mozilla/readability on a linkedom DOM
// picks the article body, which is flattened to one paragraph per line.
import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { readPageMetadata, type PageMetadata } from './page-metadata.js';
import { isClutterLine, removePageFurniture } from './page-clutter.js';
import type { DomNode } from './dom-shape.js';

export interface ExtractedArticle extends PageMetadata {
  /** Paragraphs separated by single newlines. */
  text: string;
}

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL',
  'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'FIGURE', 'BR', 'HR',
]);
const SKIP = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'BUTTON', 'svg', 'SVG', 'IMG', 'PICTURE', 'VIDEO', 'IFRAME']);

// The DOM and Readability weigh ~17 MB resident: loaded on the first page or
// HTML file, not at start, since most sessions never add by URL.
const load = createRequire(import.meta.url);
let libs: { parseHTML: typeof Linkedom.parseHTML; Readability: typeof ReadabilityModule.Readability } | null = null;

function domLibs(): NonNullable<typeof libs> {
  libs ??= {
    parseHTML: (load('linkedom') as typeof Linkedom).parseHTML,
    Readability: (load('@mozilla/readability') as typeof ReadabilityModule).Readability,
  };
  return libs;
}

/**
 * linkedom builds no <html> element for markup without one (an empty body, bare
 * whitespace, a lone doctype or comment), and every DOM walk then throws a
 * TypeError: give such markup a document shell so it reads as "no text".
 */
function parseDocument(html: string): ReturnType<typeof Linkedom.parseHTML>['document'] {
  const { parseHTML } = domLibs();
  const { document } = parseHTML(html);
  return document.documentElement ? document : parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

export function extractArticle(html: string, pageUrl?: string): ExtractedArticle {
  const { Readability } = domLibs();
  const document = parseDocument(html);
  const meta = readPageMetadata(document as never, pageUrl);
  removePageFurniture(document as never);
  const fallbackParagraphs = paragraphsOf(document.body as unknown as DomNode | null);
  let parsed: { content?: DomNode | null } | null = null;
  try {
    parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
  } catch {
    parsed = null; // Readability gives up on odd markup; fall back to all paragraphs.
  }
  let paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  if (totalLength(paragraphs) < Math.min(200, totalLength(fallbackParagraphs) / 2)) paragraphs = fallbackParagraphs;
  // Readability keeps the in-body headline; the title is carried separately.
  if (meta.title && paragraphs[0] && sameText(paragraphs[0], meta.title)) paragraphs = paragraphs.slice(1);
  return { ...meta, text: paragraphs.join('\n') };
}

/** Flattens a DOM subtree to paragraphs: one per block element, inline text joined. */
export function paragraphsOf(root: DomNode | null | undefined): string[] {
  if (!root) return [];
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line && !isClutterLine(line)) lines.push(line);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node.tagName ?? '').toUpperCase();
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes ?? [])) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

function totalLength(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}
