// A background worker (work no request awaits) yields the cores to the main
// thread (decision 040): it runs at a lower priority, set before it loads
// anything; other workers, and the main thread, keep theirs.
import { readdirSync, readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLexicon } from '../src/search/lexicon.js';
import type { SignalsAnswer } from '../src/stories/signals-worker.js';
import { BACKGROUND_NICE, startWorker } from '../src/worker-thread.js';

const besideSignalsWorker = new URL('../src/stories/signals-ahead.ts', import.meta.url).href;
const started: Worker[] = [];

afterEach(async () => {
  for (const w of started.splice(0)) await w.terminate();
});

/** The nice value of each of this process's threads (Linux /proc). */
function niceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

/** Starts the story signals worker and waits for its answer to an empty job (it has loaded by then). */
async function answering(background: boolean): Promise<void> {
  const worker = startWorker(besideSignalsWorker, 'signals-worker', buildLexicon([]), { background });
  started.push(worker);
  await new Promise<SignalsAnswer>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ ids: [], sources: [] });
  });
}

describe('worker threads', () => {
  it('a background worker runs at a lower priority than the main thread', async () => {
    await answering(true);
    const nice = niceValues();
    expect(nice).toContain(BACKGROUND_NICE);
    expect(nice[0]).toBe(0); // the main thread (the first task)
  }, 60_000);

  it('a worker others await keeps the main thread priority', async () => {
    await answering(false);
    expect(niceValues().every((n) => n === 0)).toBe(true);
  }, 60_000);
});
