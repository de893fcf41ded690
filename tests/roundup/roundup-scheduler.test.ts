import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { MemoryClaims } from '../../src/coordination/memory-coordination.js';
import { silentLogger } from '../../src/logger.js';
import { RoundupService } from '../../src/roundup/roundup-service.js';
import { article, MemoryRoundupStore } from './memory-roundup-store.js';
import { RecordingDeliverer } from './recording-deliverer.js';
import { channel, DAY, harness, MINUTE } from './roundup-harness.js';

/** When each accepted message was sent, by the fake clock. */
function sentAt(h: ReturnType<typeof harness>): string[] {
  return h.slack.accepted.map((a) => (a.reply.kind === 'roundup' ? a.reply.roundup.until : `not a roundup: ${a.reply.kind}`));
}

describe('roundup scheduler: local time', () => {
  it('Monday 09:00 Asia/Jakarta fires once, at 02:00 UTC', async () => {
    const h = harness('2026-11-15T00:00:00Z');
    await h.service.subscribe(channel(), {}, 'U1');
    h.store.articles = [article({ addedAt: '2026-11-15T05:00:00Z' })];
    await h.runUntil('2026-11-16T01:59:00Z');
    expect(h.slack.accepted).toHaveLength(0);
    await h.runUntil('2026-11-16T03:00:00Z');
    expect(sentAt(h)).toEqual(['2026-11-16T02:00:00.000Z']);
  });

  it('Monday 09:00 Asia/Tokyo fires at 00:00 UTC', async () => {
    const h = harness('2026-11-15T00:00:00Z');
    await h.service.subscribe(channel(), { timezone: 'Asia/Tokyo' }, 'U1');
    h.store.articles = [article({ addedAt: '2026-11-15T05:00:00Z' })];
    await h.runUntil('2026-11-16T01:00:00Z');
    expect(sentAt(h)).toEqual(['2026-11-16T00:00:00.000Z']);
  });

  it.each([
    ['spring forward', '2026-02-27T00:00:00Z', '2026-03-20T00:00:00Z', ['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z']],
    ['fall back', '2026-10-23T00:00:00Z', '2026-11-13T00:00:00Z', ['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z', '2026-11-09T14:00:00.000Z']],
  ])('America/New_York fires once a week across %s', async (_name, start, end, expected) => {
    const h = harness(start);
    await h.service.subscribe(channel(), { timezone: 'America/New_York' }, 'U1');
    h.store.articles = [article({ addedAt: start })];
    await h.runUntil(end, 5 * MINUTE);
    // Quiet weeks post one short line; count every message, not just roundups.
    expect(h.slack.accepted).toHaveLength(3);
    const sent = h.store.writes.filter((w) => w.lastSlot).map((w) => w.lastSlot);
    expect(sent).toEqual(expected);
  });
});

