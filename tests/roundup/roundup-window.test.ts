import { describe, expect, it } from 'vitest';
import { article } from './memory-roundup-store.js';
import { channel, harness, MINUTE } from './roundup-harness.js';

function storyIds(h: ReturnType<typeof harness>, i: number): string[] {
  const reply = h.slack.accepted[i]!.reply;
  return reply.kind === 'roundup' ? reply.roundup.lines.map((l) => l.storyId).sort() : [];
}

describe('what a roundup covers', () => {
  it('paused before its first roundup and resumed weeks later: covers everything since the subscription began', async () => {
    const h = harness('2026-11-01T00:00:00Z');
    await h.service.subscribe(channel(), {}, 'U1');
    h.slack.script = [{ ok: false, failure: { kind: 'permanent', reason: 'not_in_channel' } }];
    await h.runUntil('2026-11-02T03:00:00Z', 10 * MINUTE);
    expect((await h.service.list())[0]!.paused).toBe('not_in_channel');
    h.store.articles = [
      article({ id: 'week1', addedAt: '2026-11-01T12:00:00Z' }),
      article({ id: 'week2', addedAt: '2026-11-12T00:00:00Z' }),
      article({ id: 'week4', addedAt: '2026-11-25T00:00:00Z' }),
    ];
    h.clock.set('2026-11-30T05:00:00Z');
    await h.service.resume(channel());
    await h.runUntil('2026-11-30T06:00:00Z', 10 * MINUTE);
    expect(h.slack.accepted).toHaveLength(1);
    expect(storyIds(h, 0)).toEqual(['week1', 'week2', 'week4']);
    const reply = h.slack.accepted[0]!.reply;
    expect(reply.kind === 'roundup' && reply.roundup.since).toBe('2026-11-01T00:00:00.000Z');
  });

  it('a new subscription’s first roundup still covers the week before its slot', async () => {
    const h = harness('2026-11-15T00:00:00Z');
    await h.service.subscribe(channel(), {}, 'U1');
    h.store.articles = [article({ id: 'before', addedAt: '2026-11-10T00:00:00Z' })];
    await h.runUntil('2026-11-16T03:00:00Z', 10 * MINUTE);
    expect(storyIds(h, 0)).toEqual(['before']);
  });
});
