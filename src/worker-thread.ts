// Starting one of our worker threads from the module beside its caller. Under
// tsx and vitest the worker is TypeScript: it registers tsx's loader before
// importing it; the build's .js loads directly.
import { Worker } from 'node:worker_threads';

/** `caller`: the import.meta.url of the module starting it; `name`: the worker module's name without extension, in the same folder. */
export function startWorker(caller: string, name: string, workerData: unknown): Worker {
  if (!caller.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, caller), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, caller).href;
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData });
}
