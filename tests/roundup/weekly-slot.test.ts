import { describe, expect, it } from 'vitest';
import { formatLocal, latestSlot, nextSlot, periodLabel } from '../../src/roundup/weekly-slot.js';

const monday9 = (timezone: string) => ({ weekday: 1, time: '09:00', timezone });

describe('weekly slots', () => {
  it('Monday 09:00 Asia/Jakarta is 02:00 UTC', () => {
    // Wednesday 2026-11-18: the latest Monday is the 16th, the next the 23rd.
    const now = new Date('2026-11-18T10:00:00Z');
    expect(latestSlot(monday9('Asia/Jakarta'), now).toISOString()).toBe('2026-11-16T02:00:00.000Z');
    expect(nextSlot(monday9('Asia/Jakarta'), now).toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('Monday 09:00 Asia/Tokyo is 00:00 UTC', () => {
    const now = new Date('2026-11-18T10:00:00Z');
    expect(latestSlot(monday9('Asia/Tokyo'), now).toISOString()).toBe('2026-11-16T00:00:00.000Z');
  });

  it('a slot at exactly now is the latest, and the next one is a week later', () => {
    const now = new Date('2026-11-16T02:00:00Z');
    expect(latestSlot(monday9('Asia/Jakarta'), now).toISOString()).toBe('2026-11-16T02:00:00.000Z');
    expect(nextSlot(monday9('Asia/Jakarta'), now).toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('one minute before the slot, the latest is the previous week', () => {
    const now = new Date('2026-11-16T01:59:00Z');
    expect(latestSlot(monday9('Asia/Jakarta'), now).toISOString()).toBe('2026-11-09T02:00:00.000Z');
  });

  it('keeps 09:00 New York wall time across both DST changes', () => {
    const ny = monday9('America/New_York');
    // DST starts Sunday 8 March 2026 and ends Sunday 1 November 2026.
    expect(nextSlot(ny, new Date('2026-03-03T00:00:00Z')).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(latestSlot(ny, new Date('2026-03-08T12:00:00Z')).toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(nextSlot(ny, new Date('2026-10-28T00:00:00Z')).toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(latestSlot(ny, new Date('2026-11-01T12:00:00Z')).toISOString()).toBe('2026-10-26T13:00:00.000Z');
  });

  it('handles a Sunday slot in the local day that differs from the UTC day', () => {
    // Sunday 23:30 Jakarta = Sunday 16:30 UTC; at Sunday 17:00 UTC it is Monday 00:00 in Jakarta.
    const spec = { weekday: 7, time: '23:30', timezone: 'Asia/Jakarta' };
    expect(latestSlot(spec, new Date('2026-11-22T17:00:00Z')).toISOString()).toBe('2026-11-22T16:30:00.000Z');
  });

  it('formats local times and periods', () => {
    expect(formatLocal(new Date('2026-11-23T02:00:00Z'), 'Asia/Jakarta')).toBe('Mon 23 Nov 2026, 09:00');
    expect(periodLabel(new Date('2026-11-16T02:00:00Z'), new Date('2026-11-23T02:00:00Z'), 'Asia/Jakarta')).toBe('16–23 Nov 2026');
    expect(periodLabel(new Date('2026-11-28T02:00:00Z'), new Date('2026-12-04T02:00:00Z'), 'Asia/Jakarta')).toBe('28 Nov – 4 Dec 2026');
  });
});
