// The derived-data snapshot (data/index.snapshot): a restart takes what it can
// from it, only articles that changed are read again, a damaged, newer or
// outdated snapshot is ignored and logged, and answers never depend on it.
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Reply } from '../../src/model/reply.js';
import { FILING_WORDS, readSnapshot, rowsForm, SNAPSHOT_FILE, SNAPSHOT_FILE_VERSION, writeSnapshot, type SnapshotData } from '../../src/snapshot/snapshot-file.js';
import { makeArticleText } from '../support/article-text.js';
import { addNumbered, answers, nearDuplicateAnswers, openLoggedEngine, type LoggedEngine } from '../support/logged-engine.js';
import { adminCtx, tempConfig } from '../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
const dirs: string[] = [];
let original: string;
let articleCount: number;

const open = (dir: string): Promise<LoggedEngine> => openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true' }, dir).config, clock);

const event = (o: LoggedEngine, name: string) => o.events.findLast((e) => e.event === name);
const built = (o: LoggedEngine) => event(o, 'derived_indexes_built') as { fromSnapshot: number; fromText: number };

function copyOf(dir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'ringkas-snapshot-'));
  cpSync(dir, copy, { recursive: true });
  dirs.push(copy);
  return copy;
}

const add = addNumbered;


/** A copy of `dir` without its snapshot. */
function bareCopy(dir: string): string {
  const bare = copyOf(dir);
  unlinkSync(path.join(bare, SNAPSHOT_FILE));
  return bare;
}

/** Answers of an engine on a store without a snapshot. */
async function answersWithoutSnapshot(bare: string): Promise<Reply[]> {
  const o = await open(bare);
  expect(built(o).fromSnapshot).toBe(0);
  const replies = await answers(o.engine);
  await o.engine.close();
  return replies;
}

beforeAll(async () => {
  original = mkdtempSync(path.join(tmpdir(), 'ringkas-snapshot-'));
  dirs.push(original);
  const o = await open(original);
  for (let i = 0; i < 16; i++) await add(o.engine, i);
  articleCount = o.engine.probe().articleCount();
  await o.engine.close();
  expect(event(o, 'derived_snapshot_written')).toMatchObject({ articles: articleCount });
}, 60_000);

/** The snapshot in `file`, which must be readable, with its search terms per row. */
async function snapshotIn(file: string): Promise<SnapshotData> {
  const read = await readSnapshot(file);
  if (read.kind !== 'ok') throw new Error(`snapshot not readable: ${read.kind}`);
  return rowsForm(read.snapshot);
}

