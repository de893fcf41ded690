// Cards show what was stored, after a restart too: key figures are read from the
// store on demand (decision 025: the lowdb store keeps them on disk) and
// entities come back from the shards, shared between the articles naming them.
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/model/reply.js';
import { createTempEngine, userCtx, type TempEngine } from '../support/temp-engine.js';

const engines: TempEngine[] = [];
afterEach(async () => {
  for (const t of engines.splice(0).reverse()) await t.cleanup();
});

const cardsOf = (r: Reply) => (r.kind === 'cards' ? r.cards : []);
const QUERIES = ['ijepa', 'kendaraan listrik', 'biofuel'];

describe('cards after a restart', () => {
  it('show the same key points, key figures and entities as before it', async () => {
    const first = await createTempEngine();
    engines.push(first);
    const before = await Promise.all(QUERIES.map((query) => first.engine.execute({ name: 'brief', query }, userCtx).then(cardsOf)));
    const shown = before.flat();
    expect(shown.some((c) => c.keyFigures.length > 0)).toBe(true);
    expect(shown.some((c) => c.entities.length > 0)).toBe(true);
    await first.engine.close();
    const again = await createTempEngine({}, { dir: first.dir });
    engines.push(again);
    const after = await Promise.all(QUERIES.map((query) => again.engine.execute({ name: 'brief', query }, userCtx).then(cardsOf)));
    expect(after).toEqual(before);
  });
});
