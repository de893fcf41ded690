// Why the PostgreSQL store refused to open: a schema it does not know, a failed migration.
// The message is for the operator reading the start-up error, never for chat users.
import { RingkasError } from '../../errors.js';

export class DatabaseSchemaError extends RingkasError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('store_corrupt', detail, options);
    this.name = 'DatabaseSchemaError';
  }
}
