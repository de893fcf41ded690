import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/search/result-cache.js';
import { adminCtx, createTempEngine, userCtx } from '../support/temp-engine.js';

describe('ResultCache', () => {
  it('answers the same folded query from cache until invalidated', () => {
    const c = new ResultCache<number>();
    c.set('IJEPA ', 1);
    expect(c.get('ijepa')).toBe(1);
    c.invalidate();
    expect(c.get('ijepa')).toBeUndefined();
  });

  it('evicts the least recently used entry past its capacity', () => {
    const c = new ResultCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.get('a');
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
  });
});

describe('cached look-ups in the engine', () => {
  it('reflect an article added or removed after the first answer', async () => {
    const t = await createTempEngine();
    try {
      const text = 'Tungsten mine deal signed\nA tungsten mining company signed a supply deal with a Japanese trading house in Jakarta on Tuesday, officials said, covering 12,000 tonnes of concentrate over five years for factories in Nagoya and Osaka, according to a statement.';
      expect((await t.engine.execute({ name: 'brief', query: 'tungsten' }, userCtx)).kind).toBe('empty');
      const added = await t.engine.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);
      if (added.kind !== 'added') throw new Error(JSON.stringify(added));
      const found = await t.engine.execute({ name: 'brief', query: 'tungsten' }, userCtx);
      expect(found.kind === 'cards' && found.cards[0]!.id).toBe(added.card.id);
      await t.engine.execute({ name: 'remove', id: added.card.id }, adminCtx);
      expect((await t.engine.execute({ name: 'brief', query: 'tungsten' }, userCtx)).kind).toBe('empty');
    } finally {
      await t.cleanup();
    }
  });
});
