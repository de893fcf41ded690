// A worker thread of the derive pool (derive-pool.ts): derives articles from
// their text with the briefs, scope and lexicon the engine loaded (sent once, in
// workerData), so its answers are the main thread's. A failure is reported
// as such; the main thread then derives that article itself, error included.
import { parentPort, workerData } from 'node:worker_threads';
import type { Brief } from '../briefs/brief-schema.js';
import { briefGlossary } from '../briefs/load-briefs.js';
import { scopeOf } from '../briefs/scope.js';
import { TopicTagger } from '../briefs/topic-tagger.js';
import type { RawArticle } from '../model/article.js';
import type { Lexicon } from '../search/lexicon.js';
import { prepareDocument, type DocumentText } from '../search/search-document.js';
import { conceptsOf } from '../stories/event-signals.js';
import { deriveAll, type Derived } from './derivation.js';

export interface WorkerSetup {
  briefs: readonly Brief[];
  lexicon: Lexicon;
  /** The briefing's field as configured (side -> names), null for none: what the search index's scope is built from. */
  scopeSides: Record<string, string[]> | null;
}

export interface DeriveJob {
  job: number;
  raw: RawArticle;
  /** The add's time, in ms since 1970. */
  now: number;
}

export type DeriveAnswer = { job: number; derived: Derived } | { job: number; failed: true };

const setup = workerData as WorkerSetup;
const briefsById = new Map(setup.briefs.map((b) => [b.id, b]));
const scope = scopeOf(setup.scopeSides);
const tools = { glossary: briefGlossary(setup.briefs), tagger: new TopicTagger(setup.briefs), prepare: (a: DocumentText, bodyWords?: readonly string[]) => prepareDocument(a, briefsById, scope, bodyWords) };
const concepts = conceptsOf(setup.lexicon);

parentPort!.on('message', ({ job, raw, now }: DeriveJob) => {
  let answer: DeriveAnswer;
  try {
    answer = { job, derived: deriveAll(raw, new Date(now), tools, concepts) };
  } catch {
    answer = { job, failed: true };
  }
  parentPort!.postMessage(answer);
});
parentPort!.postMessage('ready');
