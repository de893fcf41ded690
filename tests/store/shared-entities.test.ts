// A restart reads each distinct entity once (shard-entities.ts): articles naming
// the same entity hold one frozen object, in any shard, and every article reads
// back exactly the entities it was stored with. A shard whose entity lists are
// laid out otherwise (a hand edit) still opens with its entities as written.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../src/model/article.js';
import { withoutBody } from '../../src/model/article.js';
import { StoreError } from '../../src/store/store-errors.js';
import { shardOf, Store } from '../../src/store/store.js';
import { article } from '../roundup/memory-roundup-store.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(dir: string): Promise<Store> {
  const s = await Store.open(dir);
  stores.push(s);
  return s;
}

function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'ringkas-entities-'));
  dirs.push(d);
  return d;
}

const shardFile = (dir: string, id: string) => path.join(dir, 'articles', `shard-${String(shardOf(id, 128)).padStart(2, '0')}.json`);

const jica: Entity = { name: 'JICA', kind: 'organisation', expansion: 'Japan International Cooperation Agency' };
const ijepa: Entity = { name: 'IJEPA', kind: 'programme', expansion: 'Indonesia–Japan Economic Partnership Agreement' };
const quoted: Entity = { name: 'PT "Maju" [Tbk], {cabang}', kind: 'organisation' };
const bandung: Entity = { name: 'Bandung', kind: 'place' };

/** Four articles over at least two shards, sharing some entities, one with none. */
function records() {
  const lists: Entity[][] = [[jica, ijepa, quoted], [ijepa, bandung], [], [quoted, jica]];
  return lists.map((entities, i) =>
    article({ id: `e${i}`, fingerprint: `fp-e${i}`, body: `Body ${i} with "quotes" and \\ backslash.`, entities, addedAt: `2026-11-0${i + 1}T01:00:00.000Z` }),
  );
}

describe('entities read once per restart', () => {
  it('gives every article its own entities back, one frozen object per distinct entity', async () => {
    const dir = tmp();
    const s = await open(dir);
    const written = records();
    expect(new Set(written.map((a) => shardOf(a.id, 128))).size).toBeGreaterThan(1);
    for (const a of written) await s.addArticle(a);
    await s.close();
    const again = await open(dir);
    for (const a of written) expect(again.getArticle(a.id)).toEqual(withoutBody(a));
    const [e0, e1, , e3] = written.map((a) => again.getArticle(a.id)!.entities);
    expect(e0![1]).toBe(e1![0]); // IJEPA, from two shards or one: the same object
    expect(e0![2]).toBe(e3![0]);
    expect(e0![0]).toBe(e3![1]);
    expect(Object.isFrozen(e0![0])).toBe(true);
    expect(() => {
      'use strict';
      (e0![0] as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(again.getArticle('e3')!.entities[1]!.name).toBe('JICA');
    expect(written.map((a) => again.readBody(a.id))).toEqual(written.map((a) => a.body));
  });

  it('opens a shard whose entity lists were hand-edited (spaced, a string among them) with its entities as written', async () => {
    const dir = tmp();
    const s = await open(dir);
    const written = records();
    for (const a of written) await s.addArticle(a);
    await s.close();
    const file = shardFile(dir, 'e0');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('"entities":[{', '"entities":[ {').replace('"entities":[]', '"entities":["loose"]');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    rmSync(path.join(dir, 'manifest.json')); // the documented way to accept a hand edit
    const again = await open(dir);
    const expected = JSON.parse(edited) as { articles: { id: string; entities: unknown }[] };
    for (const a of expected.articles) expect(again.getArticle(a.id)!.entities).toEqual(a.entities);
    expect(again.readBody('e0')).toBe(written[0]!.body);
  });

  it('refuses a shard cut short inside an entity list, naming it', async () => {
    const dir = tmp();
    const s = await open(dir);
    await s.addArticle(records()[0]!);
    await s.close();
    const file = shardFile(dir, 'e0');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('IJEPA')));
    const err = await Store.open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).userMessage).toContain(path.basename(file));
  });
});
