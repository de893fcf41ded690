// Two engines on one PostgreSQL database (as two instances behind a load balancer),
// on one fake clock, run roundup passes at the same time over many subscriptions:
// every (subscription, slot) is sent by exactly one of them, and a slot whose
// sender died is taken over once its claim's lease has run out.
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { CLAIM_LEASE_MS } from '../../src/coordination/held-claim.js';
import type { ChannelRef } from '../../src/model/actor.js';
import { createTempEngine, type TempEngine } from '../support/temp-engine.js';
import { freshDatabaseUrl } from '../support/postgres-database.js';
import { waitUntil } from '../support/wait-until.js';
import { countByKey, KeyedDeliverer, type Sent } from './keyed-deliverer.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const START = '2026-11-09T00:00:00Z';
const ZONES = ['Asia/Jakarta', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
const TIMES = ['09:00', '13:30', '20:15', '06:45'];

const clock = fixedClock(START);
const opened: TempEngine[] = [];

/** Two instances on a fresh database. */
async function twoInstances(): Promise<TempEngine[]> {
  const env = { RINGKAS_DATABASE_URL: await freshDatabaseUrl(), RINGKAS_SEED_ON_EMPTY: 'false' };
  const pair = [await createTempEngine(env, { clock }), await createTempEngine(env, { clock })];
  opened.push(...pair);
  return pair;
}
afterAll(async () => {
  for (const e of opened) await e.cleanup();
});

function channel(i: number): ChannelRef {
  return { platform: 'slack', workspace: 'T1', channel: `C${String(i).padStart(4, '0')}` };
}

/** Subscribes `count` channels through the first instance; returns their ids and first slots. */
async function subscribeMany(engines: TempEngine[], count: number): Promise<{ ids: string[]; nextRunAt: string[] }> {
  const roundups = engines[0]!.engine.probe().roundups();
  const infos = [];
  for (let i = 0; i < count; i++) {
    const input = { weekday: (i % 7) + 1, time: TIMES[i % TIMES.length], timezone: ZONES[(i >> 2) % ZONES.length] };
    infos.push(await roundups.subscribe(channel(i), input, 'U1'));
  }
  const ids = infos.map((i) => i.id);
  // The other instance learns of them through the database's change notes.
  await waitUntil(() => ids.every((id) => engines[1]!.engine.probe().subscriptions().some((s) => s.id === id)), 'the second instance to see the subscriptions');
  return { ids, nextRunAt: infos.map((i) => i.nextRunAt) };
}

describe('roundups across instances on one database', () => {
  // 672 hourly passes on two engines: ~25 s on a loaded 2-core machine, so more than the default 30 s to spare.
  it('two instances passing at once over 240 subscriptions for four weeks send each (subscription, slot) once', { timeout: 120_000 }, async () => {
    clock.set(START);
    const engines = await twoInstances();
    const log: Sent[] = [];
    const deliverers = engines.map((_e, i) => new KeyedDeliverer(`instance-${i}`, log));
    const { ids } = await subscribeMany(engines, 240);
    const end = Date.parse(START) + 28 * DAY;
    while (clock.now().getTime() < end) {
      clock.advance(HOUR);
      await Promise.all(engines.map((e, i) => e.engine.probe().roundups().deliverDue([deliverers[i]!])));
    }
    const counts = countByKey(log);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    // Every subscription got its four weekly slots, no more, no fewer.
    for (const id of ids) expect(log.filter((s) => s.key.startsWith(`${id}-`)), id).toHaveLength(4);
    expect(log).toHaveLength(240 * 4);
    // Both instances did part of the work (the claims split it, not one instance alone).
    expect(new Set(log.map((s) => s.instance)).size).toBe(2);
    // Both see the same delivery state.
    for (const e of engines) {
      for (const s of e.engine.probe().subscriptions().filter((x) => ids.includes(x.id))) expect(s.lastDeliveryKey).toMatch(new RegExp(`^${s.id}-`));
    }
    await waitUntil(
      () => JSON.stringify(engines[0]!.engine.probe().subscriptions()) === JSON.stringify(engines[1]!.engine.probe().subscriptions()),
      'both instances to show the same subscriptions',
    );
  });

  it.each([
    ['before the platform accepted', 'dieBeforeAccept', 1],
    ['after the platform accepted (the same key is re-sent: the at-least-once window)', 'dieAfterAccept', 2],
  ] as const)('an instance that died %s leaves its slot to the other once the lease runs out', async (_when, how, sends) => {
    clock.set(START);
    const engines = await twoInstances();
    const log: Sent[] = [];
    const [dying, survivor] = [new KeyedDeliverer('dying', log), new KeyedDeliverer('survivor', log)];
    const { ids, nextRunAt } = await subscribeMany(engines, 1);
    const id = ids[0]!;
    // At the slot, the first instance claims it and "dies" mid-send: its pass never ends.
    dying[how] = true;
    clock.set(nextRunAt[0]!);
    const pass = engines[0]!.engine.probe().roundups().deliverDue([dying]);
    expect(await Promise.race([pass.then(() => 'ended'), new Promise((r) => setTimeout(() => r('hung'), 300))])).toBe('hung');
    expect(log).toHaveLength(sends - 1);
    const roundups = engines[1]!.engine.probe().roundups();
    // Within the lease the survivor leaves the slot alone.
    clock.advance(CLAIM_LEASE_MS - 1000);
    expect(await roundups.deliverDue([survivor])).toMatchObject({ due: 1, elsewhere: 1, delivered: 0 });
    // After it, the survivor takes the slot over and sends it, with the same key.
    clock.advance(1000);
    expect(await roundups.deliverDue([survivor])).toMatchObject({ due: 1, delivered: 1 });
    expect(log).toHaveLength(sends);
    expect(new Set(log.map((s) => s.key)).size).toBe(1);
    expect(log.at(-1)!.instance).toBe('survivor');
    expect(engines[1]!.engine.probe().subscriptions().find((s) => s.id === id)!.lastDeliveryKey).toBe(log[0]!.key);
    // Nothing is owed any more.
    clock.advance(HOUR);
    expect(await roundups.deliverDue([survivor])).toMatchObject({ due: 0 });
  });
});
