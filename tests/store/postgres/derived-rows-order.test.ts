// Shared derived rows asked for by id come back in the order asked (a start appends
// them after the stored snapshot's rows in the store's order, so the search index
// takes the postings as they lie, decision 037), only those of this
// version and inputs.
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { fixedClock } from '../../../src/clock.js';
import { SNAPSHOT_VERSION } from '../../../src/snapshot/snapshot-file.js';
import { PostgresDerivedRows } from '../../../src/store/postgres/postgres-derived-rows.js';
import { freshDatabaseUrl, sqlOn } from '../../support/postgres-database.js';
import { addNumbered, openLoggedEngine } from '../../support/logged-engine.js';
import { tempConfig } from '../../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
let url: string;
let ids: string[];
let inputs: string;

beforeAll(async () => {
  url = await freshDatabaseUrl();
  const o = await openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true', RINGKAS_DATABASE_URL: url }).config, clock);
  for (let i = 0; i < 6; i++) await addNumbered(o.engine, i);
  await o.engine.close();
  const rows = await sqlOn<{ id: string; inputs: string }>(url, 'SELECT id, inputs FROM article_derived WHERE version = $1 ORDER BY id', [SNAPSHOT_VERSION]);
  expect(rows.length).toBeGreaterThan(5);
  ids = rows.map((r) => r.id);
  inputs = rows[0]!.inputs;
}, 60_000);

async function read(asked?: string[], version = SNAPSHOT_VERSION, withInputs = inputs): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const out: string[] = [];
    for await (const batch of new PostgresDerivedRows(pool).read(version, withInputs, asked)) out.push(...batch.map((r) => r.id));
    return out;
  } finally {
    await pool.end();
  }
}

describe('shared derived rows read by id', () => {
  it('come in the order asked, those without a row left out', async () => {
    const asked = [ids[3]!, ids[0]!, 'no-such-id', ids[5]!, ids[1]!];
    expect(await read(asked)).toEqual([ids[3], ids[0], ids[5], ids[1]]);
    const reversed = [...ids].reverse();
    expect(await read(reversed)).toEqual(reversed);
  });

  it('only of this version and these inputs', async () => {
    expect(await read(ids, SNAPSHOT_VERSION + 1)).toEqual([]);
    expect(await read(ids, SNAPSHOT_VERSION, 'other inputs')).toEqual([]);
    expect((await read()).sort()).toEqual(ids);
  });
});
