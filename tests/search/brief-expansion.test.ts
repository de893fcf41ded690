// How a brief named or hinted at by a query widens the look-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/model/reply.js';
import { adminCtx, createTempEngine, userCtx, type TempEngine } from '../support/temp-engine.js';

let t: TempEngine;
let plantId = '';
// In the briefing's Indonesia–Japan field (briefs/_scope.yaml), like the seeds it competes with.
const plant =
  'Carmaker to build hybrid plant in Karawang\nJAKARTA - A Japanese carmaker said on Tuesday it would invest Rp27,1 triliun to build a hybrid car plant in Karawang, West Java, creating 2,000 jobs. ' +
  'The plant will produce 150,000 hybrid cars a year from 2027, the industry minister said in a statement, adding that local suppliers would provide most of the parts.';

beforeAll(async () => {
  t = await createTempEngine();
  const r = await t.engine.execute({ name: 'add', input: { kind: 'text', text: plant } }, adminCtx);
  if (r.kind !== 'added') throw new Error(JSON.stringify(r));
  plantId = r.card.id;
});
afterAll(async () => t.cleanup());

const covered = (r: Reply) => (r.kind === 'cards' ? r.cards.flatMap((c) => [c.id, ...c.alsoReportedBy.map((s) => s.id)]) : []);

describe('brief expansion', () => {
  it('a query naming a brief lists every article tagged with it, even without a shared word', async () => {
    const topics = await t.engine.execute({ name: 'topics' }, userCtx);
    if (topics.kind !== 'topics') throw new Error('expected topics');
    const ev = topics.topics.find((x) => x.id === 'electric-vehicles')!;
    const reply = await t.engine.execute({ name: 'brief', query: 'ev' }, userCtx);
    expect(new Set(covered(reply)).size).toBe(ev.articleCount);
  });

  it("a query that only hits an alias keeps the user's own words first", async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'hybrid karawang' }, userCtx);
    expect(reply.kind === 'cards' && reply.cards[0]!.id).toBe(plantId);
  });

  it('finds the English article from Indonesian words (lexicon)', async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'pabrik karawang' }, userCtx);
    expect(reply.kind === 'cards' && reply.cards[0]!.id).toBe(plantId);
  });
});
