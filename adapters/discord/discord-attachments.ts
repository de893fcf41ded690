// Downloads an uploaded article file (/brief-admin add file:) from Discord's CDN, with the
// type and size checks up front and again while streaming (the declared size can lie).
import { RingkasError } from '../../src/errors.js';

const ALLOWED_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];
/** Attachments only ever come from Discord's CDN; anything else is refused (no SSRF through an upload). */
const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

export interface AttachmentRef {
  name: string;
  size: number;
  url: string;
}

export interface DownloadOptions {
  /** The limit the command's file option declares. */
  maxBytes: number;
  /** Extra hosts allowed besides Discord's CDN: the fake's loopback host in tests. */
  extraHosts?: string[];
  timeoutMs?: number;
}

export async function downloadAttachment(file: AttachmentRef, options: DownloadOptions): Promise<{ filename: string; content: string }> {
  const tooBig = `That file is over ${sizeLabel(options.maxBytes)}; upload a smaller one.`;
  const lower = file.name.toLowerCase();
  if (!ALLOWED_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
    throw new RingkasError('bad_input', 'Upload a .txt, .md or .html file.');
  }
  if (file.size > options.maxBytes) throw new RingkasError('bad_input', tooBig);
  const url = allowedUrl(file.url, options.extraHosts ?? []);

  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  } catch (cause) {
    throw new RingkasError('fetch_failed', 'I could not download that file from Discord; please try again.', { cause });
  }
  if (!response.ok || !response.body) {
    throw new RingkasError('fetch_failed', 'I could not download that file from Discord; please try again.');
  }
  const bytes = await readCapped(response.body, options.maxBytes, tooBig);
  return { filename: file.name, content: new TextDecoder('utf-8').decode(bytes) };
}

function allowedUrl(raw: string, extraHosts: string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RingkasError('bad_input', 'That attachment has no usable download link.');
  }
  const cdn = url.protocol === 'https:' && DISCORD_CDN_HOSTS.includes(url.hostname);
  const extra = (url.protocol === 'http:' || url.protocol === 'https:') && extraHosts.includes(url.host);
  if (!cdn && !extra) throw new RingkasError('fetch_refused', 'I only download attachments from Discord itself.');
  return url;
}

async function readCapped(body: ReadableStream<Uint8Array>, max: number, tooBig: string): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new RingkasError('bad_input', tooBig);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function sizeLabel(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} kB`;
}