describe('roundup scheduler: restarts and downtime', () => {
  it('a restart in the middle of the week sends nothing twice', async () => {
    const h = harness('2026-11-15T00:00:00Z');
    await h.service.subscribe(channel(), {}, 'U1');
    await h.runUntil('2026-11-16T03:00:00Z');
    expect(h.slack.accepted).toHaveLength(1);
    h.clock.set('2026-11-18T10:00:00Z');
    await h.restart();
    await h.runUntil('2026-11-18T12:00:00Z');
    expect(h.slack.accepted).toHaveLength(1);
  });

  it('down over the slot and started two days later: delivered once', async () => {
    const h = harness('2026-11-10T00:00:00Z');
    await h.service.subscribe(channel(), {}, 'U1');
    h.store.articles = [article({ id: 'n', addedAt: '2026-11-14T00:00:00Z' })];
    await h.runUntil('2026-11-11T00:00:00Z', 10 * MINUTE);
    h.clock.set('2026-11-18T02:00:00Z');
    await h.restart();
    expect(h.slack.accepted).toHaveLength(1);
    const first = h.slack.accepted[0]!.reply;
    expect(first.kind === 'roundup' && first.roundup.lines.map((l) => l.storyId)).toEqual(['n']);
    await h.runUntil('2026-11-20T00:00:00Z', 10 * MINUTE);
    expect(h.slack.accepted).toHaveLength(1);
    expect(h.store.subscriptions.values().next().value?.lastSlot).toBe('2026-11-16T02:00:00.000Z');
  });

  it('down for three weeks: one catch-up covering all of it, not three', async () => {
    const h = harness('2026-11-15T00:00:00Z');
    await h.service.subscribe(channel(), {}, 'U1');
    await h.runUntil('2026-11-16T03:00:00Z');
    expect(h.slack.accepted).toHaveLength(1);
    h.store.articles = [
      article({ id: 'w1', addedAt: '2026-11-20T00:00:00Z' }),
      article({ id: 'w3', addedAt: '2026-12-05T00:00:00Z' }),
    ];
    h.clock.set('2026-12-09T05:00:00Z');
    await h.restart();
    await h.runUntil('2026-12-10T00:00:00Z', 10 * MINUTE);
    expect(h.slack.accepted).toHaveLength(2);
    const catchUp = h.slack.accepted[1]!.reply;
    expect(catchUp.kind).toBe('roundup');
    if (catchUp.kind === 'roundup') {
      expect(catchUp.roundup.since).toBe('2026-11-16T02:00:00.000Z');
      expect(catchUp.roundup.lines.map((l) => l.storyId).sort()).toEqual(['w1', 'w3']);
    }
    await h.runUntil('2026-12-14T03:00:00Z', 10 * MINUTE);
    expect(h.slack.accepted).toHaveLength(3);
  });

  it('a subscription made after this week’s slot waits for the next one', async () => {
    const h = harness('2026-11-16T05:00:00Z');
    await h.service.subscribe(channel(), {}, 'U1');
    await h.restart();
    await h.runUntil('2026-11-23T01:00:00Z', 30 * MINUTE);
    expect(h.slack.accepted).toHaveLength(0);
  });
});

describe('roundup scheduler: failures', () => {
  it('fails twice with 5xx then succeeds: one message, state advanced once', async () => {
    const h = harness('2026-11-16T01:59:00Z');
    await h.service.subscribe(channel(), {}, 'U1');
    h.slack.script = [
      { ok: false, failure: { kind: 'transient', reason: 'HTTP 502' } },
      { ok: false, failure: { kind: 'transient', reason: 'HTTP 503' } },
    ];
    await h.runUntil('2026-11-16T02:10:00Z');
    expect(h.slack.attempts).toBe(3);
    expect(h.slack.accepted).toHaveLength(1);
    expect(h.sleeps).toEqual([2_000, 4_000]);
    expect(h.store.writes.filter((w) => w.lastSlot !== null)).toHaveLength(1);
  });

  it('a thrown network error is transient and never advances the state', async () => {
    const broken = { platform: 'slack' as const, attempts: 0, deliver: async () => { broken.attempts++; throw new Error('ECONNRESET'); } };
    const h2 = harness('2026-11-16T01:59:00Z', [broken]);
    // The store still holds a lastSlot of null: nothing was accepted.
    await h2.service.subscribe(channel(), {}, 'U1');
    await h2.runUntil('2026-11-16T02:03:00Z');
    expect(broken.attempts).toBe(4);
    expect([...h2.store.subscriptions.values()][0]!.lastSlot).toBeNull();
    // Deferred, not hammered every minute; tried again after the back-off.
    await h2.runUntil('2026-11-16T02:30:00Z');
    expect(broken.attempts).toBeGreaterThan(4);
    expect(broken.attempts).toBeLessThanOrEqual(12);
  });

  it('channel gone: paused with the reason, no retry storm, resumable', async () => {
    const h = harness('2026-11-16T01:59:00Z');
    await h.service.subscribe(channel(), {}, 'U1');
    h.slack.script = [{ ok: false, failure: { kind: 'permanent', reason: 'channel_not_found' } }];
    await h.runUntil('2026-11-30T03:00:00Z', 10 * MINUTE);
    expect(h.slack.attempts).toBe(1);
    expect(h.slack.accepted).toHaveLength(0);
    const [info] = await h.service.list(channel());
    expect(info!.paused).toBe('channel_not_found');
    await h.service.resume(channel());
    expect((await h.service.list(channel()))[0]!.paused).toBeNull();
    await h.runUntil('2026-11-30T04:00:00Z', 10 * MINUTE);
    expect(h.slack.accepted).toHaveLength(1);
  });
});

