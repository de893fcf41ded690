// A held claim renews itself while its holder lives, so a slow send is not taken over
// under it; once stopped (or its process gone) the lease runs out and another may take it.
// The renewal timer is moved with vitest's fake timers; the lease follows the engine clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { claimAndHold } from '../../src/coordination/held-claim.js';
import { MemoryClaims } from '../../src/coordination/memory-coordination.js';

const LEASE = 60_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the engine clock and the renewal timers together, as real time moves both. */
async function pass(clock: ReturnType<typeof fixedClock>, ms: number): Promise<void> {
  for (let moved = 0; moved < ms; moved += 1000) {
    clock.advance(1000);
    await vi.advanceTimersByTimeAsync(1000);
  }
}

describe('claimAndHold', () => {
  it('keeps the key while the holder lives, for many leases; after stop the lease runs out', async () => {
    const clock = fixedClock('2026-11-16T02:00:00Z');
    const claims = new MemoryClaims(clock);
    const answer = await claimAndHold(claims, 'k', 'A', { leaseMs: LEASE });
    if (answer.held === false) throw new Error('not held');
    await pass(clock, 5 * LEASE);
    expect((await claims.claim('k', 'B', LEASE)).held).toBe(false);
    expect(answer.held.lost).toBe(false);
    await answer.held.stop();
    await pass(clock, LEASE);
    expect(await claims.claim('k', 'B', LEASE)).toEqual({ held: true });
  });

  it('says lost once another owner took the key over (the holder stalled past its lease)', async () => {
    const clock = fixedClock('2026-11-16T02:00:00Z');
    const claims = new MemoryClaims(clock);
    const answer = await claimAndHold(claims, 'k2', 'A', { leaseMs: LEASE });
    if (answer.held === false) throw new Error('not held');
    // The engine clock jumps a whole lease without a renewal (a frozen process).
    clock.advance(LEASE);
    expect(await claims.claim('k2', 'B', LEASE)).toEqual({ held: true });
    await vi.advanceTimersByTimeAsync(LEASE / 3);
    expect(answer.held.lost).toBe(true);
    expect(await claims.complete('k2', 'A', {})).toBe(false);
    await answer.held.stop();
  });
});
