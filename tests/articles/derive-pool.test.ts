// The derive pool's worker threads derive exactly what the main thread does
// (cleaning, summary, topics, story signals, near-duplicate shingles, search
// terms) for real and made-up articles in both languages, and the shingles and
// search terms are what the near-duplicate check and the search index read
// from the stored record; a derivation that throws is left to the caller (which meets
// the error itself); the thread starts only once a burst has gone on; closing
// the pool settles every job. Through the engine, a burst of concurrent adds
// with the pool on (derived ahead, by the worker once it is up and by the main
// thread meanwhile) stores the records that
// one-by-one adds store without it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveAll } from '../../src/articles/derivation.js';
import { derivePoolFor, type DerivePool } from '../../src/articles/derive-pool.js';
import { briefGlossary, loadBriefs } from '../../src/briefs/load-briefs.js';
import { readScopeSides, scopeOf } from '../../src/briefs/scope.js';
import { TopicTagger } from '../../src/briefs/topic-tagger.js';
import type { Engine } from '../../src/engine.js';
import { silentLogger } from '../../src/logger.js';
import type { RawArticle } from '../../src/model/article.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { prepareDocument } from '../../src/search/search-document.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { shingles } from '../../src/articles/shingles.js';
import { conceptsOf } from '../../src/stories/event-signals.js';
import { makeArticleText } from '../support/article-text.js';
import { adminCtx, createTempEngine, PROJECT_ROOT, type TempEngine } from '../support/temp-engine.js';

const briefs = loadBriefs(path.join(PROJECT_ROOT, 'briefs'));
const lexicon = loadLexicon(path.join(PROJECT_ROOT, 'lexicon/en-id.yaml'));
const scopeSides = readScopeSides(path.join(PROJECT_ROOT, 'briefs'));
const briefsById = new Map(briefs.map((b) => [b.id, b]));
const tools = { glossary: briefGlossary(briefs), tagger: new TopicTagger(briefs), prepare: (a: Parameters<typeof prepareDocument>[0]) => prepareDocument(a, briefsById, scopeOf(scopeSides)) };
const seedDir = path.join(PROJECT_ROOT, 'seeds');
const seeds: RawArticle[] = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ text: readFileSync(path.join(seedDir, f), 'utf8') }));
const now = new Date('2026-03-04T05:06:07Z');

const pools: DerivePool[] = [];
const engines: TempEngine[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
  for (const e of engines.splice(0)) await e.cleanup();
});

function pool(startAfter = 0): DerivePool {
  const p = derivePoolFor(1, { briefs, lexicon, scopeSides }, tools, silentLogger, startAfter);
  pools.push(p);
  return p;
}

describe('derive pool', () => {
  it('derives in a worker exactly what this thread derives', async () => {
    const p = pool();
    await p.ready();
    const raws = [...seeds, ...Array.from({ length: 8 }, (_, i) => ({ text: makeArticleText(i) }))];
    const derived = await Promise.all(raws.map((raw) => p.derive(raw, now)));
    expect(p.stats().byWorkers).toBeGreaterThan(0);
    const concepts = conceptsOf(lexicon);
    derived.forEach((d, i) => expect(d).toEqual(deriveAll(raws[i]!, now, tools, concepts)));
  });

  it('reads ahead the shingles and search terms the stored record gives the near-duplicate check and the index', async () => {
    expect(scopeSides).not.toBeNull(); // the project's briefing has a field: the scope flag is part of what is compared
    const p = pool();
    await p.ready();
    const raws = [...seeds, ...Array.from({ length: 8 }, (_, i) => ({ text: makeArticleText(20 + i) }))];
    const derived = await Promise.all(raws.map((raw) => p.derive(raw, now)));
    expect(p.stats().byWorkers).toBeGreaterThan(0);
    const index = new SearchIndex(briefs, { getArticle: () => undefined, readBody: () => undefined }, scopeOf(scopeSides));
    const inScope = new Set<boolean>();
    for (const d of derived) {
      // The record as the article service builds it from the derivation.
      const { paragraphs: _paragraphs, ...stored } = d!.clean;
      const record = { ...stored, ...d!.summary, id: 'x', link: null, canonicalUrl: null, topics: d!.topics, addedAt: now.toISOString(), addedBy: 'test', storyId: 'x' };
      expect(d!.prepared).toEqual(index.prepare(record));
      expect(d!.shingles).toEqual(shingles(record.body));
      inScope.add(d!.prepared.inScope);
    }
    expect(inScope).toEqual(new Set([true, false]));
  });

  it('leaves an article whose derivation throws to the caller, on either thread', async () => {
    const p = pool();
    await p.ready();
    const bad: RawArticle = { text: 'Some text.', publishedDate: 'not a date' };
    expect(() => deriveAll(bad, now, tools, conceptsOf(lexicon))).toThrow(/malformed/);
    expect(await Promise.all([p.derive(bad, now), p.derive(bad, now), p.derive(bad, now)])).toEqual([null, null, null]);
    expect(p.stats().byWorkers).toBeGreaterThan(0);
  });

  it('starts its thread only once a burst has had its first articles derived here', async () => {
    const short = pool(12);
    await Promise.all(Array.from({ length: 11 }, (_, i) => short.derive({ text: makeArticleText(60 + i) }, now)));
    expect(short.stats()).toEqual({ byWorkers: 0, here: 11, threads: 0 });
    const long = pool(12);
    await Promise.all(Array.from({ length: 40 }, (_, i) => long.derive({ text: makeArticleText(80 + i) }, now)));
    expect(long.stats().here).toBeGreaterThanOrEqual(12);
    expect(long.stats().threads).toBe(1);
  });

  it('settles every job when it closes with jobs in flight', async () => {
    const p = pool();
    await p.ready();
    const jobs = Array.from({ length: 6 }, (_, i) => p.derive({ text: makeArticleText(50 + i) }, now));
    await p.close();
    const settled = await Promise.all(jobs);
    expect(settled).toHaveLength(6);
    for (const d of settled) if (d !== null) expect(d.clean.title).toMatch(/number 5\d|nomor 5\d/);
  });
});

describe('concurrent adds with an ingest worker', () => {
  const texts = [...seeds.map((s) => s.text), ...Array.from({ length: 16 }, (_, i) => makeArticleText(300 + i))];
  const clock = { now: () => now };
  const add = (e: Engine, text: string) => e.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);

  async function records(workers: string, together: boolean) {
    const t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_INGEST_WORKERS: workers, RINGKAS_INGEST_WORKERS_AFTER: '0' }, { clock });
    engines.push(t);
    if (together) await Promise.all(texts.map((text) => add(t.engine, text)));
    else for (const text of texts) await add(t.engine, text);
    // Which story a report of a burst joins depends on which writes finished first; everything else is the text's.
    return t.engine.probe().articles().map(({ storyId: _storyId, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
  }

  it('store the records one-by-one adds store without workers', async () => {
    const alone = await records('0', false);
    const burst = await records('1', true);
    expect(burst).toHaveLength(texts.length);
    expect(burst).toEqual(alone);
  });
});
