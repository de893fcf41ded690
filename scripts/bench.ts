// npm run bench: the engine's figures, then every other part in scripts/bench/.
// Figures are printed, not asserted: machines are shared and noisy, so compare
// ratios within one run.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const print = (line: string) => process.stdout.write(`${line}\n`);

print(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join('/')}`);
const only = process.argv.slice(2);
const OPT_IN = ['scale-bench.ts', 'ingest-store-bench.ts', 'postgres-start-bench.ts'];
const parts = readdirSync(path.join(here, 'bench'))
  .filter((f) => f.endsWith('-bench.ts'))
  .sort((a, b) => (a === 'engine-bench.ts' ? -1 : b === 'engine-bench.ts' ? 1 : a.localeCompare(b)))
  // The scale bench builds 100,000-article corpora (minutes on first use), and ingest-store opens them: they run only when named.
  .filter((f) => (only.length === 0 ? !OPT_IN.includes(f) : only.some((o) => f.startsWith(o))));
for (const file of parts) {
  print(`\n== ${file.replace(/\.ts$/, '')}`);
  const mod = (await import(pathToFileURL(path.join(here, 'bench', file)).href)) as { default: (p: typeof print) => Promise<void> };
  try {
    await mod.default(print);
  } catch (e) {
    print(`  FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
