// The records blob kept beside the derived-data snapshot (decision 031), on a real
// PostgreSQL: an instance writes it with the snapshot; the next starts take their
// records from it and fetch only rows it does not hold as they are now. A start
// through it holds exactly what a start that fetches every record holds, also
// after another instance added, removed, re-added or edited articles since (no
// stale or missing article); a damaged blob is ignored (logged), dropped, every
// record is fetched, and a whole one is written at close.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { storedPart, type ArticleRecord } from '../../../src/model/article.js';
import { articleStamp } from '../../../src/model/article-stamp.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { article } from '../../roundup/memory-roundup-store.js';
import type { Reply } from '../../../src/model/reply.js';
import { copyOfDatabase, freshDatabaseUrl, sqlOn } from '../../support/postgres-database.js';
import { RECORDS_BLOB_DAMAGE } from '../../support/records-blob-damage.js';
import { withLogger } from '../../support/logged-engine.js';
import { addNumbered, answers, builtFrom, lastEvent, openLoggedEngine, type LoggedEngine } from '../../support/logged-engine.js';
import { adminCtx, tempConfig } from '../../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
let original: string;
let articleCount: number;

const open = (url: string): Promise<LoggedEngine> => openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true', RINGKAS_DATABASE_URL: url }).config, clock);
const loaded = (o: LoggedEngine) => lastEvent(o, 'postgres_articles_loaded') as { articles: number; fromBlob: number; fetched?: number };

/** Every record memory holds, as JSON in store order (key order included), with its stamp. */
const held = (o: LoggedEngine) => o.engine.probe().articles().map((a) => [JSON.stringify(a), articleStamp(a)]);

/** A copy with no records blob: a start from it fetches every record. */
async function withoutBlob(url: string): Promise<string> {
  const copy = await copyOfDatabase(url);
  await sqlOn(copy, 'DELETE FROM derived_snapshot_records; UPDATE derived_snapshots SET records_articles = NULL, records_bytes = NULL, records_sha256 = NULL');
  return copy;
}

/** What a start that fetches every record holds and answers. */
async function fromRows(url: string): Promise<{ records: unknown[]; replies: Reply[] }> {
  const o = await open(await withoutBlob(url));
  expect(loaded(o)).toMatchObject({ fromBlob: 0 });
  const records = held(o);
  const replies = await answers(o.engine);
  await o.engine.close();
  return { records, replies };
}

beforeAll(async () => {
  original = await freshDatabaseUrl();
  const o = await open(original);
  for (let i = 0; i < 12; i++) await addNumbered(o.engine, i);
  articleCount = o.engine.probe().articleCount();
  await o.engine.close();
  expect(lastEvent(o, 'derived_snapshot_written')).toMatchObject({ file: 'database', articles: articleCount });
}, 60_000);

