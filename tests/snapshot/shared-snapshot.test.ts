// The whole-store derived-data snapshot kept in PostgreSQL (decision 029): written
// by an instance at close (or when idle after changes), read by every instance that
// starts, brought up to date with the rows of articles added since. A start from it
// answers exactly as a start from the text, also after another instance added and
// removed articles; a damaged one, or one of other briefs, is ignored (logged) and
// the start reads the rows; writers on several instances never leave a snapshot
// without all its parts.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Reply } from '../../src/model/reply.js';
import { SNAPSHOT_FILE_VERSION } from '../../src/snapshot/snapshot-file.js';
import { PostgresDerivedRows } from '../../src/store/postgres/postgres-derived-rows.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { copyOfDatabase, freshDatabaseUrl, sqlOn } from '../support/postgres-database.js';
import { addNumbered, answers, builtFrom, lastEvent, nearDuplicateAnswers, openLoggedEngine, type LoggedEngine } from '../support/logged-engine.js';
import { adminCtx, tempConfig } from '../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
let original: string;
let articleCount: number;
const pools: pg.Pool[] = [];

const open = (url: string): Promise<LoggedEngine> => openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true', RINGKAS_DATABASE_URL: url }).config, clock);
const event = lastEvent;
const built = builtFrom;
const copyOf = copyOfDatabase;
const sql = sqlOn;


function poolOf(url: string, max = 1): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pools.push(pool);
  return pool;
}


const snapshots = (url: string) => sql<{ id: string; articles: number }>(url, 'SELECT id, articles FROM derived_snapshots ORDER BY id');

/** A copy of `url` with no derived data at all: a start from it reads every article from its text. */
async function bareCopy(url: string): Promise<string> {
  const bare = await copyOf(url);
  await sql(bare, 'DELETE FROM article_derived; DELETE FROM derived_snapshots');
  return bare;
}

/** Answers of an engine on a bare copy (bareCopy), every article read from its text. */
async function answersFromText(bare: string, count: number): Promise<Reply[]> {
  const o = await open(bare);
  expect(built(o)).toMatchObject({ fromSnapshot: 0, fromText: count });
  const replies = await answers(o.engine);
  await o.engine.close();
  return replies;
}

