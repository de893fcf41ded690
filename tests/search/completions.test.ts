import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCtx, createTempEngine, type TempEngine } from '../support/temp-engine.js';

let t: TempEngine;
beforeAll(async () => {
  t = await createTempEngine();
});
afterAll(async () => t.cleanup());

describe('autocomplete', () => {
  it('offers brief names first for a prefix', () => {
    expect(t.engine.complete('ij')[0]).toBe('IJEPA');
  });

  it('offers entities of the stored articles, and follows adds and removes', async () => {
    expect(t.engine.complete('Ken')).toContain('Ken Saito');
    expect(t.engine.complete('Hiroshi')).toEqual([]);
    const text =
      'Trade minister meets JETRO chief in Jakarta\nJAKARTA - Trade Minister Budi Santoso met JETRO chairman Hiroshi Nakamura in Jakarta on Monday to discuss export promotion for Indonesian auto parts, the ministry said. ' +
      'Nakamura said Japanese buyers wanted more local suppliers, and Budi Santoso said the government would help 500 component makers reach Japanese standards by 2027.';
    const added = await t.engine.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);
    if (added.kind !== 'added') throw new Error(JSON.stringify(added));
    expect(t.engine.complete('Hiroshi')).toContain('Hiroshi Nakamura');
    await t.engine.execute({ name: 'remove', id: added.card.id }, adminCtx);
    expect(t.engine.complete('Hiroshi')).toEqual([]);
  });

  it('never offers more than asked, nor names over 100 characters', () => {
    const all = t.engine.complete('', 25);
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.every((c) => c.length <= 100)).toBe(true);
  });
});