/** The same snapshot with its rows in `order` (row k of the result is row order[k]). */
function reordered(s: SnapshotData, order: readonly number[]): SnapshotData {
  const runs = (start: Uint32Array, values: ArrayLike<number>[], make: ((n: number) => { set(a: ArrayLike<number>, at: number): void } & ArrayLike<number>)[]) => {
    const total = start[start.length - 1]!;
    const out = make.map((m) => m(total));
    const outStart = new Uint32Array(order.length + 1);
    let at = 0;
    order.forEach((i, k) => {
      outStart[k] = at;
      const from = start[i]!;
      const to = start[i + 1]!;
      values.forEach((v, j) => out[j]!.set(Array.from({ length: to - from }, (_, e) => v[from + e]!), at));
      at += to - from;
    });
    outStart[order.length] = at;
    return { start: outStart, out };
  };
  const terms = runs(s.termStart, [s.termIds, s.termCounts], [(n) => new Uint32Array(n), (n) => new Uint32Array(n)]);
  const signals = runs(s.signalStart, [s.signalIds, s.signalWeights], [(n) => new Uint32Array(n), (n) => new Float64Array(n)]);
  const pick = <T,>(a: ArrayLike<T>) => order.map((i) => a[i]!);
  return {
    ...s,
    ids: pick(s.ids),
    fingerprints: pick(s.fingerprints),
    stamps: Uint32Array.from(pick(s.stamps)),
    termStart: terms.start,
    termIds: terms.out[0] as Uint32Array,
    termCounts: terms.out[1] as Uint32Array,
    headLen: Uint32Array.from(pick(s.headLen)),
    bodyLen: Uint32Array.from(pick(s.bodyLen)),
    inScope: Uint8Array.from(pick(s.inScope)),
    signalStart: signals.start,
    signalIds: signals.out[0] as Uint32Array,
    signalWeights: signals.out[1] as Float64Array,
    dates: pick(s.dates),
    series: new Map([...s.series].map(([i, v]) => [order.indexOf(i), v])),
    ...(s.nearCount && s.nearSpares && s.nearWords
      ? {
          nearCount: Uint32Array.from(pick(s.nearCount)),
          nearSpares: Uint8Array.from(pick(s.nearSpares)),
          nearWords: Uint32Array.from(order.flatMap((i) => [...s.nearWords!.subarray(i * FILING_WORDS, (i + 1) * FILING_WORDS)])),
        }
      : {}),
  };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('derived-data snapshot', () => {
  it('a restart takes every article from it and answers exactly as a start without it', async () => {
    const dir = copyOf(original);
    const o = await open(dir);
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount, fromText: 0 });
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(await answersWithoutSnapshot(bareCopy(original)));
  }, 60_000);

  it('reads again only the articles that changed since it was written', async () => {
    const dir = copyOf(original);
    const before = readFileSync(path.join(dir, SNAPSHOT_FILE));
    const o = await open(dir);
    await add(o.engine, 500);
    const removed = o.engine.probe().articles()[3]!.id;
    await o.engine.execute({ name: 'remove', id: removed }, adminCtx);
    await o.engine.close();
    // The snapshot as it was before the add and the removal: one article new to it, one gone.
    writeFileSync(path.join(dir, SNAPSHOT_FILE), before);
    const bare = bareCopy(dir);
    const again = await open(dir);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount - 1, fromText: 1 });
    const replies = await answers(again.engine);
    await again.engine.close();
    expect(replies).toEqual(await answersWithoutSnapshot(bare));
  }, 60_000);

  it('rows of removed articles and rows in another order than the store\'s are skipped and followed, answering as a start without it', async () => {
    const dir = copyOf(original);
    const before = readFileSync(path.join(dir, SNAPSHOT_FILE));
    const o = await open(dir);
    // Removals only: every article left has its row, the snapshot also holds the removed ones'.
    const ids = o.engine.probe().articles().map((a) => a.id);
    for (const id of [ids[0]!, ids[5]!]) await o.engine.execute({ name: 'remove', id }, adminCtx);
    await o.engine.close();
    // Its rows in reverse order: the index follows the store's order, not the snapshot's.
    writeFileSync(path.join(dir, SNAPSHOT_FILE), before);
    const snapshot = await snapshotIn(path.join(dir, SNAPSHOT_FILE));
    const order = snapshot.ids.map((_, i) => snapshot.ids.length - 1 - i);
    await writeSnapshot(path.join(dir, SNAPSHOT_FILE), reordered(snapshot, order));
    const bare = bareCopy(dir);
    const again = await open(dir);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount - 2, fromText: 0, snapshotRows: articleCount });
    const replies = await answers(again.engine);
    await again.engine.close();
    expect(replies).toEqual(await answersWithoutSnapshot(bare));
    // The index put every term's postings back in the store's order: the snapshot it wrote at close (with the article answers added) is whole and used.
    expect(event(again, 'derived_snapshot_written')).toMatchObject({ articles: articleCount - 1 });
    const third = await open(dir);
    expect(event(third, 'derived_snapshot_unreadable')).toBeUndefined();
    expect(built(third)).toMatchObject({ fromSnapshot: articleCount - 1, fromText: 0, snapshotRows: articleCount - 1 });
    await third.engine.close();
  }, 60_000);

  it('rows already in the store\'s order are taken as they lie, answering as a start without it', async () => {
    const dir = copyOf(original);
    const o = await open(dir);
    const order = o.engine.probe().articles().map((a) => a.id);
    await o.engine.close();
    const file = path.join(dir, SNAPSHOT_FILE);
    const snapshot = await snapshotIn(file);
    await writeSnapshot(file, reordered(snapshot, order.map((id) => snapshot.ids.indexOf(id))));
    const bare = bareCopy(dir);
    const again = await open(dir);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount, fromText: 0, snapshotRows: articleCount });
    const replies = await answers(again.engine);
    await again.engine.close();
    expect(replies).toEqual(await answersWithoutSnapshot(bare));
  }, 60_000);

  it('a damaged snapshot is ignored, logged and written anew', async () => {
    const dir = copyOf(original);
    const file = path.join(dir, SNAPSHOT_FILE);
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    const o = await open(dir);
    expect(event(o, 'derived_snapshot_unreadable')).toMatchObject({ reason: 'cut short or damaged' });
    expect(built(o)).toMatchObject({ fromSnapshot: 0, fromText: articleCount });
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(await answersWithoutSnapshot(bareCopy(original)));
    const again = await open(dir);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount + 1, fromText: 0 });
    await again.engine.close();
  }, 60_000);

  it('a snapshot of a newer Ringkas is ignored and logged, not trusted', async () => {
    const dir = copyOf(original);
    const file = path.join(dir, SNAPSHOT_FILE);
    const bytes = readFileSync(file);
    bytes.writeUInt32BE(SNAPSHOT_FILE_VERSION + 1, 'RINGKAS-DERIVED\n'.length);
    writeFileSync(file, bytes);
    const o = await open(dir);
    expect(event(o, 'derived_snapshot_newer')).toMatchObject({ version: SNAPSHOT_FILE_VERSION + 1 });
    expect(built(o)).toMatchObject({ fromSnapshot: 0, fromText: articleCount });
    await o.engine.close();
  }, 60_000);

  it('a snapshot of an older Ringkas is ignored and written anew, and near-duplicates are still answered', async () => {
    const dir = copyOf(original);
    const file = path.join(dir, SNAPSHOT_FILE);
    const bytes = readFileSync(file);
    bytes.writeUInt32BE(SNAPSHOT_FILE_VERSION - 1, 'RINGKAS-DERIVED\n'.length);
    writeFileSync(file, bytes);
    const o = await open(dir);
    expect(event(o, 'derived_snapshot_unreadable')).toMatchObject({ reason: `older version ${SNAPSHOT_FILE_VERSION - 1}` });
    expect(built(o)).toMatchObject({ fromSnapshot: 0, fromText: articleCount });
    // Article 5 with one word changed: the check files the stored articles itself.
    const reply = await o.engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(5).replace(' unit 2.', ' units 2.') } }, adminCtx);
    expect(reply.kind === 'added' && reply.duplicate).toBe(true);
    // A new article waits for the story build: close then knows every article's signals and writes.
    await add(o.engine, 600);
    await o.engine.close();
    const again = await open(dir);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount + 1, fromText: 0 });
    await again.engine.close();
  }, 60_000);

  it('a restart takes the near-duplicate filing from it and answers near-duplicates as a start from the text', async () => {
    const dir = copyOf(original);
    const o = await open(dir);
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount, fromText: 0, filingFromSnapshot: true });
    const replies = await nearDuplicateAnswers(o);
    await o.engine.close();
    const bare = await open(bareCopy(original));
    expect(built(bare)).toMatchObject({ fromSnapshot: 0, filingFromSnapshot: false });
    expect(replies).toEqual(await nearDuplicateAnswers(bare));
    await bare.engine.close();
    expect(replies.filter((r) => r.kind === 'added' && r.duplicate)).toHaveLength(4);
  }, 60_000);

  it('a filing that disagrees with the text makes it ignore the whole snapshot', async () => {
    const dir = copyOf(original);
    const file = path.join(dir, SNAPSHOT_FILE);
    const data = await snapshotIn(file);
    // As if shingling had changed without a version bump: every signature one bit off.
    for (let i = 0; i < data.nearCount!.length; i++) data.nearWords![i * FILING_WORDS]! ^= 1;
    await writeSnapshot(file, data);
    const o = await open(dir);
    expect(event(o, 'derived_snapshot_outdated')).toBeDefined();
    expect(built(o)).toMatchObject({ fromSnapshot: 0, fromText: articleCount, filingFromSnapshot: false });
    await o.engine.close();
  }, 60_000);

  it('after a removal it is written without the filing, and the next start files from the text, answering as a start without it', async () => {
    const dir = copyOf(original);
    const o = await open(dir);
    await o.engine.execute({ name: 'remove', id: o.engine.probe().articles()[4]!.id }, adminCtx);
    await add(o.engine, 700);
    await o.engine.close();
    expect((await snapshotIn(path.join(dir, SNAPSHOT_FILE))).nearCount).toHaveLength(0);
    const bare = bareCopy(dir);
    const again = await open(dir);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount, fromText: 0, filingFromSnapshot: false });
    const replies = await nearDuplicateAnswers(again);
    await again.engine.close();
    // Filed from the text at that start: the snapshot written at its close has the filing again.
    expect((await snapshotIn(path.join(dir, SNAPSHOT_FILE))).nearCount).toHaveLength(articleCount + 2);
    const without = await open(bare);
    expect(replies).toEqual(await nearDuplicateAnswers(without));
    await without.engine.close();
  }, 60_000);

  it('rows that no longer match what this code derives make it ignore the whole snapshot', async () => {
    const dir = copyOf(original);
    const file = path.join(dir, SNAPSHOT_FILE);
    const data = await snapshotIn(file);
    // As if counting had changed without a version bump: every article's identity still matches.
    for (let e = 0; e < data.termCounts.length; e++) data.termCounts[e]! += 1;
    await writeSnapshot(file, data);
    const o = await open(dir);
    expect(event(o, 'derived_snapshot_outdated')).toBeDefined();
    expect(built(o)).toMatchObject({ fromSnapshot: 0, fromText: articleCount });
    await o.engine.close();
  }, 60_000);
});
