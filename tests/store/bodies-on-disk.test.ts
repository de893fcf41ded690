// The lowdb store keeps article bodies and key figures on disk (decision 025):
// memory holds the records without them, and they are read back from their
// shard on demand. A shard laid out otherwise (a hand edit) still opens and
// serves them; a shard whose body is cut short is refused by name, never
// half-read. A restart reads each distinct entity once (shard-entities.ts):
// articles naming the same entity hold one frozen object, in any shard, and
// every article reads back exactly the entities it was stored with.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedPart, type Entity } from '../../src/model/article.js';
import { StoreError } from '../../src/store/store-errors.js';
import { shardOf, Store } from '../../src/store/store.js';
import { article } from '../roundup/memory-roundup-store.js';
import { tempStores } from '../support/temp-stores.js';

const { open, tmp } = tempStores('bodies');

const shardFile = (dir: string, id: string) => path.join(dir, 'articles', `shard-${String(shardOf(id, 128)).padStart(2, '0')}.json`);

describe('bodies on disk', () => {
  it('holds no body in memory, before and after a restart, and reads each from its shard', async () => {
    const dir = tmp();
    const s = await open(dir);
    const a = article({ id: 'a1', body: 'First body, "quoted".', addedAt: '2026-11-01T01:00:00.000Z' });
    await s.addArticle(a);
    expect('body' in s.getArticle('a1')!).toBe(false);
    expect(s.getArticle('a1')).toEqual(storedPart(a));
    await s.close();
    const again = await open(dir);
    expect('body' in again.getArticle('a1')!).toBe(false);
    expect(again.readBody('a1')).toBe('First body, "quoted".');
    await again.close();
    expect(() => again.readBody('a1')).toThrow(/closed/);
  });

  it('holds no key figures in memory, before and after a restart, and reads them from the shard', async () => {
    const dir = tmp();
    const s = await open(dir);
    const keyFigures = [{ value: '1.000', context: 'pelatihan 1.000 tenaga kerja "baru"' }];
    await s.addArticle(article({ id: 'a1', keyFigures, addedAt: '2026-11-01T01:00:00.000Z' }));
    expect('keyFigures' in s.getArticle('a1')!).toBe(false);
    expect(s.readKeyFigures('a1')).toEqual(keyFigures);
    await s.close();
    const again = await open(dir);
    expect('keyFigures' in again.getArticle('a1')!).toBe(false);
    expect(again.readKeyFigures('a1')).toEqual(keyFigures);
    await again.close();
    expect(() => again.readKeyFigures('a1')).toThrow(/closed/);
  });

  it('opens a hand-edited (pretty-printed) shard, serves its bodies, and writes it back in its own layout on the next add', async () => {
    const dir = tmp();
    const first = await open(dir);
    const a = article({ id: 'a1', body: 'Body one.', keyFigures: [{ value: '7', context: 'seven' }], addedAt: '2026-11-01T01:00:00.000Z' });
    await first.addArticle(a);
    await first.close();
    const file = shardFile(dir, 'a1');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2));
    rmSync(path.join(dir, 'manifest.json')); // the documented way to accept a hand edit
    const s = await open(dir);
    expect(s.readBody('a1')).toBe('Body one.');
    expect(s.readKeyFigures('a1')).toEqual(a.keyFigures);
    expect('body' in s.getArticle('a1')!).toBe(false);
    expect('keyFigures' in s.getArticle('a1')!).toBe(false);
    // Another article for the same shard: the shard is written whole, bodies kept.
    let n = 0;
    while (shardOf(`x${n}`, 128) !== shardOf('a1', 128)) n++;
    const b = article({ id: `x${n}`, fingerprint: `fp-x${n}`, body: 'Body two.', addedAt: '2026-11-01T02:00:00.000Z' });
    await s.addArticle(b);
    expect([s.readBody('a1'), s.readBody(b.id)]).toEqual(['Body one.', 'Body two.']);
    await s.close(); // the journal is folded into the shard by now
    expect(readFileSync(file, 'utf8')).not.toContain('\n  ');
    const again = await open(dir);
    expect([again.readBody('a1'), again.readBody(b.id)]).toEqual(['Body one.', 'Body two.']);
    expect([again.readKeyFigures('a1'), again.readKeyFigures(b.id)]).toEqual([a.keyFigures, []]);
  });

  it('refuses a shard whose body is cut short, naming it, and leaves it untouched', async () => {
    const dir = tmp();
    const s = await open(dir);
    await s.addArticle(article({ id: 'a1', body: 'A body that will be cut.', addedAt: '2026-11-01T01:00:00.000Z' }));
    await s.close();
    const file = shardFile(dir, 'a1');
    const text = readFileSync(file, 'utf8');
    const cut = text.slice(0, text.indexOf('will be cut'));
    writeFileSync(file, cut);
    const err = await Store.open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).userMessage).toContain(path.basename(file));
    expect(readFileSync(file, 'utf8')).toBe(cut);
  });

  it('serves the kept bodies after a removal rewrites the shard, and not the removed one', async () => {
    const dir = tmp();
    const s = await open(dir);
    let n = 0;
    const same: string[] = [];
    while (same.length < 3) if (shardOf(`r${++n}`, 128) === 5) same.push(`r${n}`);
    for (const id of same) await s.addArticle(article({ id, fingerprint: `fp-${id}`, body: `Body of ${id}.`, addedAt: '2026-11-01T01:00:00.000Z' }));
    await s.removeArticle(same[1]!);
    expect(same.map((id) => s.readBody(id))).toEqual([`Body of ${same[0]}.`, undefined, `Body of ${same[2]}.`]);
    expect(readFileSync(shardFile(dir, same[0]!), 'utf8')).not.toContain(`Body of ${same[1]}.`);
  });
});

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
    for (const a of written) expect(again.getArticle(a.id)).toEqual(storedPart(a));
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
