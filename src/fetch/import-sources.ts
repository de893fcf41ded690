// What a bulk import will add: every article file in a folder (recursively),
// one file, or a .txt list of URLs (one per line, # comments). Files are read
// lazily, one at a time, so a large folder never sits in memory at once.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { RingkasError } from '../errors.js';
import type { AddInput } from '../model/command.js';
import { isSupportedArticleFile } from './article-from-file.js';

export interface ImportItem {
  /** What the summary calls this item: a relative file name or the URL. */
  label: string;
  load(): Promise<AddInput>;
}

/** A folder entry left out, and why (the summary groups them by reason). */
export interface SkippedEntry {
  label: string;
  reason: 'not .txt/.md/.html' | 'symbolic link, not followed' | 'not a regular file';
}

export interface ImportPlan {
  kind: 'folder' | 'file' | 'url-list';
  items: ImportItem[];
  /** Folder entries left out: unreadable types, symbolic links, devices and sockets. */
  skipped: SkippedEntry[];
}

const MAX_FILE_BYTES = 5_000_000;

/** Throws RingkasError('bad_input') when the target cannot be imported at all (a usage error). */
export async function planImport(target: string): Promise<ImportPlan> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new RingkasError('bad_input', `"${target}" does not exist.`);
  if (info.isDirectory()) return planFolder(target);
  if (!info.isFile()) throw new RingkasError('bad_input', `"${target}" is neither a folder nor a file.`);
  if (!isSupportedArticleFile(target)) {
    throw new RingkasError('bad_input', `Ringkas cannot import ${path.basename(target)}; use a folder, a .txt/.md/.html file or a .txt list of URLs.`);
  }
  if (path.extname(target).toLowerCase() === '.txt' && info.size < MAX_FILE_BYTES) {
    const urls = parseUrlList(await readFile(target, 'utf8'));
    if (urls) return { kind: 'url-list', items: urls.map(urlItem), skipped: [] };
  }
  return { kind: 'file', items: [fileItem(target, path.basename(target))], skipped: [] };
}

async function planFolder(folder: string): Promise<ImportPlan> {
  const { files, others } = await listFiles(folder);
  const items: ImportItem[] = [];
  const skipped: SkippedEntry[] = [];
  for (const file of files) {
    const label = path.relative(folder, file);
    if (isSupportedArticleFile(file)) items.push(fileItem(file, label));
    else skipped.push({ label, reason: 'not .txt/.md/.html' });
  }
  for (const other of others) skipped.push({ ...other, label: path.relative(folder, other.label) });
  skipped.sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }));
  if (items.length === 0) {
    throw new RingkasError('bad_input', `"${folder}" holds no .txt, .md or .html files to import.`);
  }
  return { kind: 'folder', items, skipped };
}

interface Listing {
  files: string[];
  /** Entries that are neither folders nor regular files (label = full path). */
  others: SkippedEntry[];
}

async function listFiles(folder: string): Promise<Listing> {
  const out: Listing = { files: [], others: [] };
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      const inner = await listFiles(full);
      out.files.push(...inner.files);
      out.others.push(...inner.others);
    } else if (entry.isFile()) {
      out.files.push(full);
    } else {
      // Links are not followed (they may leave the folder or loop), but the summary says so.
      out.others.push({ label: full, reason: entry.isSymbolicLink() ? 'symbolic link, not followed' : 'not a regular file' });
    }
  }
  // A stable order makes progress and summaries comparable between runs.
  out.files.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return out;
}

function fileItem(file: string, label: string): ImportItem {
  return {
    label,
    async load() {
      const { size } = await stat(file);
      if (size > MAX_FILE_BYTES) throw new RingkasError('bad_input', `That file is larger than ${MAX_FILE_BYTES / 1_000_000} MB.`);
      return { kind: 'file', filename: path.basename(file), content: await readFile(file, 'utf8') };
    },
  };
}

function urlItem(url: string): ImportItem {
  return { label: url, load: async () => ({ kind: 'url', url }) };
}

/**
 * The lines of a URL list, or null when the text is an article rather than a
 * list: most content lines must be links. Non-link lines in a list stay in, so
 * the summary names them as failures instead of silently dropping them.
 */
export function parseUrlList(text: string): string[] | null {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
  if (lines.length === 0) return null;
  const links = lines.filter((l) => /^https?:\/\/\S+$/i.test(l)).length;
  return links / lines.length >= 0.8 ? lines : null;
}
