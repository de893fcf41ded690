// Child process of the scale bench: MiniSearch indexing and searching the same
// corpus and query mix, as a reference the engine's figures read against (both
// measured in the same run on the same machine). Two fields like the engine's
// index (head: headline, key points, entities, topics, boosted x3; body), one
// typo allowed in words of 5+ letters. Prints one JSON line.
import MiniSearch from 'minisearch';
import { QUERIES } from './query-mix.js';
import { readRecords } from './scale-corpus.js';
import { percentile } from './stats.js';

export interface MiniSearchFigures {
  indexMs: number;
  /** Serialising the index to JSON and loading it back: what a MiniSearch snapshot would cost at start. */
  saveMs: number;
  loadMs: number;
  snapshotMB: number;
  lookupMedianMs: number;
  lookupP95Ms: number;
  rssMB: number;
  heapMB: number;
}

interface Doc {
  id: string;
  head: string;
  body: string;
}

const MB = 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const n = Number(process.argv[2]);
const options = { fields: ['head', 'body'], searchOptions: { boost: { head: 3 }, fuzzy: (term: string) => (term.length >= 5 ? 1 : 0), maxFuzzy: 1 } };

const docs: Doc[] = [];
for await (const a of readRecords(n, () => {})) {
  docs.push({ id: a.id, head: [a.title, ...a.keyPoints, ...a.entities.map((e) => e.name), ...a.topics].join('\n'), body: a.body });
}
const t0 = performance.now();
let search = new MiniSearch<Doc>(options);
search.addAll(docs);
const indexMs = performance.now() - t0;
docs.length = 0;
gc();
const { rss, heapUsed } = process.memoryUsage();
const times: number[] = [];
for (let r = 0; r < 11; r++) {
  for (const q of QUERIES) {
    const t = performance.now();
    search.search(q);
    if (r > 0) times.push(performance.now() - t);
  }
}
const s0 = performance.now();
const json = JSON.stringify(search);
const saveMs = performance.now() - s0;
const l0 = performance.now();
search = MiniSearch.loadJSON<Doc>(json, options);
const loadMs = performance.now() - l0;
const figures: MiniSearchFigures = {
  indexMs,
  saveMs,
  loadMs,
  snapshotMB: json.length / MB,
  lookupMedianMs: percentile(times, 50),
  lookupP95Ms: percentile(times, 95),
  rssMB: rss / MB,
  heapMB: heapUsed / MB,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
