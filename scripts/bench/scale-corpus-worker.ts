// Child process of the scale bench's corpus builder: runs the engine's own
// ingest stages (clean, summarise, tag) over a range of synthetic articles and
// writes the drafts (no story yet) as JSON lines to a file. Story assignment
// depends on every earlier article, so the parent does it, in order.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { briefGlossary, loadBriefs } from '../../src/briefs/load-briefs.js';
import { TopicTagger } from '../../src/briefs/topic-tagger.js';
import { cleanArticle } from '../../src/ingest/clean-article.js';
import { summarizeArticle } from '../../src/summarize/summarize-article.js';
import { CORPUS_NOW } from './scale-corpus-version.js';
import { generateArticle } from './synthetic-corpus.js';

const [from, to, out] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
if (!Number.isInteger(from) || !Number.isInteger(to) || !out) throw new Error('usage: scale-corpus-worker.ts <from> <to> <out.ndjson>');
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const briefs = loadBriefs(path.join(root, 'briefs'));
const glossary = briefGlossary(briefs);
const tagger = new TopicTagger(briefs);
const file = createWriteStream(out);
for (let i = from; i < to; i++) {
  const clean = cleanArticle(generateArticle(i), CORPUS_NOW);
  const { paragraphs: _paragraphs, ...stored } = clean;
  const draft = {
    ...stored,
    ...summarizeArticle(clean, glossary),
    link: null,
    canonicalUrl: null,
    topics: tagger.tag(`${clean.title}\n${clean.body}`),
    addedAt: CORPUS_NOW.toISOString(),
    addedBy: 'bench',
  };
  if (!file.write(`${JSON.stringify(draft)}\n`)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
}
await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
