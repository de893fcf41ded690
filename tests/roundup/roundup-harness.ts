// Test wiring: a fixed clock, the in-memory store, recording deliverers and a
// sleep that moves the clock instead of waiting. `restart()` models a new process.
import { vi } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import type { ChannelRef } from '../../src/model/actor.js';
import type { Deliverer } from '../../src/model/delivery.js';
import { RoundupScheduler } from '../../src/roundup/roundup-scheduler.js';
import { RoundupService } from '../../src/roundup/roundup-service.js';
import { MemoryRoundupStore } from './memory-roundup-store.js';
import { RecordingDeliverer } from './recording-deliverer.js';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function channel(id = 'C1', platform: ChannelRef['platform'] = 'slack'): ChannelRef {
  return { platform, workspace: 'T1', channel: id };
}

export interface HarnessOptions {
  /** Also move Date.now() with the fake clock (vi.setSystemTime), as it moves in production. */
  driveSystemTime?: boolean;
}

export function harness(start: string, deliverers?: Deliverer[], options: HarnessOptions = {}) {
  const fake = fixedClock(start);
  const follow = () => {
    if (options.driveSystemTime) vi.setSystemTime(fake.now());
  };
  follow();
  const clock = {
    now: fake.now,
    set: (d: Date | string) => {
      fake.set(d);
      follow();
    },
    advance: (ms: number) => {
      fake.advance(ms);
      follow();
    },
  };
  const store = new MemoryRoundupStore();
  const slack = new RecordingDeliverer('slack');
  const sleeps: number[] = [];
  const all = deliverers ?? [slack];
  const make = () => {
    const service = new RoundupService({
      store,
      clock,
      defaultTimezone: 'Asia/Jakarta',
      logger: silentLogger,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
      },
    });
    return { service, scheduler: new RoundupScheduler({ service, deliverers: all, logger: silentLogger }) };
  };
  let current = make();
  return {
    clock,
    store,
    slack,
    sleeps,
    get service() {
      return current.service;
    },
    get scheduler() {
      return current.scheduler;
    },
    /** A fresh process over the same store: in-memory state is lost, the store is not. */
    async restart() {
      await current.scheduler.stop();
      current = make();
      await current.scheduler.start();
      await current.scheduler.stop();
    },
    /** Ticks the scheduler every `step` ms until `until`, as the minute cron would. */
    async runUntil(until: string, step = MINUTE) {
      const end = Date.parse(until);
      while (clock.now().getTime() + step <= end) {
        clock.advance(step);
        await current.scheduler.tick();
      }
    },
  };
}
