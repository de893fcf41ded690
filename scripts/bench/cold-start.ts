// Child process for the engine bench: open an existing data directory from
// scratch and report time to ready and memory, free of the parent's garbage.
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: cold-start.ts <data dir>');
const gc = () => (globalThis as { gc?: () => void }).gc?.();
gc();
const baseRss = process.memoryUsage().rss;
const t0 = performance.now();
const engine = await Engine.open({ config: loadConfig({ env: { RINGKAS_DATA_DIR: dir, RINGKAS_SEED_ON_EMPTY: 'false' }, envFile: null }) });
const coldMs = performance.now() - t0;
const q0 = performance.now();
await engine.execute({ name: 'brief', query: 'kendaraan listrik' }, { actor: { platform: 'shell', id: 'bench', isAdmin: false } });
const firstQueryMs = performance.now() - q0;
gc();
const m = process.memoryUsage();
// V8 keeps the pages it grew into while loading until its memory reducer runs
// after a few idle seconds: the running bot's footprint is the settled figure.
await new Promise((resolve) => setTimeout(resolve, 15_000));
gc();
const settled = process.memoryUsage();
const MB = 2 ** 20;
process.stdout.write(
  `${JSON.stringify({ coldMs, firstQueryMs, rssMB: m.rss / MB, settledRssMB: settled.rss / MB, baseRssMB: baseRss / MB, heapMB: m.heapUsed / MB, articles: engine.probe().articleCount() })}\n`,
);
process.exit(0);
