// One contract for both coordination implementations: in-process (one instance) and
// PostgreSQL (many instances on one database, a real embedded server). Every case
// runs against both; the PostgreSQL cases race separate connections for real.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Claims, DedupLedger } from '../../src/coordination/claims.js';
import { MemoryClaims, MemoryLedger } from '../../src/coordination/memory-coordination.js';
import { PostgresClaims, PostgresLedger } from '../../src/coordination/postgres-coordination.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { freshDatabaseUrl } from '../support/postgres-database.js';

type FakeClock = ReturnType<typeof fixedClock>;
/** Instances: each gets its own claims/ledger object (own connections in PostgreSQL) over shared state. */
type Backend = { instances(n: number, clock: FakeClock): { claims: Claims; ledger: DedupLedger }[] };

const LEASE = 60_000;
let seq = 0;
const fresh = (name: string) => `${name}-${++seq}`;

let pool: pg.Pool | null = null;
const pools: pg.Pool[] = [];

const backends: Record<string, Backend> = {
  'in-process': {
    instances(n, clock) {
      // One process: every "instance" is the same memory.
      const claims = new MemoryClaims(clock);
      const ledger = new MemoryLedger(clock);
      return Array.from({ length: n }, () => ({ claims, ledger }));
    },
  },
  postgresql: {
    instances(n, clock) {
      return Array.from({ length: n }, (_, i) => {
        const p = pools[i % pools.length]!;
        return { claims: new PostgresClaims(p, clock), ledger: new PostgresLedger(p, clock) };
      });
    },
  },
};

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  pool = new pg.Pool({ connectionString: url, max: 2 });
  await migrate(pool);
  // Four "instances", each with its own pool, as separate processes would have.
  for (let i = 0; i < 4; i++) pools.push(new pg.Pool({ connectionString: url, max: 4 }));
});
afterAll(async () => {
  await Promise.all([pool, ...pools].map((p) => p?.end()));
});

