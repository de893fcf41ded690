// The derived-data snapshot of a PostgreSQL store: rows kept beside the articles
// (article_derived), written by the instance that reads an article's text, used by
// every instance that starts. A start from them answers exactly as a start from the
// text; a row that does not match its article, this version or these briefs, or that
// does not decode, is read from the text and rewritten; a newer version's row is
// left alone; rows that disagree with what this code derives are all ignored.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Reply } from '../../src/model/reply.js';
import { SNAPSHOT_VERSION } from '../../src/snapshot/snapshot-file.js';
import { makeArticleText } from '../support/article-text.js';
import { copyOfDatabase, freshDatabaseUrl, sqlOn } from '../support/postgres-database.js';
import { addNumbered, answers, builtFrom, lastEvent, openLoggedEngine, type LoggedEngine } from '../support/logged-engine.js';
import { adminCtx, tempConfig } from '../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
const WITHIN = { timeout: 5_000, interval: 20 };
let original: string;
let articleCount: number;

const open = (url: string): Promise<LoggedEngine> => openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true', RINGKAS_DATABASE_URL: url }).config, clock);

const event = lastEvent;
const built = builtFrom;
const copyOf = copyOfDatabase;
const sql = sqlOn;
const add = addNumbered;




/** Answers of an engine on a copy of the original with no derived rows at all. */
async function answersFromText(): Promise<Reply[]> {
  const bare = await copyOf(original);
  await sql(bare, 'DELETE FROM article_derived; DELETE FROM derived_snapshots');
  const o = await open(bare);
  expect(built(o)).toMatchObject({ fromSnapshot: 0, fromText: articleCount });
  const replies = await answers(o.engine);
  await o.engine.close();
  return replies;
}

const rowCount = async (url: string, where = 'true') =>
  (await sql<{ n: number }>(url, `SELECT count(*)::int AS n FROM article_derived WHERE version = $1 AND ${where}`, [SNAPSHOT_VERSION]))[0]!.n;

beforeAll(async () => {
  original = await freshDatabaseUrl();
  const o = await open(original);
  for (let i = 0; i < 16; i++) await add(o.engine, i);
  articleCount = o.engine.probe().articleCount();
  await o.engine.close();
  expect(await rowCount(original)).toBe(articleCount);
  // The whole-store snapshot written at close is another test's (shared-snapshot.test.ts): these start from the rows.
  await sql(original, 'DELETE FROM derived_snapshots');
}, 60_000);

