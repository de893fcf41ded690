// The saved search index is used only when it matches the stored articles.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { adminCtx, createTempEngine, userCtx, type TempEngine } from '../support/temp-engine.js';

let t: TempEngine;
const opened: Engine[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
  await t.cleanup();
});

const zinc = 'Zinc refinery opens in Gresik\nA zinc refinery with capacity of 80,000 tonnes a year opened in Gresik on Monday, officials said, supplying galvanised steel makers and exporters to Japan. The plant cost 300 million dollars and employs 1,200 workers from the region, according to the company statement issued in Jakarta.';

describe('search index snapshot', () => {
  it('is written at shutdown and answers look-ups after a restart', async () => {
    t = await createTempEngine();
    await t.engine.close();
    const file = path.join(t.dir, 'search-index.json');
    expect(existsSync(file)).toBe(true);
    const again = await Engine.open({ config: t.config });
    const r = await again.execute({ name: 'brief', query: 'ijepa' }, userCtx);
    expect(r.kind).toBe('cards');
    opened.push(again);
  });

  it('is ignored when articles changed after it was written (e.g. a crash)', async () => {
    t = await createTempEngine();
    await t.engine.close();
    const crashed = await Engine.open({ config: t.config }); // never closed: a crash
    await crashed.execute({ name: 'add', input: { kind: 'text', text: zinc } }, adminCtx);
    // No close(): the snapshot on disk no longer matches the store.
    const again = await Engine.open({ config: t.config });
    const r = await again.execute({ name: 'brief', query: 'zinc gresik' }, userCtx);
    expect(r.kind === 'cards' && r.cards[0]!.headline).toMatch(/Zinc refinery/);
    opened.push(again);
  });

  it('is ignored when its stamp does not match', async () => {
    t = await createTempEngine();
    await t.engine.close();
    const file = path.join(t.dir, 'search-index.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `0000${text.slice(4)}`);
    const again = await Engine.open({ config: t.config });
    const r = await again.execute({ name: 'brief', query: 'ijepa' }, userCtx);
    expect(r.kind).toBe('cards');
    opened.push(again);
  });
});
