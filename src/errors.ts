// Errors with a code and a sentence that is safe to show a user.
import { plainText, type Text } from './model/text.js';

export type ErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'duplicate'
  | 'fetch_refused'
  | 'fetch_failed'
  | 'store_corrupt'
  | 'store_unwritable'
  | 'internal';

export class RingkasError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** One short sentence for the user (it may point at other commands); never a stack trace or internal detail. */
    readonly userMessage: Text,
    options?: { cause?: unknown },
  ) {
    super(plainText(userMessage), options);
    this.name = 'RingkasError';
  }
}

export function isRingkasError(e: unknown): e is RingkasError {
  return e instanceof RingkasError;
}
