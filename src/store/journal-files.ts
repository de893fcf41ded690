// The add journal's files on disk (add-journal.ts writes them): names, and reading
// them back at start. Each write appends one line, a JSON array of the records
// it acknowledged, ended by a newline; a write cut short by a crash leaves a last
// line without its newline, which was never acknowledged and is skipped. After a
// failed write the journal goes on in a new file, so such a line is always last.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleRecord } from '../model/article.js';
import { StoreError } from './store-errors.js';

const NAME = /^journal-(\d+)\.jsonl$/;

export const journalPath = (dir: string, n: number): string => path.join(dir, 'articles', `journal-${n}.jsonl`);

/** The journal files in a data folder, oldest first. */
export function journalNumbers(dir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(path.join(dir, 'articles'));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const m = NAME.exec(name);
    return m ? [Number(m[1])] : [];
  }).sort((a, b) => a - b);
}

/** The records one journal file acknowledged, in the order they were written. */
export function readJournalFile(file: string): ArticleRecord[] {
  const text = readFileSync(file, 'utf8');
  const end = text.lastIndexOf('\n');
  if (end < 0) return [];
  const records: ArticleRecord[] = [];
  for (const line of text.slice(0, end).split('\n')) {
    let batch: unknown;
    try {
      batch = JSON.parse(line);
    } catch {
      batch = null;
    }
    if (!Array.isArray(batch) || !batch.every(isRecord)) {
      throw new StoreError(file, 'holds a line that is not a list of articles (a complete line, so not one a crash cut short). Restore it from a backup, or move it aside to go on without the articles it holds.');
    }
    records.push(...batch);
  }
  return records;
}

function isRecord(a: unknown): a is ArticleRecord {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
  const { id, fingerprint, body } = a as Record<string, unknown>;
  return typeof id === 'string' && typeof fingerprint === 'string' && typeof body === 'string';
}
