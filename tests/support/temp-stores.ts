// lowdb stores on temporary folders for store tests: each test's stores are
// closed and its folders removed after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Store } from '../../src/store/store.js';

export function tempStores(prefix: string): { open(dir: string): Promise<Store>; tmp(): string } {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close().catch(() => undefined);
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    async open(dir) {
      const s = await Store.open(dir);
      stores.push(s);
      return s;
    },
    tmp() {
      const d = mkdtempSync(path.join(tmpdir(), `ringkas-${prefix}-`));
      dirs.push(d);
      return d;
    },
  };
}
