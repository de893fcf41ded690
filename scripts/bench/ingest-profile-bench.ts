// Per-stage cost of ingesting one article (clean, summarise and its parts, story
// assign+add at 1,000 and 10,000 existing articles, story index rebuild from
// stored records), so a slow stage shows up before it eats the 200 articles/s
// budget. Figures only; compare ratios within one run on a shared machine.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { briefAcronyms, loadBriefs } from '../../src/briefs/load-briefs.js';
import { cleanArticle } from '../../src/ingest/clean-article.js';
import { storedPart, type ArticleRecord, type CleanArticle } from '../../src/model/article.js';
import { findEntities } from '../../src/nlp/find-entities.js';
import { splitSentences } from '../../src/nlp/split-sentences.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { StoryIndex } from '../../src/stories/story-clusters.js';
import { extractKeyFigures } from '../../src/summarize/key-figures.js';
import { selectKeySentences } from '../../src/summarize/key-points.js';
import { summarizeArticle, type Glossary } from '../../src/summarize/summarize-article.js';
import { NearDuplicates } from '../../src/articles/near-duplicates.js';
import { closeQuietly } from '../../src/store/shard-bodies.js';
import { ShardWriter } from '../../src/store/shard-writer.js';
import type { ShardState } from '../../src/store/store-schema.js';
import { generateCorpus } from './synthetic-corpus.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { ms, percentile } from './stats.js';

