// Background work gives way to commands (decision 040): the foreground state the
// engine keeps, the slice lengths a build takes from it, and work that gives way
// in slices (time-slices.ts) waiting while a command is in flight.
import { afterEach, describe, expect, it } from 'vitest';
import { AWAITED_SLICE_MS, BUSY_SLICE_MS, buildSliceMs, IDLE_SLICE_MS } from '../src/background-step.js';
import { beginForeground, foregroundBusy, RECENT_MS } from '../src/foreground.js';
import { runInSlices, type Steps } from '../src/snapshot/time-slices.js';

const ends: (() => void)[] = [];
const begin = () => {
  const end = beginForeground();
  ends.push(end);
  return end;
};
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};
const quiet = () => new Promise((resolve) => setTimeout(resolve, RECENT_MS + 20));

afterEach(async () => {
  for (const end of ends.splice(0)) end();
  await quiet();
});

/** Work of `n` steps, each pausing after it (a slice of 0 ms), counting the steps done. */
function counted(n: number): { steps: Steps<string>; done: () => number } {
  let done = 0;
  function* steps(): Steps<string> {
    for (let i = 0; i < n; i++) {
      done++;
      yield;
    }
    return 'finished';
  }
  return { steps: steps(), done: () => done };
}

describe('the foreground', () => {
  it('is busy while a command is in flight and a moment after, and an end counts once', async () => {
    await quiet();
    expect(foregroundBusy()).toBe(false);
    const first = begin();
    const second = begin();
    first();
    first();
    expect(foregroundBusy()).toBe(true); // the second is still in flight
    second();
    expect(foregroundBusy()).toBe(true); // just ended
    expect(foregroundBusy(performance.now() + RECENT_MS + 1)).toBe(false);
  });

  it('gives a build short slices while commands come, and long ones while a request awaits it (never paused by it)', async () => {
    await quiet();
    expect(buildSliceMs(false)).toBe(IDLE_SLICE_MS);
    expect(buildSliceMs(true)).toBe(AWAITED_SLICE_MS);
    begin();
    expect(buildSliceMs(false)).toBe(BUSY_SLICE_MS);
    expect(buildSliceMs(true)).toBe(AWAITED_SLICE_MS);
    expect(BUSY_SLICE_MS).toBeLessThan(IDLE_SLICE_MS);
    expect(AWAITED_SLICE_MS).toBeGreaterThan(IDLE_SLICE_MS);
  });
});

describe('work in slices that gives way', () => {
  it('runs no step while a command is in flight, and all of them once it ended', async () => {
    await quiet();
    const end = begin();
    const work = counted(5);
    const result = runInSlices(work.steps, 0, { giveWay: () => true });
    await turns(20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(work.done()).toBe(0);
    end();
    expect(await result).toBe('finished');
    expect(work.done()).toBe(5);
  });

  it('stops waiting when it is no longer to give way (closing meanwhile)', async () => {
    begin();
    let closing = false;
    const work = counted(5);
    const result = runInSlices(work.steps, 0, { giveWay: () => !closing });
    await turns(5);
    expect(work.done()).toBe(0);
    closing = true;
    expect(await result).toBe('finished');
  });

  it('does not wait when told not to give way (closing), nor when it is not asked to', async () => {
    begin();
    const closing = counted(5);
    expect(await runInSlices(closing.steps, 0, { giveWay: () => false })).toBe('finished');
    const plain = counted(5);
    expect(await runInSlices(plain.steps, 0)).toBe('finished');
  });

  it('stops when what it reads changed during a pause', async () => {
    let valid = true;
    const work = counted(5);
    const result = runInSlices(work.steps, 0, { stillValid: () => valid, onTurn: () => (valid = false) });
    expect(await result).toBeNull();
    expect(work.done()).toBe(1);
  });
});
