// A worker thread of the read-ahead (signals-ahead.ts): reads stored articles'
// story signals from their text with the lexicon the engine loaded (sent once,
// in workerData), the same pure function the main thread runs, so its answers
// are the main thread's.
import { parentPort, workerData } from 'node:worker_threads';
import type { Lexicon } from '../search/lexicon.js';
import { conceptsOf } from './event-signals.js';
import { storedSignals, storySignals, type SignalSource, type StoredSignals } from './story-signals.js';

export interface SignalsJob {
  ids: string[];
  sources: SignalSource[];
}

export interface SignalsAnswer {
  ids: string[];
  signals: StoredSignals[];
}

const concepts = conceptsOf(workerData as Lexicon);

parentPort!.on('message', ({ ids, sources }: SignalsJob) => {
  let answer: SignalsAnswer;
  try {
    answer = { ids, signals: sources.map((s) => storedSignals(storySignals(s, concepts))) };
  } catch {
    // The main thread reads these itself (and meets the same failure there).
    answer = { ids: [], signals: [] };
  }
  parentPort!.postMessage(answer);
});
