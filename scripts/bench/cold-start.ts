// Child process for the engine bench: open an existing data directory from
// scratch and report time to ready and memory, free of the parent's garbage.
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: cold-start.ts <data dir>');
const t0 = performance.now();
const engine = await Engine.open({ config: loadConfig({ env: { RINGKAS_DATA_DIR: dir, RINGKAS_SEED_ON_EMPTY: 'false' }, envFile: null }) });
const coldMs = performance.now() - t0;
const q0 = performance.now();
await engine.execute({ name: 'brief', query: 'kendaraan listrik' }, { actor: { platform: 'shell', id: 'bench', isAdmin: false } });
const firstQueryMs = performance.now() - q0;
(globalThis as { gc?: () => void }).gc?.();
const m = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ coldMs, firstQueryMs, rssMB: m.rss / 2 ** 20, heapMB: m.heapUsed / 2 ** 20, articles: engine.services.store.articleCount })}\n`);
process.exit(0);
