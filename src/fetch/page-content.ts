// What kind of content a fetched page holds (only HTML and plain text are read)
// and how its bytes become a string (declared charset, <meta charset>, else UTF-8).
import { RingkasError } from '../errors.js';

export type PageKind = 'html' | 'text';

/** kind null means "not declared: sniff the bytes". refusal is the polite sentence for anything else. */
export function classifyContentType(contentType: string | undefined): { kind: PageKind | null; refusal?: string } {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mime === '') return { kind: null };
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return { kind: 'html' };
  if (mime === 'text/plain') return { kind: 'text' };
  if (mime === 'application/pdf') {
    return { kind: null, refusal: 'That link is a PDF, not a web page; paste its text or upload it as a text file instead.' };
  }
  if (mime.startsWith('image/')) return { kind: null, refusal: 'That link is an image, not an article, so Ringkas cannot read it.' };
  if (mime.startsWith('video/') || mime.startsWith('audio/')) {
    return { kind: null, refusal: 'That link is a video or audio file, not an article, so Ringkas cannot read it.' };
  }
  return { kind: null, refusal: `That link is not a web page or plain text (it is ${mime.slice(0, 60)}), so Ringkas cannot read it.` };
}

export function decodeBody(bytes: Buffer, contentType: string | undefined, declared: PageKind | null): { kind: PageKind; content: string } {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const kind = declared ?? sniffKind(head);
  const charset = charsetFrom(contentType) ?? (kind === 'html' ? metaCharset(head) : undefined) ?? 'utf-8';
  return { kind, content: decoderFor(charset).decode(bytes) };
}

function decoderFor(charset: string): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder('utf-8'); // Unknown label: UTF-8 is the web's default.
  }
}

function sniffKind(head: string): PageKind {
  if (head.includes('\u0000')) {
    throw new RingkasError('fetch_refused', 'That link is a binary file, not a web page, so Ringkas cannot read it.');
  }
  return /<(!doctype html|html|head|body|p|article)[\s>]/i.test(head) ? 'html' : 'text';
}

function charsetFrom(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

function metaCharset(head: string): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}
