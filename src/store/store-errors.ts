// Why the store refused to open, naming the file so an operator can act.
import { RingkasError } from '../errors.js';

export class StoreError extends RingkasError {
  constructor(
    readonly file: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super('store_corrupt', `Data file ${file} ${detail}`, options);
    this.name = 'StoreError';
  }
}