beforeAll(async () => {
  original = await freshDatabaseUrl();
  const o = await open(original);
  for (let i = 0; i < 16; i++) await addNumbered(o.engine, i);
  articleCount = o.engine.probe().articleCount();
  await o.engine.close();
  expect(event(o, 'derived_snapshot_written')).toMatchObject({ file: 'database', articles: articleCount });
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

describe('the derived-data snapshot kept in PostgreSQL', () => {
  it('an instance starts from the snapshot plus the rows of articles another instance added and removed since, and answers exactly as a start from the text', async () => {
    const url = await copyOf(original);
    const [written] = await snapshots(url);
    expect(written).toMatchObject({ articles: articleCount });
    const other = await open(url);
    expect(event(other, 'derived_snapshot_read')).toMatchObject({ snapshot: Number(written!.id), articles: articleCount });
    expect(built(other)).toMatchObject({ fromSnapshot: articleCount, fromText: 0 });
    await addNumbered(other.engine, 500);
    await addNumbered(other.engine, 501);
    const removed = other.engine.probe().articles()[3]!.id;
    await other.engine.execute({ name: 'remove', id: removed }, adminCtx);
    await other.engine.close();
    // Another instance wrote one a moment ago: this one did not write its own.
    expect(await snapshots(url)).toEqual([written]);
    const count = articleCount + 1;
    const bare = await bareCopy(url);

    const o = await open(url);
    expect(event(o, 'derived_snapshot_read')).toMatchObject({ snapshot: Number(written!.id) });
    expect(event(o, 'derived_rows_read')).toMatchObject({ rows: 2, asked: 2 });
    expect(built(o)).toMatchObject({ fromSnapshot: count, fromText: 0, snapshotRows: articleCount + 2 });
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(await answersFromText(bare, count));
  }, 90_000);

  it('keeps the near-duplicate filing: a restart files the snapshot rows from it and the rows appended since from their text, answering near-duplicates as a start from the text', async () => {
    const url = await copyOf(original);
    const o = await open(url);
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount, fromText: 0, filingFromSnapshot: true });
    // Another instance's adds since: rows appended to the stored snapshot, filed from their text.
    await addNumbered(o.engine, 600);
    await addNumbered(o.engine, 601);
    await o.engine.close();
    const bare = await bareCopy(url);
    const again = await open(url);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount + 2, fromText: 0, snapshotRows: articleCount + 2, filingFromSnapshot: true });
    const replies = await nearDuplicateAnswers(again);
    await again.engine.close();
    const fromText = await open(bare);
    expect(built(fromText)).toMatchObject({ fromSnapshot: 0, filingFromSnapshot: false });
    expect(replies).toEqual(await nearDuplicateAnswers(fromText));
    await fromText.engine.close();
    expect(replies.filter((r) => r.kind === 'added' && r.duplicate)).toHaveLength(4);
  }, 90_000);

  const damage: [string, string, string][] = [
    ['a changed byte', "UPDATE derived_snapshot_parts SET data = overlay(data PLACING '\\x00ff'::bytea FROM 100 FOR 2) WHERE part = 0", 'checksum differs'],
    ['its first part missing', 'DELETE FROM derived_snapshot_parts WHERE part = 0', 'a part is missing'],
    ['its last part cut short', 'UPDATE derived_snapshot_parts p SET data = substring(data FROM 1 FOR length(data) - 1) WHERE part = (SELECT max(part) FROM derived_snapshot_parts)', 'shorter than written'],
    [
      'bytes that are not a snapshot (length and checksum matching)',
      "UPDATE derived_snapshot_parts SET data = '\\x0102030405'::bytea; UPDATE derived_snapshots s SET bytes = (SELECT sum(length(data)) FROM derived_snapshot_parts WHERE snapshot = s.id), sha256 = (SELECT sha256(string_agg(data, ''::bytea ORDER BY part)) FROM derived_snapshot_parts WHERE snapshot = s.id)",
      'not a derived-data snapshot',
    ],
  ];

  it.each(damage)('a snapshot with %s is ignored and logged, and the start reads the rows', async (_, change, reason) => {
    const url = await copyOf(original);
    await sql(url, change);
    const o = await open(url);
    expect(event(o, 'derived_snapshot_unreadable')).toMatchObject({ reason });
    expect(event(o, 'derived_snapshot_read')).toBeUndefined();
    expect(event(o, 'derived_rows_read')).toMatchObject({ rows: articleCount, asked: 'all' });
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount, fromText: 0 });
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(await answersFromText(await bareCopy(original), articleCount));
    // Dropped, and a whole one written in its place at close (no recent one left to defer to).
    expect(event(o, 'derived_snapshot_written')).toMatchObject({ file: 'database' });
    const [fresh] = await snapshots(url);
    const again = await open(url);
    expect(event(again, 'derived_snapshot_read')).toMatchObject({ snapshot: Number(fresh!.id) });
    await again.engine.close();
  }, 90_000);

  it('a snapshot of other briefs is not used, and one whose rows disagree with their articles costs only those articles', async () => {
    const url = await copyOf(original);
    await sql(url, "UPDATE derived_snapshots SET inputs = 'other briefs'");
    const o = await open(url);
    expect(event(o, 'derived_snapshot_read')).toBeUndefined();
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount, fromText: 0 });
    await o.engine.close();

    // The stored snapshot is right, but two articles changed since (as if edited): their rows are no longer theirs.
    const stale = await copyOf(original);
    await sql(stale, "UPDATE articles SET record = jsonb_set(record::jsonb, '{title}', to_jsonb('Judul baru ' || id))::json WHERE id IN (SELECT id FROM articles ORDER BY id LIMIT 2)");
    await sql(stale, 'DELETE FROM article_derived WHERE id IN (SELECT id FROM articles ORDER BY id LIMIT 2)');
    const bare = await bareCopy(stale);
    const s = await open(stale);
    expect(event(s, 'derived_snapshot_read')).toBeDefined();
    expect(built(s)).toMatchObject({ fromSnapshot: articleCount - 2, fromText: 2 });
    const replies = await answers(s.engine);
    await s.engine.close();
    expect(replies).toEqual(await answersFromText(bare, articleCount));
  }, 90_000);

  it('instances writing at once each store a whole snapshot, a reader always gets a whole one, and a later write drops the older ones', async () => {
    const url = await freshDatabaseUrl();
    await migrate(poolOf(url));
    const contents = Array.from({ length: 4 }, () => randomBytes(300_000 + Math.floor(Math.random() * 1000)));
    async function* parts(bytes: Buffer): AsyncIterable<Buffer> {
      for (let at = 0; at < bytes.length; at += 16_384) {
        yield bytes.subarray(at, at + 16_384);
        await new Promise((r) => setImmediate(r));
      }
    }
    const writers = contents.map(() => new PostgresDerivedRows(poolOf(url, 2)));
    const reader = new PostgresDerivedRows(poolOf(url, 2));
    const reads: Promise<unknown>[] = [];
    const writes = writers.map((w, i) => w.writeSnapshot(SNAPSHOT_FILE_VERSION, 'inputs', i, parts(contents[i]!)));
    for (let r = 0; r < 8; r++) reads.push(reader.readSnapshot(SNAPSHOT_FILE_VERSION, 'inputs'));
    const ids = await Promise.all(writes);
    for (const got of (await Promise.all(reads)) as Awaited<ReturnType<PostgresDerivedRows['readSnapshot']>>[]) {
      expect(got.kind).not.toBe('damaged');
      if (got.kind === 'ok') expect(contents.some((c) => c.equals(got.snapshot.bytes))).toBe(true);
    }
    const after = await reader.readSnapshot(SNAPSHOT_FILE_VERSION, 'inputs');
    expect(after.kind).toBe('ok');
    if (after.kind === 'ok') expect(after.snapshot.bytes.equals(contents[after.snapshot.articles]!)).toBe(true);
    expect(new Set(ids).size).toBe(4);
    const last = await reader.writeSnapshot(SNAPSHOT_FILE_VERSION, 'inputs', 9, parts(contents[0]!));
    expect(await snapshots(url)).toEqual([{ id: String(last), articles: 9 }]);
    expect(await sql(url, 'SELECT DISTINCT snapshot FROM derived_snapshot_parts')).toEqual([{ snapshot: String(last) }]);
    expect(await reader.readSnapshot(SNAPSHOT_FILE_VERSION + 1, 'inputs')).toEqual({ kind: 'none' });
  }, 60_000);
});
