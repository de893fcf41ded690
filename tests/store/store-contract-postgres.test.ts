// The store contract against PostgreSQL (the run's embedded server, a fresh database per test).
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { freshDatabaseUrl } from '../support/postgres-database.js';
import { storeContract } from './store-contract.js';

storeContract('PostgreSQL', async () => {
  const url = await freshDatabaseUrl();
  return {
    open: () => PostgresStore.open(url),
    makeSchemaNewer: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("INSERT INTO schema_version (version, name) VALUES ((SELECT max(version) + 1 FROM schema_version), 'from-a-newer-ringkas')");
      await client.end();
    },
    cleanup: async () => undefined,
  };
});
