// The safe fetcher (undici, the address guard, tldts' public-suffix list) is
// loaded on the first URL an admin adds, not at every start: ~25 MB and a few
// hundred milliseconds that a start adding no URL never needs.
import type { FetchConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { ArticleFetcher } from './article-fetcher.js';

export function lazySafeFetcher(config: FetchConfig, logger: Logger): ArticleFetcher {
  let fetcher: Promise<ArticleFetcher> | null = null;
  return async (url) => {
    fetcher ??= import('./safe-fetch.js').then((m) => m.createSafeFetcher(config, logger));
    return (await fetcher)(url);
  };
}
