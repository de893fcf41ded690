// The store contract against the lowdb folder store (the default).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../src/store/store-schema.js';
import { Store } from '../../src/store/store.js';
import { storeContract } from './store-contract.js';

storeContract('lowdb', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-contract-'));
  return {
    open: () => Store.open(dir),
    makeSchemaNewer: async () => {
      const main = path.join(dir, 'ringkas.json');
      writeFileSync(main, JSON.stringify({ ...JSON.parse(readFileSync(main, 'utf8')), schemaVersion: SCHEMA_VERSION + 1 }));
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
