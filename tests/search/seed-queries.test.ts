// Every look-up in the labels returns the articles users expect in the top 5
// (a card covers its article and the other articles of its story).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/model/reply.js';
import { labels, SEEDS_DIR } from '../support/labels.js';
import { adminCtx, createTempEngine, userCtx, type TempEngine } from '../support/temp-engine.js';

let t: TempEngine;
const idOf = new Map<string, string>();

beforeAll(async () => {
  t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' });
  for (const file of Object.keys(labels.articles)) {
    const content = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    const r = await t.engine.execute({ name: 'add', input: { kind: 'file', filename: file, content } }, adminCtx);
    if (r.kind !== 'added') throw new Error(`seed ${file} not added: ${JSON.stringify(r)}`);
    idOf.set(file, r.card.id);
  }
});
afterAll(async () => t.cleanup());

function coveredIds(reply: Reply): string[] {
  if (reply.kind !== 'cards') return [];
  return reply.cards.slice(0, 5).flatMap((c) => [c.id, ...c.alsoReportedBy.map((s) => s.id)]);
}

describe('seed queries', () => {
  for (const [query, expected] of Object.entries(labels.queries)) {
    it(`"${query}" finds ${expected.length} expected article(s) in the top 5`, async () => {
      const reply = await t.engine.execute({ name: 'brief', query }, userCtx);
      const got = coveredIds(reply);
      for (const file of expected) expect(got, `${query} should include ${file}`).toContain(idOf.get(file));
    });
  }

  it('puts the best match first for a single-article query', async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'sepeda motor listrik' }, userCtx);
    expect(reply.kind === 'cards' && reply.cards[0]!.id).toBe(idOf.get('003_1a593d3e3b6b2037.txt'));
  });

  it('answers a query with no match by suggestions, never a blank', async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'qwxyzzy plorb' }, userCtx);
    expect(reply.kind).toBe('empty');
    if (reply.kind === 'empty') expect(reply.suggestions.length).toBeGreaterThan(0);
  });

  it('suggests the topic a misspelt word was close to', async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'biofeul' }, userCtx);
    const ok = reply.kind === 'cards' || (reply.kind === 'empty' && reply.suggestions.includes('Biofuel'));
    expect(ok).toBe(true);
  });

  it('lists each story once', async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'ken saito' }, userCtx);
    if (reply.kind !== 'cards') throw new Error('expected cards');
    const stories = reply.cards.map((c) => c.storyId);
    expect(new Set(stories).size).toBe(stories.length);
  });
});

describe('the article that leads a bilingual story', () => {
  it("is the one using the user's own words: English words, the English report", async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'car ownership' }, userCtx);
    if (reply.kind !== 'cards') throw new Error(JSON.stringify(reply));
    const card = reply.cards.find((c) => c.alsoReportedBy.length > 0)!;
    expect(card.language).toBe('en');
    expect(card.alsoReportedBy.map((s) => s.language)).toContain('id');
  });

  it('and Indonesian words, the Indonesian report', async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'menteri perindustrian jepang' }, userCtx);
    if (reply.kind !== 'cards') throw new Error(JSON.stringify(reply));
    const card = reply.cards.find((c) => c.alsoReportedBy.length > 0)!;
    expect(card.language).toBe('id');
  });
});