describe.each(Object.entries(backends))('coordination contract: %s', (_name, backend) => {
  const start = () => fixedClock('2026-11-16T02:00:00Z');

  it('a key is held by exactly one owner; the holder cannot take it twice', async () => {
    const clock = start();
    const [a, b] = backend.instances(2, clock);
    const key = fresh('one');
    expect(await a!.claims.claim(key, 'A', LEASE)).toEqual({ held: true });
    expect(await b!.claims.claim(key, 'B', LEASE)).toEqual({ held: false, done: null });
    expect(await a!.claims.claim(key, 'A', LEASE)).toEqual({ held: false, done: null });
  });

  it('many owners racing for many keys: one winner per key', async () => {
    const clock = start();
    const inst = backend.instances(8, clock);
    const keys = Array.from({ length: 40 }, () => fresh('race'));
    const answers = await Promise.all(inst.flatMap((x, i) => keys.map(async (key) => ({ key, owner: i, held: (await x.claims.claim(key, `O${i}`, LEASE)).held }))));
    for (const key of keys) expect(answers.filter((a) => a.key === key && a.held)).toHaveLength(1);
  });

  it('a completed key is never taken again, and tells what it recorded', async () => {
    const clock = start();
    const [a, b] = backend.instances(2, clock);
    const key = fresh('done');
    await a!.claims.claim(key, 'A', LEASE);
    expect(await b!.claims.complete(key, 'B', { by: 'B' })).toBe(false);
    expect(await a!.claims.complete(key, 'A', { lastSlot: '2026-11-16T02:00:00.000Z' })).toBe(true);
    expect(await a!.claims.complete(key, 'A', { again: true })).toBe(false);
    clock.advance(10 * LEASE);
    expect(await b!.claims.claim(key, 'B', LEASE)).toEqual({ held: false, done: { lastSlot: '2026-11-16T02:00:00.000Z' } });
    expect(await b!.claims.renew(key, 'A', LEASE)).toBe(false);
  });

  it("a holder that died (lease ran out) is taken over; its late completion and renewal fail", async () => {
    const clock = start();
    const [a, b] = backend.instances(2, clock);
    const key = fresh('dead');
    await a!.claims.claim(key, 'A', LEASE);
    clock.advance(LEASE - 1);
    expect((await b!.claims.claim(key, 'B', LEASE)).held).toBe(false);
    clock.advance(1);
    expect(await b!.claims.claim(key, 'B', LEASE)).toEqual({ held: true });
    expect(await a!.claims.renew(key, 'A', LEASE)).toBe(false);
    expect(await a!.claims.complete(key, 'A', {})).toBe(false);
    expect(await b!.claims.complete(key, 'B', { by: 'B' })).toBe(true);
  });

  it('a holder whose lease ran out but was not taken over may still complete', async () => {
    const clock = start();
    const [a, b] = backend.instances(2, clock);
    const key = fresh('late');
    await a!.claims.claim(key, 'A', LEASE);
    clock.advance(2 * LEASE);
    expect(await a!.claims.complete(key, 'A', { late: true })).toBe(true);
    expect(await b!.claims.claim(key, 'B', LEASE)).toEqual({ held: false, done: { late: true } });
  });

  it('a renewed lease keeps the key past its first term', async () => {
    const clock = start();
    const [a, b] = backend.instances(2, clock);
    const key = fresh('renew');
    await a!.claims.claim(key, 'A', LEASE);
    clock.advance(LEASE - 10);
    expect(await a!.claims.renew(key, 'A', LEASE)).toBe(true);
    clock.advance(LEASE - 10);
    expect((await b!.claims.claim(key, 'B', LEASE)).held).toBe(false);
    expect(await a!.claims.complete(key, 'A', {})).toBe(true);
  });

  it('a released key is free at once, or after the back-off it was given back with', async () => {
    const clock = start();
    const [a, b] = backend.instances(2, clock);
    const now = fresh('free-now');
    await a!.claims.claim(now, 'A', LEASE);
    await a!.claims.release(now, 'A');
    expect(await b!.claims.claim(now, 'B', LEASE)).toEqual({ held: true });
    // Releasing a key one does not hold changes nothing.
    await a!.claims.release(now, 'A');
    expect(await b!.claims.renew(now, 'B', LEASE)).toBe(true);

    const later = fresh('free-later');
    await a!.claims.claim(later, 'A', LEASE);
    await a!.claims.release(later, 'A', 5 * 60_000);
    clock.advance(5 * 60_000 - 1);
    expect((await a!.claims.claim(later, 'A', LEASE)).held).toBe(false);
    expect((await b!.claims.claim(later, 'B', LEASE)).held).toBe(false);
    clock.advance(1);
    expect(await b!.claims.claim(later, 'B', LEASE)).toEqual({ held: true });
  });

  it('claimMany answers each key as claim would, in the order asked', async () => {
    const clock = start();
    const [a, b] = backend.instances(2, clock);
    const [free, held, done, dead] = ['free', 'held', 'done', 'dead'].map(fresh) as [string, string, string, string];
    await a!.claims.claim(held, 'A', LEASE);
    await a!.claims.claim(done, 'A', LEASE);
    await a!.claims.complete(done, 'A', { by: 'A' });
    await a!.claims.claim(dead, 'A', LEASE / 2);
    clock.advance(LEASE / 2);
    expect(await b!.claims.claimMany([held, free, done, dead], 'B', LEASE)).toEqual([
      { held: false, done: null },
      { held: true },
      { held: false, done: { by: 'A' } },
      { held: true },
    ]);
    expect(await b!.claims.claimMany([], 'B', LEASE)).toEqual([]);
    expect(await a!.claims.complete(dead, 'A', {})).toBe(false);
  });

  it('owners racing with overlapping batches in different orders: one winner per key, no deadlock', async () => {
    const clock = start();
    const inst = backend.instances(6, clock);
    const keys = Array.from({ length: 400 }, () => fresh('batch'));
    const answers = await Promise.all(
      inst.map(async (x, i) => {
        // Owners ask for overlapping keys, half of them in the opposite order, several batches at a time.
        const mine = i % 2 ? [...keys].reverse() : keys;
        const batches = [mine.slice(0, 200), mine.slice(100, 300), mine.slice(200)];
        const got = await Promise.all(batches.map((batch) => x.claims.claimMany(batch, `O${i}`, LEASE)));
        return batches.flatMap((batch, n) => batch.map((key, k) => ({ key, held: got[n]![k]!.held })));
      }),
    );
    for (const key of keys) expect(answers.flat().filter((a) => a.key === key && a.held), key).toHaveLength(1);
  });

  it('the ledger says first time once per key across instances, again after the TTL', async () => {
    const clock = start();
    const inst = backend.instances(6, clock);
    const key = fresh('trigger');
    const answers = await Promise.all(inst.flatMap((x) => [x.ledger.firstTime(key, 1000), x.ledger.firstTime(key, 1000)]));
    expect(answers.filter(Boolean)).toHaveLength(1);
    clock.advance(999);
    expect(await inst[1]!.ledger.firstTime(key, 1000)).toBe(false);
    clock.advance(1);
    expect(await inst[2]!.ledger.firstTime(key, 1000)).toBe(true);
    expect(await inst[3]!.ledger.firstTime(fresh('other'), 1000)).toBe(true);
  });
});

describe('in-process ledger', () => {
  it('stays bounded: the oldest keys go first', async () => {
    const seen = new MemoryLedger(fixedClock('2026-01-05T09:00:00Z'), 3);
    for (const k of ['a', 'b', 'c', 'd', 'e']) await seen.firstTime(k, 60_000);
    expect(await seen.firstTime('a', 60_000)).toBe(true);
    expect(await seen.firstTime('e', 60_000)).toBe(false);
  });
});
