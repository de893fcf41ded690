// Which store this instance uses: PostgreSQL when RINGKAS_DATABASE_URL is set,
// else the lowdb folder in RINGKAS_DATA_DIR. The PostgreSQL code (and pg) is
// loaded only when asked for, so the default start reads nothing it does not use.
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { BriefingStore } from './briefing-store.js';
import type { SharedDerivedRows } from './shared-derived-rows.js';
import { Store } from './store.js';

/** `whileLoading`: called with the store's shared derived rows (if it keeps any) as soon as they can be read, before the articles are loaded. */
export async function openStore(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  logger: Logger,
  whileLoading?: (shared: SharedDerivedRows) => void,
): Promise<BriefingStore> {
  if (config.databaseUrl === null) {
    const store = await Store.open(config.dataDir, { logger });
    logger.info({ event: 'store_records_read', shardsFromCache: store.shardsFromCache }, 'store records read');
    return store;
  }
  const { PostgresStore } = await import('./postgres/postgres-store.js');
  return PostgresStore.open(config.databaseUrl, { logger, whileLoading });
}
