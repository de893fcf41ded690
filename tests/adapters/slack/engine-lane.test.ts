import { describe, expect, it } from 'vitest';
import { EngineLane } from '../../../adapters/slack/engine-lane.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('EngineLane', () => {
  it('runs one job at a time, in order', async () => {
    const lane = new EngineLane(10, 60_000);
    const log: string[] = [];
    const gate = deferred();
    const a = lane.run(async () => {
      log.push('a start');
      await gate.promise;
      log.push('a end');
      return 'a';
    });
    const b = lane.run(async () => {
      log.push('b');
      return 'b';
    });
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['a start']);
    gate.resolve();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('estimates the wait from queue length and recent run times', async () => {
    const lane = new EngineLane(100, 60_000);
    expect(lane.estimatedMs()).toBe(100);
    const gate = deferred();
    const jobs = [lane.run(() => gate.promise), lane.run(async () => undefined), lane.run(async () => undefined)];
    expect(lane.estimatedMs()).toBe(400);
    gate.resolve();
    await Promise.all(jobs);
    expect(lane.estimatedMs()).toBeLessThan(100);
  });

  it('passes failures to the caller and keeps going', async () => {
    const lane = new EngineLane();
    await expect(lane.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lane.run(async () => 1)).toBe(1);
  });

  it('a stuck job stops holding up the lane', async () => {
    const lane = new EngineLane(10, 20);
    const never = lane.run(() => new Promise<never>(() => undefined));
    expect(await lane.run(async () => 'next')).toBe('next');
    void never;
  });
});
