// Who did what, when: an append-only JSON-lines file beside the store. Appending
// one line costs the same at any size, unlike rewriting a JSON array on every
// admin action; the most recent entries are also kept in memory for look-ups.
import { appendFile } from 'node:fs/promises';
import { appendFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import type { AuditEntry } from './store-schema.js';

const KEEP_IN_MEMORY = 1_000;
const ROTATE_BYTES = 10 * 2 ** 20;

export class AuditLog {
  private readonly recent: AuditEntry[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {
    if (!existsSync(file)) return;
    if (statSync(file).size > ROTATE_BYTES) {
      renameSync(file, `${file}.1`);
      return;
    }
    const text = readFileSync(file, 'utf8');
    // End a line cut short by a crash, so the next entry starts on its own line.
    if (text.length > 0 && !text.endsWith('\n')) appendFileSync(file, '\n');
    const lines = text.split('\n');
    for (const line of lines.slice(-KEEP_IN_MEMORY - 1)) {
      if (line.trim() === '') continue;
      try {
        this.recent.push(JSON.parse(line) as AuditEntry);
      } catch {
        // A line cut short by a crash mid-append: the rest of the log is intact.
      }
    }
  }

  list(): readonly AuditEntry[] {
    return this.recent;
  }

  /** Appends in call order; resolves once the line is on disk. */
  record(entry: AuditEntry): Promise<void> {
    this.recent.push(entry);
    if (this.recent.length > KEEP_IN_MEMORY) this.recent.splice(0, this.recent.length - KEEP_IN_MEMORY);
    const line = `${JSON.stringify(entry)}\n`;
    // One failed append (a full disk) must not fail every later one: chain on the settled tail.
    const appended = this.tail.catch(() => undefined).then(() => appendFile(this.file, line));
    this.tail = appended;
    return appended;
  }

  flush(): Promise<void> {
    return this.tail.catch(() => undefined);
  }
}
