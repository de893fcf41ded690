// STUB (replaced by the add-by-URL work): fetch a page without reaching inside the network.
import { RingkasError } from '../errors.js';
import type { FetchConfig } from '../config.js';
import type { ArticleFetcher } from './article-fetcher.js';

export function createSafeFetcher(_config: FetchConfig): ArticleFetcher {
  return async () => {
    throw new RingkasError('unsupported', 'Adding by URL is not available yet.');
  };
}
