// A weekly slot inside the hour that repeats when clocks go back. The fake clock
// drives Date.now() too (vi.setSystemTime), because luxon guesses offsets from
// Date.now(): in production the two clocks agree, so tests must make them agree.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestSlot, nextSlot } from '../../src/roundup/weekly-slot.js';
import { channel, harness, MINUTE } from './roundup-harness.js';

afterEach(() => {
  vi.useRealTimers();
});

// [zone, weekday, local time, earlier occurrence, later occurrence]: the slot's wall time
// happens twice on the night clocks go back (Lord Howe shifts by 30 minutes only).
const REPEATED: [string, number, string, string, string][] = [
  ['America/New_York', 7, '01:30', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
  ['Europe/London', 7, '01:30', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'],
  ['America/Havana', 7, '00:30', '2026-11-01T04:30:00.000Z', '2026-11-01T05:30:00.000Z'],
  ['Australia/Lord_Howe', 7, '01:45', '2026-04-04T14:45:00.000Z', '2026-04-04T15:15:00.000Z'],
  ['America/Santiago', 6, '23:30', '2026-04-05T02:30:00.000Z', '2026-04-05T03:30:00.000Z'],
  ['Pacific/Chatham', 7, '03:00', '2026-04-04T13:15:00.000Z', '2026-04-04T14:15:00.000Z'],
];

describe('a slot in the repeated hour when clocks go back', () => {
  it.each(REPEATED)('%s: the earlier occurrence, whatever Date.now() says', (timezone, weekday, time, earlier) => {
    const spec = { weekday, time, timezone };
    const before = new Date(Date.parse(earlier) - 3 * 24 * 60 * MINUTE);
    const after = new Date(Date.parse(earlier) + 3 * 24 * 60 * MINUTE);
    // Date.now() a season away (other offset) and on the night itself must agree.
    for (const systemTime of ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z', earlier]) {
      vi.setSystemTime(new Date(systemTime));
      expect(nextSlot(spec, before).toISOString()).toBe(earlier);
      expect(latestSlot(spec, after).toISOString()).toBe(earlier);
    }
  });

  it.each(REPEATED)('%s: sent once, at the earlier occurrence', async (timezone, weekday, time, earlier, later) => {
    const start = new Date(Date.parse(earlier) - 2 * 24 * 60 * MINUTE).toISOString();
    const h = harness(start, undefined, { driveSystemTime: true });
    await h.service.subscribe(channel(), { weekday, time, timezone }, 'U1');
    await h.runUntil(new Date(Date.parse(later) + 3 * 60 * MINUTE).toISOString(), 5 * MINUTE);
    await h.restart();
    await h.runUntil(new Date(Date.parse(later) + 24 * 60 * MINUTE).toISOString(), 15 * MINUTE);
    expect(h.slack.accepted).toHaveLength(1);
    expect(h.store.writes.filter((w) => w.lastSlot).map((w) => w.lastSlot)).toEqual([earlier]);
  });
});

describe('a slot is done by its local date', () => {
  it('a date delivered under other zone rules (another instant, same local date) is not owed again', async () => {
    const h = harness('2026-11-10T00:00:00Z', undefined, { driveSystemTime: true });
    const info = await h.service.subscribe(channel(), {}, 'U1');
    // Monday 16 Nov 09:00 Jakarta, recorded when the zone's rules (say UTC+8) put it at 01:00Z.
    const rec = h.store.subscriptions.get(info.id)!;
    await h.store.putSubscription({ ...rec, lastSlot: '2026-11-16T01:00:00.000Z' });
    h.clock.set('2026-11-16T01:30:00Z');
    await h.restart();
    await h.runUntil('2026-11-22T00:00:00Z', 30 * MINUTE);
    expect(h.slack.accepted).toHaveLength(0);
    await h.runUntil('2026-11-23T03:00:00Z', 30 * MINUTE);
    expect(h.store.writes.filter((w) => w.lastSlot).map((w) => w.lastSlot)).toEqual(['2026-11-16T01:00:00.000Z', '2026-11-23T02:00:00.000Z']);
  });
});

// Seeded, so a failure names the same subscriptions every run.
function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ZONES = ['America/New_York', 'Europe/London', 'America/Havana', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'Asia/Jakarta'];
// Wall times in or near every zone's repeated or skipped hour, plus ordinary ones.
const TIMES = ['00:00', '00:30', '01:00', '01:30', '01:45', '02:00', '02:30', '02:45', '03:00', '03:15', '09:00', '23:00', '23:30'];

function localWeekday(instant: number, timezone: string): number {
  const day = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short' }).format(instant);
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1;
}

function localDate(instant: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

describe('many subscriptions over four weeks across DST changes', () => {
  // Northern autumn (New York, London, Havana go back) and southern autumn (Lord Howe, Santiago, Chatham go back; London goes forward).
  it.each([
    ['2026-10-12T12:00:00Z'],
    ['2026-03-16T12:00:00Z'],
  ])('from %s: exactly one send per slot', async (start) => {
    const end = new Date(Date.parse(start) + 28 * 24 * 60 * MINUTE).toISOString();
    const h = harness(start, undefined, { driveSystemTime: true });
    const random = seededRandom(Date.parse(start));
    const subs = new Map<string, { timezone: string; weekday: number }>();
    for (let i = 0; subs.size < 80; i++) {
      const timezone = ZONES[Math.floor(random() * ZONES.length)]!;
      const weekday = 1 + Math.floor(random() * 7);
      // A slot on the start's (or end's) local weekday could fall either side of the
      // window's edges; leave those out so every subscription owes exactly four.
      const edges = [-2, 0, 2].flatMap((hours) => [Date.parse(start), Date.parse(end)].map((t) => localWeekday(t + hours * 60 * MINUTE, timezone)));
      if (edges.includes(weekday)) continue;
      const info = await h.service.subscribe(channel(`C${i}`), { weekday, time: TIMES[Math.floor(random() * TIMES.length)]!, timezone }, 'U1');
      subs.set(info.id, { timezone, weekday });
    }
    await h.runUntil(end, 15 * MINUTE);
    const sent = h.store.writes.filter((w) => w.lastSlot);
    expect(sent).toHaveLength(4 * subs.size);
    for (const [id, { timezone, weekday }] of subs) {
      const slots = sent.filter((w) => w.id === id).map((w) => w.lastSlot!);
      expect(new Set(slots.map((s) => localDate(s, timezone))).size, `${id} ${timezone}`).toBe(4);
      for (const s of slots) expect(localWeekday(Date.parse(s), timezone)).toBe(weekday);
    }
    expect(h.slack.accepted).toHaveLength(4 * subs.size);
  });
});
