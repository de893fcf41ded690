// Input the engine must not take: other languages are refused by name (never
// labelled English, never "too short"), garbled pastes are refused like binary
// files, and the same article with a few words changed answers with the stored card.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticleText } from '../support/article-text.js';
import { adminCtx, createTempEngine, userCtx, type TempEngine } from '../support/temp-engine.js';

let t: TempEngine;
beforeEach(async () => {
  t = await createTempEngine();
});
afterEach(async () => t.cleanup());

const count = async () => {
  const r = await t.engine.execute({ name: 'list', page: 1 }, userCtx);
  return r.kind === 'articles' ? r.total : -1;
};
const add = (text: string) => t.engine.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);

const french =
  "Le ministre de l'Industrie a présenté mardi un programme de formation avec deux entreprises japonaises. " +
  'Quarante étudiants partiront au Japon pour une année de stage dans les chantiers navals. ' +
  'Le programme sera étendu aux autres écoles techniques du pays si les résultats sont bons.';
const english = [
  'Ministry opens welding school with Japanese shipyards',
  '',
  'The Industry Ministry opened a welding school with two Japanese shipyards in Makassar on Monday, sending forty students to Japan for a year of training.',
  '',
  'The students will learn welding, ship design and the Japanese language, and the best of them will be offered four-year contracts at the shipyards.',
  '',
  'Officials said the ministry plans to open similar schools in three more provinces next year if the first class does well.',
].join('\n');

describe('input the engine must not take', () => {
  it('refuses an article in another language with a sentence that names it, and stores nothing', async () => {
    const before = await count();
    const reply = await add(french);
    expect(reply).toMatchObject({ kind: 'message', tone: 'error' });
    if (reply.kind === 'message') {
      expect(reply.text).toContain('Ringkas summarises Bahasa Indonesia and English articles; this looks like French');
      expect(reply.text).not.toMatch(/too short/i);
    }
    expect(await count()).toBe(before);
  });

  it('refuses garbled text as files already are', async () => {
    const garbled = english.replace(/ the /g, ' thÃ© ').replace(/students/g, 'stâ€™udents');
    const reply = await add(garbled);
    expect(reply).toMatchObject({ kind: 'message', tone: 'error' });
    if (reply.kind === 'message') expect(reply.text).toMatch(/garbled/i);
  });

  it('answers a near-duplicate (a few words changed) with the stored card instead of a second entry', async () => {
    const first = await add(english);
    if (first.kind !== 'added') throw new Error(JSON.stringify(first));
    const before = await count();
    const edited = english.replace('forty students', 'forty young students').replace('three more provinces', 'three other provinces');
    const second = await add(edited);
    expect(second).toMatchObject({ kind: 'added', duplicate: true });
    if (second.kind === 'added') expect(second.card.id).toBe(first.card.id);
    expect(await count()).toBe(before);
  });
});

describe('what is not refused as another language', () => {
  it('keeps a list of English keywords with hardly any function words', async () => {
    // The made-up test articles are such lists; one of them reads as Danish at low confidence.
    const reply = await add(makeArticleText(87, 'en'));
    expect(reply).toMatchObject({ kind: 'added' });
  });
});
