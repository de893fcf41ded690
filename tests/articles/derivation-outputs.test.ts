// What an add derives from a text (cleaning, summary, topics, story signals,
// shingles, search terms) stays what it was when this test was written, field
// by field, for the seeds (with and without a given title, source and date),
// the clean-up tests' made-up pages, the tests' made-up articles and 400
// synthetic articles of the scale bench: changes made for speed must not
// change one byte of it. The digests were written by the derivation as it was
// at a3f20ef (decision 022, derive7); a change that is meant to change outputs
// rewrites them with RINGKAS_WRITE_DERIVATION_DIGESTS=1 and says why.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../scripts/bench/synthetic-corpus.js';
import { deriveAll, type Derived } from '../../src/articles/derivation.js';
import { briefGlossary, loadBriefs } from '../../src/briefs/load-briefs.js';
import { readScopeSides, scopeOf } from '../../src/briefs/scope.js';
import { TopicTagger } from '../../src/briefs/topic-tagger.js';
import type { RawArticle } from '../../src/model/article.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { prepareDocument } from '../../src/search/search-document.js';
import { conceptsOf } from '../../src/stories/event-signals.js';
import * as unseen from '../ingest/unseen-articles.js';
import { makeArticleText } from '../support/article-text.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';

const DIGESTS = path.join(import.meta.dirname, 'fixtures', 'derivation-digests.json');
const briefs = loadBriefs(path.join(PROJECT_ROOT, 'briefs'));
const briefsById = new Map(briefs.map((b) => [b.id, b]));
const scope = scopeOf(readScopeSides(path.join(PROJECT_ROOT, 'briefs')));
const tools = { glossary: briefGlossary(briefs), tagger: new TopicTagger(briefs), prepare: (a: Parameters<typeof prepareDocument>[0], bodyWords?: readonly string[]) => prepareDocument(a, briefsById, scope, bodyWords) };
const concepts = conceptsOf(loadLexicon(path.join(PROJECT_ROOT, 'lexicon/en-id.yaml')));
const now = new Date('2026-03-04T05:06:07Z');

function articles(): [string, RawArticle][] {
  const seedDir = path.join(PROJECT_ROOT, 'seeds');
  const out: [string, RawArticle][] = [];
  for (const f of readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join(seedDir, f), 'utf8');
    out.push([`seed ${f}`, { text }]);
    const firstLine = text.split('\n', 1)[0]!;
    out.push([`seed ${f} with title, source and date`, { text, title: `${firstLine} - Example.com`, source: 'Example', publishedDate: '2025-02-03' }]);
  }
  for (const [name, text] of Object.entries(unseen)) if (typeof text === 'string') out.push([`unseen ${name}`, { text }]);
  for (let i = 0; i < 20; i++) out.push([`made-up ${i}`, { text: makeArticleText(i) }]);
  for (let i = 0; i < 400; i++) out.push([`synthetic ${i * 251}`, generateArticle(i * 251)]);
  return out;
}

/** JSON with Maps, Sets and typed arrays written out (in their own order: order is part of the output). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v] };
    if (ArrayBuffer.isView(v)) return { typed: Array.from(v as Uint32Array) };
    return v;
  });
}

const digest = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex').slice(0, 24);

function digests(d: Derived): Record<string, string> {
  return Object.fromEntries(Object.entries(d).map(([field, value]) => [field, digest(value)]));
}

describe('derivation outputs', () => {
  it('are the ones the derivation gave before, field by field', () => {
    const actual = Object.fromEntries(articles().map(([name, raw]) => [name, digests(deriveAll(raw, now, tools, concepts))]));
    if (process.env.RINGKAS_WRITE_DERIVATION_DIGESTS === '1') writeFileSync(DIGESTS, `{\n${Object.entries(actual).map(([name, d]) => `${JSON.stringify(name)}: ${JSON.stringify(d)}`).join(',\n')}\n}\n`);
    const expected = JSON.parse(readFileSync(DIGESTS, 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const name of Object.keys(expected)) expect({ name, ...actual[name] }).toEqual({ name, ...expected[name] });
  });
});