describe('roundup scheduler: quiet weeks', () => {
  it('posts one short line, or nothing when the subscription says skip', async () => {
    const h = harness('2026-11-16T01:59:00Z');
    await h.service.subscribe(channel('C1'), {}, 'U1');
    const quiet = await h.service.subscribe(channel('C2'), {}, 'U1');
    const rec = h.store.subscriptions.get(quiet.id)!;
    await h.store.putSubscription({ ...rec, quietWeeks: 'skip' });
    await h.runUntil('2026-11-16T02:05:00Z');
    expect(h.slack.accepted).toHaveLength(1);
    const reply = h.slack.accepted[0]!.reply;
    expect(reply.kind === 'roundup' && reply.roundup).toMatchObject({ period: '9–16 Nov 2026', lines: [], more: 0 });
    expect(h.store.subscriptions.get(quiet.id)!.lastSlot).toBe('2026-11-16T02:00:00.000Z');
    expect(h.clock.now().getTime() - Date.parse('2026-11-16T02:00:00Z')).toBeLessThan(DAY);
  });
});

describe('roundup scheduler: store failures', () => {
  it('a failed state write defers that subscription and the pass still delivers the others', async () => {
    const h = harness('2026-11-16T01:59:00Z');
    const a = await h.service.subscribe(channel('C1'), {}, 'U1');
    await h.service.subscribe(channel('C2'), {}, 'U1');
    const put = h.store.putSubscription.bind(h.store);
    h.store.putSubscription = async (rec) => {
      if (rec.id === a.id) throw new Error('disk full');
      return put(rec);
    };
    h.clock.set('2026-11-16T02:00:00Z');
    expect(await h.scheduler.tick()).toMatchObject({ due: 2, delivered: 1, deferred: 1 });
    expect(h.slack.accepted.map((m) => m.target.channel).sort()).toEqual(['C1', 'C2']);
    // Deferred: the next minute does not post to C1 again.
    h.clock.advance(MINUTE);
    await h.scheduler.tick();
    expect(h.slack.accepted).toHaveLength(2);
  });
});

describe('roundup scheduler: claim failures', () => {
  it('a batch whose claim fails is deferred as a whole, the pass ends, and the back-off retries it', async () => {
    const clock = fixedClock('2026-11-16T01:59:00Z');
    const store = new MemoryRoundupStore();
    const claims = new MemoryClaims(clock);
    let failures = 1;
    const claimMany = claims.claimMany.bind(claims);
    claims.claimMany = (keys, owner, leaseMs) => (failures-- > 0 ? Promise.reject(new Error('connection reset')) : claimMany(keys, owner, leaseMs));
    const service = new RoundupService({ store, clock, defaultTimezone: 'Asia/Jakarta', logger: silentLogger, coordination: { owner: 'me', claims } });
    const slack = new RecordingDeliverer('slack');
    await service.subscribe(channel('C1'), {}, 'U1');
    await service.subscribe(channel('C2'), {}, 'U1');
    clock.set('2026-11-16T02:00:00Z');
    expect(await service.deliverDue([slack])).toMatchObject({ due: 2, delivered: 0, deferred: 2 });
    expect(slack.accepted).toHaveLength(0);
    clock.advance(5 * MINUTE);
    expect(await service.deliverDue([slack])).toMatchObject({ due: 2, delivered: 2, deferred: 0 });
    expect(slack.accepted.map((m) => m.target.channel).sort()).toEqual(['C1', 'C2']);
  });
});
