// Look-ups in the briefing's field (issue 10, class 7): articles outside the
// Indonesia–Japan scope (briefs/_scope.yaml) answer only when nothing inside it
// matches, and a word found nowhere gets suggestions instead of unrelated cards.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBriefs } from '../../src/briefs/load-briefs.js';
import { loadScope } from '../../src/briefs/scope.js';
import type { Reply } from '../../src/model/reply.js';
import { adminCtx, createTempEngine, PROJECT_ROOT, userCtx, type TempEngine } from '../support/temp-engine.js';

let t: TempEngine;
const ids = new Map<string, string>();

const ARTICLES: Record<string, string> = {
  toyotaStation:
    'Toyota opens hydrogen refueling station in Karawang\n' +
    'KARAWANG - Toyota Motor Manufacturing Indonesia opened a hydrogen refueling station at its plant in Karawang, West Java, on Tuesday, ' +
    'the first the Japanese carmaker has built in the country. The station fills fuel cell cars at 700 bar, the company said, and cost Rp 40 miliar.',
  utilityStation:
    'State utility opens hydrogen refueling station in Senayan\n' +
    'JAKARTA - The state electricity company opened a hydrogen refueling station in Senayan, Jakarta, on Wednesday, selling hydrogen made from ' +
    'geothermal power. The utility said the station can serve 30 fuel cell cars a day and plans three more stations in Indonesia by next year.',
  hondaPlant:
    'Honda tambah investasi produksi mobil listrik di Indonesia\n' +
    'JAKARTA - Honda Prospect Motor menambah investasi Rp 5 triliun untuk produksi mobil listrik di pabriknya di Karawang, Jawa Barat. ' +
    'Perusahaan Jepang itu menargetkan produksi 50.000 unit mobil listrik per tahun mulai 2027, kata Menteri Perindustrian dalam keterangannya.',
  koreanPlant:
    'Pabrikan Korea resmikan pabrik mobil listrik di Cikarang\n' +
    'BEKASI - Pabrikan mobil Korea Selatan meresmikan pabrik produksi mobil listrik di Cikarang dengan investasi 1,5 miliar dolar AS. ' +
    'Pabrik itu mampu memproduksi 150.000 unit mobil listrik per tahun untuk pasar Indonesia dan ekspor, kata presiden direktur perusahaan.',
};

beforeAll(async () => {
  t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' });
  for (const [name, text] of Object.entries(ARTICLES)) {
    const r = await t.engine.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);
    if (r.kind !== 'added') throw new Error(`${name}: ${JSON.stringify(r)}`);
    ids.set(name, r.card.id);
  }
});
afterAll(async () => t.cleanup());

const shown = (r: Reply) => (r.kind === 'cards' ? r.cards.flatMap((c) => [c.id, ...c.alsoReportedBy.map((s) => s.id)]) : []);
const look = (query: string) => t.engine.execute({ name: 'brief', query }, userCtx);

describe('look-ups in the briefing scope', () => {
  it('leaves an out-of-scope article that shares the words out while an in-scope one matches, and shows it when none does', async () => {
    expect(shown(await look('hydrogen refueling station'))).toEqual([ids.get('toyotaStation')]);
    expect(shown(await look('investasi produksi mobil listrik'))).toEqual([ids.get('hondaPlant')]);
    expect(shown(await look('Senayan geothermal'))).toEqual([ids.get('utilityStation')]);
  });

  it('answers a query with a word found nowhere by suggestions, but still finds words through typos and translations', async () => {
    const reply = await look('suzuki investasi');
    expect(reply.kind).toBe('empty');
    // The look-up without the missing word comes first.
    if (reply.kind === 'empty') expect(reply.suggestions[0]).toBe('investasi');
    expect(shown(await look('hidrogen toyotta'))).toContain(ids.get('toyotaStation'));
    expect(shown(await look('electric car production'))).toContain(ids.get('hondaPlant'));
  });
});

describe('the scope file', () => {
  let dir = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read from briefs/_scope.yaml and is not a brief', () => {
    const briefsDir = path.join(PROJECT_ROOT, 'briefs');
    expect(loadBriefs(briefsDir).map((b) => b.id)).not.toContain('_scope');
    const scope = loadScope(briefsDir);
    expect(scope.covers(['toyota', 'opens', 'station'], ['karawang'])).toBe(true);
    expect(scope.covers(['state', 'utility', 'senayan', 'jakarta'])).toBe(false);
  });

  it('names the file and the field when it is broken', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ringkas-scope-'));
    writeFileSync(path.join(dir, '_scope.yaml'), 'name: Field\ndescription: d\nsides: {}\nextra: 1\n');
    expect(() => loadScope(dir)).toThrow(/_scope\.yaml: .*extra|_scope\.yaml: file/);
  });
});
