// Errors with a code and a sentence that is safe to show a user.

export type ErrorCode =
  | 'not_admin'
  | 'bad_input'
  | 'not_found'
  | 'duplicate'
  | 'fetch_refused'
  | 'fetch_failed'
  | 'unsupported'
  | 'store_corrupt'
  | 'store_unwritable'
  | 'internal';

export class RingkasError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** One short sentence for the user; never a stack trace or internal detail. */
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = 'RingkasError';
  }
}

export function isRingkasError(e: unknown): e is RingkasError {
  return e instanceof RingkasError;
}
