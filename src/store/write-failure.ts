// Why a write to the data folder failed, in words an operator (and a chat user)
// can act on. The raw errno and temp-file path stay in the log, not in chat.
import path from 'node:path';
import { RingkasError } from '../errors.js';

function errnoOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** Short phrase for the errors a full, read-only or foreign-owned disk gives. */
export function writeFailureReason(e: unknown): string {
  switch (errnoOf(e)) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'no permission to write it';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    default:
      return `the system refused (${errnoOf(e) ?? 'unknown error'})`;
  }
}

/** A write that did not reach the disk; nothing in memory changed. */
export class StoreWriteError extends RingkasError {
  constructor(
    readonly file: string,
    readonly errno: string | undefined,
    userMessage: string,
    options?: { cause?: unknown },
  ) {
    super('store_unwritable', userMessage, options);
    this.name = 'StoreWriteError';
  }
}

/** `file` is absolute; the user sees it relative to the data folder. */
export function storeWriteError(dataDir: string, file: string, cause: unknown): StoreWriteError {
  const errno = errnoOf(cause);
  const shown = path.relative(dataDir, file) || file;
  const message =
    errno === 'EACCES' || errno === 'EPERM'
      ? `No permission to write ${shown} in the data folder; nothing was changed.`
      : `Could not save: ${writeFailureReason(cause)}; nothing was changed.`;
  return new StoreWriteError(file, errno, message, { cause });
}