describe('derived rows shared through PostgreSQL', () => {
  it('a second instance starts from the rows the first wrote and answers exactly as a start from the text', async () => {
    const url = await copyOf(original);
    const o = await open(url);
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount, fromText: 0 });
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(await answersFromText());
  }, 60_000);

  it('the instance that adds an article writes its row right after the add, and removing the article removes the row', async () => {
    const url = await copyOf(original);
    const a = await open(url);
    await add(a.engine, 700);
    await vi.waitFor(async () => expect(await rowCount(url)).toBe(articleCount + 1), WITHIN);
    const b = await open(url);
    expect(built(b)).toMatchObject({ fromSnapshot: articleCount + 1, fromText: 0 });
    const [id] = (await sql<{ id: string }>(url, 'SELECT id FROM article_derived ORDER BY id LIMIT 1')).map((r) => r.id);
    await b.engine.execute({ name: 'remove', id: id! }, adminCtx);
    expect(await rowCount(url)).toBe(articleCount);
    await b.engine.close();
    await a.engine.close();
  }, 60_000);

  it("an article another instance added is that instance's to write: this one writes no row for it, even at close", async () => {
    const url = await copyOf(original);
    const a = await open(url);
    const b = await open(url);
    await add(a.engine, 701);
    await vi.waitFor(() => expect(b.engine.probe().articleCount()).toBe(articleCount + 1), WITHIN);
    await b.engine.close();
    await a.engine.close();
    expect(b.events.filter((e) => e.event === 'derived_rows_written' && Number(e.rows) > 0)).toEqual([]);
    expect(await rowCount(url)).toBe(articleCount + 1);
  }, 60_000);

  it('a row read from another version of the article, of another version or other briefs, is read from the text and rewritten', async () => {
    const url = await copyOf(original);
    const ids = (await sql<{ id: string }>(url, 'SELECT id FROM article_derived ORDER BY id LIMIT 3')).map((r) => r.id);
    await sql(url, 'UPDATE article_derived SET stamp = stamp + 1 WHERE id = $1', [ids[0]]);
    await sql(url, 'UPDATE article_derived SET version = version - 1 WHERE id = $1', [ids[1]]);
    await sql(url, "UPDATE article_derived SET inputs = 'other briefs' WHERE id = $1", [ids[2]]);
    const o = await open(url);
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount - 3, fromText: 3 });
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(await answersFromText());
    const again = await open(url);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount + 1, fromText: 0 });
    await again.engine.close();
  }, 60_000);

  it("a newer version's row is not trusted and not overwritten", async () => {
    const url = await copyOf(original);
    const [id] = (await sql<{ id: string }>(url, 'SELECT id FROM article_derived ORDER BY id LIMIT 1')).map((r) => r.id);
    await sql(url, 'UPDATE article_derived SET version = $2 WHERE id = $1', [id, SNAPSHOT_VERSION + 1]);
    const o = await open(url);
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount - 1, fromText: 1 });
    await o.engine.close();
    expect(await sql(url, 'SELECT version FROM article_derived WHERE id = $1', [id])).toEqual([{ version: SNAPSHOT_VERSION + 1 }]);
  }, 60_000);

  it('a row whose bytes do not decode is ignored, logged and rewritten', async () => {
    const url = await copyOf(original);
    const [{ id, bytes }] = (await sql<{ id: string; bytes: number }>(url, 'SELECT id, length(data) AS bytes FROM article_derived ORDER BY id LIMIT 1')) as [{ id: string; bytes: number }];
    await sql(url, 'UPDATE article_derived SET data = substring(data FROM 1 FOR length(data) - 3) WHERE id = $1', [id]);
    const o = await open(url);
    expect(event(o, 'derived_rows_unreadable')).toMatchObject({ rows: 1 });
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount - 1, fromText: 1 });
    // Written in the background once the story build has read its signals.
    await vi.waitFor(async () => expect(await sql(url, 'SELECT length(data) AS bytes FROM article_derived WHERE id = $1', [id])).toEqual([{ bytes }]), WITHIN);
    await o.engine.close();
    const again = await open(url);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount, fromText: 0 });
    await again.engine.close();
  }, 60_000);

  it('rows that no longer match what this code derives make every row be read from the text and rewritten', async () => {
    const url = await copyOf(original);
    // As if the head length were counted otherwise now, without a version bump (bytes 12-15: head length).
    await sql(url, "UPDATE article_derived SET data = overlay(data PLACING '\\x63000000'::bytea FROM 13 FOR 4)");
    const o = await open(url);
    expect(event(o, 'derived_snapshot_outdated')).toBeDefined();
    expect(built(o)).toMatchObject({ fromSnapshot: 0, fromText: articleCount });
    await vi.waitFor(async () => expect(await rowCount(url, "substring(data FROM 13 FOR 4) <> '\\x63000000'::bytea")).toBe(articleCount), WITHIN);
    await o.engine.close();
    const again = await open(url);
    expect(built(again)).toMatchObject({ fromSnapshot: articleCount, fromText: 0 });
    await again.engine.close();
  }, 60_000);

  it('a database at the schema before bodies had a column of their own upgrades, keeps its rows, and answers exactly as before', async () => {
    const url = await copyOf(original);
    // Back to migration 021's form (bodies inside the jsonb record): the inverse of 022.
    await sql(url, "ALTER TABLE articles ALTER COLUMN record TYPE jsonb USING record::jsonb || jsonb_build_object('body', body); ALTER TABLE articles DROP COLUMN body; DROP TABLE derived_snapshot_records, derived_snapshot_parts, derived_snapshots; DROP TRIGGER articles_new_revision ON articles; DROP FUNCTION article_new_revision; ALTER TABLE articles DROP COLUMN revision; DROP SEQUENCE article_revisions; DELETE FROM schema_version WHERE version >= 22");
    const o = await open(url);
    expect(built(o)).toMatchObject({ fromSnapshot: articleCount, fromText: 0 });
    const replies = await answers(o.engine);
    // The near-duplicate check compares with a stored article's body, read back from the upgraded table.
    const nearly = await o.engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(3).replace(' unit 2.', ' units 2.') } }, adminCtx);
    await o.engine.close();
    expect(replies).toEqual(await answersFromText());
    expect(nearly).toMatchObject({ kind: 'added', duplicate: true });
    const columns = await sql(url, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'articles' AND column_name IN ('record', 'body') ORDER BY column_name");
    expect(columns).toEqual([
      { column_name: 'body', data_type: 'text' },
      { column_name: 'record', data_type: 'json' },
    ]);
    expect(await sql(url, "SELECT count(*)::int AS n FROM articles WHERE record::jsonb ? 'body' OR body = ''")).toEqual([{ n: 0 }]);
  }, 60_000);

  it('rows that cannot be read at all (the table gone) are logged, and the instance starts from the text', async () => {
    const url = await copyOf(original);
    await sql(url, 'ALTER TABLE article_derived RENAME TO article_derived_elsewhere');
    const o = await open(url);
    expect(event(o, 'derived_rows_read_failed')).toBeDefined();
    expect(built(o)).toMatchObject({ fromSnapshot: 0, fromText: articleCount });
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(await answersFromText());
  }, 60_000);
});
