// Adds that arrive together keep the engine's de-duplication: the same text twice at
// once is stored once and the other add is answered with its card, and a text with a
// few words changed is answered by the stored card right after a restart (before the
// near-duplicate check has filed the stored articles in the background) and within a
// burst of concurrent adds. Shards that took appended articles read back whole.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import type { Reply } from '../../src/model/reply.js';
import { makeArticleText } from '../support/article-text.js';
import { adminCtx, createTempEngine, type TempEngine } from '../support/temp-engine.js';

const open: TempEngine[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup();
});

async function engine(dir?: string): Promise<TempEngine> {
  const t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' }, dir ? { dir } : {});
  open.push(t);
  return t;
}

const add = (e: Engine, text: string) => e.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);
const added = (r: Reply) => (r.kind === 'added' ? { id: r.card.id, duplicate: r.duplicate } : null);
/** The same article with one word changed: another fingerprint, nearly all the same shingles. */
const edited = (text: string) => text.replace(' unit 2.', ' units 2.');

describe('concurrent adds', () => {
  it('store the same text once and answer the other add with its card', async () => {
    const { engine: e } = await engine();
    const text = makeArticleText(3);
    const [a, b] = (await Promise.all([add(e, text), add(e, text.replace(/ /g, '  '))])).map(added);
    expect([a?.duplicate, b?.duplicate].sort()).toEqual([false, true]);
    expect(a?.id).toBe(b?.id);
    expect(e.probe().articleCount()).toBe(1);
  });

  it('answer a near-duplicate from a burst of adds, and right after a restart', async () => {
    const first = await engine();
    const texts = Array.from({ length: 30 }, (_, i) => makeArticleText(100 + i));
    const stored = (await Promise.all(texts.map((t) => add(first.engine, t)))).map(added);
    expect(stored.every((r) => r?.duplicate === false)).toBe(true);
    const again = await Promise.all([add(first.engine, edited(texts[7]!)), add(first.engine, makeArticleText(200))]);
    expect(added(again[0]!)).toEqual({ id: stored[7]!.id, duplicate: true });
    expect(added(again[1]!)?.duplicate).toBe(false);

    await first.engine.close();
    const restarted = await Engine.open({ config: first.config });
    try {
      expect(restarted.probe().articleCount()).toBe(31);
      expect(added(await add(restarted, edited(texts[21]!)))).toEqual({ id: stored[21]!.id, duplicate: true });
    } finally {
      await restarted.close();
      rmSync(first.dir, { recursive: true, force: true });
    }
  });
});