describe('the records blob kept beside the derived-data snapshot', () => {
  it('is written with the snapshot, and a start takes every record from it, holding and answering exactly as a start that fetches them', async () => {
    const [blob] = await sqlOn<{ records_articles: number; parts: string }>(
      original,
      'SELECT records_articles, (SELECT count(*) FROM derived_snapshot_records r WHERE r.snapshot = s.id) AS parts FROM derived_snapshots s',
    );
    expect(blob).toEqual({ records_articles: articleCount, parts: '1' });
    const url = await copyOfDatabase(original);
    const expected = await fromRows(url);
    const o = await open(url);
    expect(loaded(o)).toMatchObject({ articles: articleCount, fromBlob: articleCount, fetched: 0 });
    expect(builtFrom(o)).toMatchObject({ fromSnapshot: articleCount, fromText: 0 });
    expect(held(o)).toEqual(expected.records);
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(expected.replies);
  }, 90_000);

  it('articles another instance added, removed, removed and added again, or that were edited in place since the blob are fetched; none is served from the blob', async () => {
    const url = await copyOfDatabase(original);
    const other = await open(url);
    await addNumbered(other.engine, 500);
    await addNumbered(other.engine, 501);
    const [removed, readded] = other.engine.probe().articles().slice(2, 4);
    await other.engine.execute({ name: 'remove', id: removed!.id }, adminCtx);
    await other.engine.close();
    // Another instance wrote a snapshot a moment ago: this one wrote none, so the blob is older than these changes.
    expect(lastEvent(other, 'derived_snapshot_written')).toBeUndefined();
    // Removed and added again under the same id (ids come from the fingerprint) with another record; and one edited by hand.
    await sqlOn(url, `WITH gone AS (DELETE FROM articles WHERE id = $1 RETURNING id, fingerprint, canonical_url, added_at, record, body)
      INSERT INTO articles (id, fingerprint, canonical_url, added_at, record, body)
      SELECT id, fingerprint, canonical_url, added_at, (jsonb_build_object('title', 'Dimuat ulang') || (record::jsonb - 'title'))::json, body FROM gone`, [readded!.id]);
    const edited = other.engine.probe().articles()[5]!.id;
    await sqlOn(url, "UPDATE articles SET record = jsonb_set(record::jsonb, '{title}', '\"Judul disunting\"')::json WHERE id = $1", [edited]);
    const expected = await fromRows(url);
    const o = await open(url);
    // 12 in the blob, 1 removed since, 2 added, 1 re-added and 1 edited: fetched.
    expect(loaded(o)).toMatchObject({ articles: articleCount + 1, fromBlob: articleCount - 3, fetched: 4 });
    expect(o.engine.probe().articles().some((a) => a.id === removed!.id)).toBe(false);
    expect(o.engine.probe().articles().find((a) => a.id === readded!.id)?.title).toBe('Dimuat ulang');
    expect(o.engine.probe().articles().find((a) => a.id === edited)?.title).toBe('Judul disunting');
    expect(held(o)).toEqual(expected.records);
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(expected.replies);
  }, 120_000);


  it.each(RECORDS_BLOB_DAMAGE)('a blob with %s is ignored and logged, every record is fetched, and a whole one is written at close', async (_, change, reason) => {
    const url = await copyOfDatabase(original);
    const expected = await fromRows(url);
    await sqlOn(url, change);
    const o = await open(url);
    expect(lastEvent(o, 'records_blob_unreadable')).toMatchObject({ reason });
    expect(loaded(o)).toMatchObject({ articles: articleCount, fromBlob: 0 });
    expect(held(o)).toEqual(expected.records);
    const replies = await answers(o.engine);
    await o.engine.close();
    expect(replies).toEqual(expected.replies);
    // Dropped (its snapshot's derived data stays), so a snapshot with a whole blob was written at close.
    expect(lastEvent(o, 'derived_snapshot_written')).toMatchObject({ file: 'database' });
    const again = await open(url);
    expect(loaded(again)).toMatchObject({ fromBlob: articleCount + 1, fetched: 0 });
    await again.engine.close();
  }, 90_000);

  it('a late commit (an add or a removal whose transaction began before the blob was written and committed after) is taken from its row, not missed or kept', async () => {
    const url = await freshDatabaseUrl();
    const records = Array.from({ length: 6 }, (_, i) => article({ id: `r${i}`, addedAt: `2026-11-0${i + 1}T00:00:00.000Z`, keyFigures: [{ value: String(i), context: 'units' }] }));
    const writer = await PostgresStore.open(url);
    for (const r of records) await writer.addArticle(r);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const late = article({ id: 'late', addedAt: '2026-11-03T12:00:00.000Z', keyFigures: [{ value: '9', context: 'late units' }] });
    const { body, ...record } = late;
    try {
      // Open transactions: one adds an article, one removes r2; neither is committed when the blob is written.
      await client.query('BEGIN');
      await client.query('INSERT INTO articles (id, fingerprint, canonical_url, added_at, record, body) VALUES ($1, $2, $3, $4, $5, $6)', [late.id, late.fingerprint, late.canonicalUrl, late.addedAt, record, body]);
      await client.query("DELETE FROM articles WHERE id = 'r2'");
      async function* parts(): AsyncIterable<Buffer> {
        yield Buffer.from('derived data');
      }
      await writer.sharedDerived.writeSnapshot(1, 'inputs', records.length, parts());
      await client.query('COMMIT');
    } finally {
      await client.end();
      await writer.close();
    }
    const { logger, events } = withLogger();
    const store = await PostgresStore.open(url, { logger });
    try {
      expect(events.find((e) => e.event === 'postgres_articles_loaded')).toMatchObject({ articles: 6, fromBlob: 5, fetched: 1 });
      const expected: ArticleRecord[] = [...records.slice(0, 2), late, ...records.slice(3)];
      expect([...store.listArticles()]).toEqual(expected.map(storedPart));
      expect(expected.map((a) => store.readKeyFigures(a.id))).toEqual(expected.map((a) => a.keyFigures));
      expect(expected.map((a) => store.readBody(a.id))).toEqual(expected.map((a) => a.body));
      expect(store.getArticle('r2')).toBeUndefined();
    } finally {
      await store.close();
    }
  }, 60_000);
});
