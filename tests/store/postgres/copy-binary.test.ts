// Rows of a binary COPY: values of every size, small ones many to a chunk and
// long ones spread over many chunks, come back byte for byte, NULL as null.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBinaryRows } from '../../../src/store/postgres/copy-binary.js';
import { freshDatabaseUrl } from '../../support/postgres-database.js';

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

describe('binary COPY rows', () => {
  it('gives back values of every size exactly, in order', async () => {
    const pool = new pg.Pool({ connectionString: await freshDatabaseUrl(), max: 1 });
    pools.push(pool);
    const sizes = [3, 300_000, 0, 5, 1_500_000, 70_000, 140_000, 1, 2_000_000, 9];
    const client = await pool.connect();
    const got: [number, Buffer | null][] = [];
    try {
      const query = `SELECT i, CASE WHEN i = 4 THEN NULL ELSE convert_to(repeat(chr((65 + i % 26)::int) || 'é', s / 3), 'UTF8') END
        FROM unnest('{${sizes.join(',')}}'::int[]) WITH ORDINALITY AS t (s, i) ORDER BY i`;
      for await (const rows of copyBinaryRows(client, query)) for (const [i, data] of rows) got.push([Number(i!.readBigInt64BE(0)), data ? Buffer.from(data) : null]);
    } finally {
      client.release();
    }
    expect(got.map(([i]) => i)).toEqual(sizes.map((_, k) => k + 1));
    got.forEach(([i, data], k) => {
      if (i === 4) expect(data).toBeNull();
      else expect(data?.equals(Buffer.from((String.fromCharCode(65 + (i % 26)) + 'é').repeat(Math.floor(sizes[k]! / 3)), 'utf8'))).toBe(true);
    });
  });
});
