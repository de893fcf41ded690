// Ranking and paging on made-up articles: at most 5 cards, "N more", recency breaks ties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCtx, createTempEngine, userCtx, type TempEngine } from '../support/temp-engine.js';

let t: TempEngine;

const article = (n: number, date: string) =>
  `Nickel smelter expansion number ${n} announced\n` +
  `The Japanese-Indonesian venture said on ${date} that its nickel smelter in Sulawesi will add a new line, the ministry said in a statement. ` +
  `Officials expect the plant to process ore for battery makers, and the investment follows earlier agreements with partners. ` +
  `Workers will be trained locally while construction continues through the next two years, according to the company. ` +
  `Reference code ${n * 7919} was given to the project by the investment board for its permit. ` +
  // A different closing per article: near-copies would be refused as "already in the briefing".
  [
    'Local farmers asked for a new road to the port before the rainy season.',
    'A second furnace is planned once the grid connection is finished next spring.',
    'The regency government hopes the tax revenue will fund two new schools.',
    'Environmental groups want the tailings dam inspected by independent engineers.',
    'Shipping firms expect more barges to call at the jetty every week.',
    'The provincial governor visited the site and praised the safety record.',
    'Analysts said the price of ore could fall if demand from China slows.',
  ][n]!;

beforeAll(async () => {
  t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' });
  const dates = ['January 5, 2024', 'March 9, 2025', 'July 1, 2023', 'May 2, 2025', 'February 3, 2022', 'June 6, 2021', 'August 8, 2020'];
  for (const [i, d] of dates.entries()) {
    const r = await t.engine.execute({ name: 'add', input: { kind: 'text', text: article(i, d), publishedDate: isoOf(d) } }, adminCtx);
    if (r.kind !== 'added') throw new Error(JSON.stringify(r));
  }
});
afterAll(async () => t.cleanup());

function isoOf(d: string): string {
  return new Date(`${d} UTC`).toISOString().slice(0, 10);
}

describe('ranking', () => {
  it('returns at most 5 cards and says how many more there are', async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'nickel smelter' }, userCtx);
    if (reply.kind !== 'cards') throw new Error(JSON.stringify(reply));
    expect(reply.cards.length).toBe(5);
    expect(reply.total).toBe(7);
  });

  it('breaks ties by recency', async () => {
    const reply = await t.engine.execute({ name: 'brief', query: 'nickel smelter' }, userCtx);
    if (reply.kind !== 'cards') throw new Error('expected cards');
    const dates = reply.cards.map((c) => c.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
