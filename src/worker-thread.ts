// Starting one of our worker threads from the module beside its caller. Under
// tsx and vitest the worker is TypeScript: it registers tsx's loader before
// importing it; the build's .js loads directly.
//
// A background worker (work no request waits for, e.g. the story signals read
// ahead of a first open's build) runs at a lower scheduling priority than the
// main thread (decision 040): on two cores, the main thread, the worker and
// the garbage collector's helpers compete, and a look-up right after a first
// open waited for the worker's start (under tsx ~1 s of compiling) and its
// batches. It lowers its own priority before loading anything (Linux: a
// thread's nice value is its own, and threads it starts inherit it; elsewhere
// nothing changes). Never for work a request awaits (the derive pool): the
// main thread would then wait on a thread it starved.
import { Worker } from 'node:worker_threads';

/** The nice value of a background worker (0 is the main thread's; 19 the lowest). */
export const BACKGROUND_NICE = 10;

/** Run first in a background worker, as code: its own thread id from /proc, then setpriority on it; a failure changes nothing. */
const LOWER_PRIORITY = `try { require('node:os').setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), ${BACKGROUND_NICE}); } catch {}`;

export interface WorkerOptions {
  /** Nobody awaits this worker's answers: it yields the cores to the main thread. */
  background?: boolean;
}

/** `caller`: the import.meta.url of the module starting it; `name`: the worker module's name without extension, in the same folder. */
export function startWorker(caller: string, name: string, workerData: unknown, options: WorkerOptions = {}): Worker {
  const first = options.background === true ? LOWER_PRIORITY : '';
  if (!caller.endsWith('.ts')) {
    const url = new URL(`./${name}.js`, caller);
    return first === '' ? new Worker(url, { workerData }) : new Worker(`${first}\nimport(${JSON.stringify(url.href)});`, { eval: true, workerData });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, caller).href;
  const code = `${first}\nimport(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData });
}