// The same glossary the engine builds: acronyms and topic phrases from briefs/.
const BRIEFS = loadBriefs(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../briefs'));
const GLOSSARY: Glossary = {
  acronyms: briefAcronyms(BRIEFS),
  topicTerms: BRIEFS.flatMap((b) => [...b.aliases.en, ...b.aliases.id]),
};
// The lexicon the engine groups stories with.
const LEXICON = loadLexicon(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../lexicon/en-id.yaml'));
const SAMPLE = 300;
const NOW = new Date('2026-01-15T00:00:00Z');

function timed<T>(times: number[], fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  times.push(performance.now() - t0);
  return out;
}

function line(print: (l: string) => void, label: string, times: readonly number[]): void {
  // The mean is what sets throughput; median and p95 show whether a few articles or noise dominate it.
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  print(`${label.padEnd(34)} median ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, mean ${ms(mean)} (n=${times.length})`);
}

function toRecord(clean: CleanArticle, i: number): Omit<ArticleRecord, 'storyId'> {
  return {
    ...clean,
    ...summarizeArticle(clean, GLOSSARY),
    id: `b${i}`,
    link: null,
    canonicalUrl: null,
    topics: [],
    addedAt: NOW.toISOString(),
    addedBy: 'bench',
  };
}

/** Assign+add `drafts` one by one, returning each one's time. */
function assignAll(index: StoryIndex, drafts: readonly Omit<ArticleRecord, 'storyId'>[], out: ArticleRecord[]): number[] {
  const times: number[] = [];
  for (const d of drafts) {
    const t0 = performance.now();
    const record: ArticleRecord = { ...d, storyId: index.assign(d) };
    index.add(record);
    times.push(performance.now() - t0);
    out.push(record);
  }
  return times;
}

function summariseStages(print: (l: string) => void, cleans: readonly CleanArticle[]): void {
  const split: number[] = [];
  const points: number[] = [];
  const figures: number[] = [];
  const entities: number[] = [];
  for (const c of cleans) {
    const sentences = timed(split, () => splitSentences(c.paragraphs));
    timed(points, () => selectKeySentences(sentences, c.title, c.language, { stem: true, count: 3, topicTerms: GLOSSARY.topicTerms }));
    timed(figures, () => extractKeyFigures(sentences.map((s) => s.text), c.language));
    timed(entities, () => findEntities([c.title, ...c.paragraphs].join('\n'), GLOSSARY.acronyms));
  }
  line(print, '  split sentences', split);
  line(print, '  key points', points);
  line(print, '  key figures', figures);
  line(print, '  entities', entities);
}

/** The near-duplicate check over `stored`: filing them all, then look-up + filing per new article, and a near-duplicate's look-up. */
async function nearDuplicateStage(print: (l: string) => void, stored: readonly ArticleRecord[], repeats: readonly ArticleRecord[]): Promise<void> {
  const byId = new Map(stored.map((a) => [a.id, a]));
  const near = new NearDuplicates(() => byId.values(), (id) => byId.get(id), (id) => byId.get(id)?.body);
  const t0 = performance.now();
  near.find({ ...repeats[0]!, body: 'too short' } as unknown as CleanArticle);
  print(`near-duplicate filing of ${stored.length} stored: ${ms(performance.now() - t0)} (background after start)`);
  const fresh = generateCorpus(SAMPLE, 5_000_000).map((raw, i) => toRecord(cleanArticle(raw, NOW), 5_000_000 + i));
  const times: number[] = [];
  for (const r of fresh) {
    timed(times, () => near.find(r as unknown as CleanArticle));
    byId.set(r.id, r as ArticleRecord);
    near.file(r as ArticleRecord);
  }
  line(print, `near-duplicate look-up @${stored.length.toLocaleString('en')}`, times);
  const found: number[] = [];
  let hits = 0;
  for (const r of repeats) {
    const edited = { ...r, fingerprint: `${r.fingerprint}-edited`, body: r.body.replace(/ (\S+) /, ' diubah ') } as unknown as CleanArticle;
    if (timed(found, () => near.find(edited))?.id === r.id) hits += 1;
  }
  line(print, `  of a near-duplicate (found ${hits}/${repeats.length})`, found);
  print(`  ${JSON.stringify(near.stats())}`);
}

/** One add's shard write at 100,000 articles (~780 per shard): appended, and rewritten whole as before. */
async function shardWriteStage(print: (l: string) => void, stored: readonly ArticleRecord[]): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ringkas-shard-bench-'));
  try {
    const articles = Array.from({ length: 780 }, (_, i) => stored[i % stored.length]!);
    const writer = new ShardWriter(path.join(dir, 'shard-00.json'));
    const state = (generation: number, records: readonly ArticleRecord[]): ShardState => ({
      schemaVersion: 1,
      generation,
      articles: records.map(storedPart),
      bodies: new Map(records.map((a) => [a.id, a.body])),
      figures: new Map(records.map((a) => [a.id, a.keyFigures])),
      fd: null,
    });
    let shard = await writer.write(state(1, articles), state(0, []));
    const append: number[] = [];
    const whole: number[] = [];
    const step = async (next: ShardState, times: number[]) => {
      const t0 = performance.now();
      const written = await writer.write(next, shard);
      times.push(performance.now() - t0);
      closeQuietly(shard.fd);
      shard = written;
    };
    for (let k = 0; k < 20; k++) {
      const added = stored[k]!;
      await step({ ...shard, generation: shard.generation! + 1, articles: [...shard.articles, storedPart(added)], bodies: new Map(shard.bodies).set(added.id, added.body), figures: new Map(shard.figures).set(added.id, added.keyFigures) }, append);
      // A change that is not an append (as every add was before) is written whole.
      const copy = { ...shard, generation: shard.generation! + 1, articles: [...shard.articles] };
      copy.articles[0] = { ...copy.articles[0]! };
      await step(copy, whole);
    }
    closeQuietly(shard.fd);
    line(print, 'shard write @100,000 (780/shard): append', append);
    line(print, '  written whole', whole);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function ingestProfileBench(print: (line: string) => void): Promise<void> {
  const raws = generateCorpus(10_000 + 2 * SAMPLE);
  // Warm the JIT on a few articles so the first samples are not interpreter time.
  for (const raw of raws.slice(0, 50)) summarizeArticle(cleanArticle(raw, NOW), GLOSSARY);

  const cleanTimes: number[] = [];
  const cleans = raws.map((raw) => timed(cleanTimes, () => cleanArticle(raw, NOW)));
  line(print, 'clean (src/ingest)', cleanTimes);

  const sumTimes: number[] = [];
  const drafts = cleans.map((c, i) => timed(sumTimes, () => toRecord(c, i)));
  line(print, 'summarise', sumTimes);
  summariseStages(print, cleans.slice(0, 1000));

  const stored: ArticleRecord[] = [];
  const index = new StoryIndex([], LEXICON);
  assignAll(index, drafts.slice(0, 1000), stored);
  line(print, 'story assign+add @1,000', assignAll(index, drafts.slice(1000, 1000 + SAMPLE), stored));
  assignAll(index, drafts.slice(1000 + SAMPLE, 10_000 + SAMPLE), stored);
  line(print, 'story assign+add @10,000', assignAll(index, drafts.slice(10_000 + SAMPLE), stored));
  const stories = new Set(stored.map((r) => r.storyId)).size;
  print(`  ${stored.length} articles in ${stories} stories`);

  await nearDuplicateStage(print, stored, stored.slice(0, SAMPLE));
  await shardWriteStage(print, stored);

  const rebuild: number[] = [];
  const firstAssign: number[] = [];
  for (let k = 0; k < 3; k++) timed(rebuild, () => new StoryIndex(stored, LEXICON)).stop();
  // A change right after start indexes every stored record's signals first (the worst case; before
  // the background build, every first change after a restart paid this).
  const rebuilt = new StoryIndex(stored, LEXICON);
  timed(firstAssign, () => rebuilt.assign(drafts[0]!));
  print(`story index rebuild from ${stored.length} stored records: best ${ms(Math.min(...rebuild))} (cold-start share; budget 2 s total)`);
  print(`  first assignment at once after the rebuild (indexes all stored signals first): ${ms(firstAssign[0]!)}`);

  // The usual case: signals are indexed in the background after start, in slices
  // between other work; the longest gap between two turns of the event loop is
  // what a look-up arriving during the build waits at most.
  const background = new StoryIndex(stored, LEXICON);
  const t0 = performance.now();
  let gap = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 1);
  await background.whenIndexed();
  clearInterval(probe);
  print(`  background signal build: ${ms(performance.now() - t0)} wall, longest event-loop gap ${ms(gap)}`);
  const before = background.stats().signalsComputed;
  const firstAfter: number[] = [];
  assignAll(background, [{ ...drafts[1]!, id: 'first-after' }], []).forEach((t) => firstAfter.push(t));
  print(`  first assign+add after the background build: ${ms(firstAfter[0]!)}; signals read ${background.stats().signalsComputed - before}`);
}
