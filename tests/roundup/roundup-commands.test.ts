// The roundup commands through the real engine and store (temp data dir, seeds
// ingested), and delivery state surviving an engine restart.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { CommandContext } from '../../src/model/actor.js';
import type { Reply } from '../../src/model/reply.js';
import { shellText } from '../../adapters/shell/render-text.js';
import { RoundupScheduler } from '../../src/roundup/roundup-scheduler.js';
import { silentLogger } from '../../src/logger.js';
import { createTempEngine, type TempEngine } from '../support/temp-engine.js';
import { RecordingDeliverer } from './recording-deliverer.js';

const channel = { platform: 'slack' as const, workspace: 'T1', channel: 'C42' };
const admin: CommandContext = { actor: { platform: 'slack', id: 'UADMIN', isAdmin: true }, channel };
const user: CommandContext = { actor: { platform: 'slack', id: 'UUSER', isAdmin: false }, channel };

const opened: TempEngine[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.cleanup();
});

async function open(clock: ReturnType<typeof fixedClock>, dir?: string): Promise<TempEngine> {
  const t = await createTempEngine({}, { clock, ...(dir ? { dir } : {}) });
  opened.push(t);
  return t;
}

function text(reply: Reply): string {
  return reply.kind === 'message' ? shellText(reply.text) : `<${reply.kind}>`;
}

describe('roundup commands', () => {
  it('subscribe, list, preview and unsubscribe a channel', async () => {
    const clock = fixedClock('2026-11-18T03:00:00Z');
    const { engine } = await open(clock);

    expect(text(await engine.run('subscribe jumat 16:30 Asia/Tokyo ev', admin))).toBe(
      'This channel will get a weekly roundup every Friday at 16:30 (Asia/Tokyo), topics: electric-vehicles. Next: Fri 20 Nov 2026, 16:30.',
    );
    const list = await engine.run('subscriptions', user);
    expect(list.kind === 'subscriptions' && list.items).toMatchObject([
      { channel: 'C42', weekday: 5, time: '16:30', timezone: 'Asia/Tokyo', nextRunAt: '2026-11-20T07:30:00.000Z', paused: null },
    ]);

    const preview = await engine.run('roundup', user);
    expect(preview.kind).toBe('roundup');
    if (preview.kind === 'roundup') {
      expect(preview.preview).toBe(true);
      // Seeds were added "now": the first roundup covers them, filtered to the topic.
      expect(preview.roundup.lines.length).toBeGreaterThan(0);
      expect(preview.roundup.lines.every((l) => l.topic === 'Electric vehicles')).toBe(true);
    }

    expect(text(await engine.run('subscribe selasa 08:00 quiet:skip', admin))).toBe(
      'This channel will get a weekly roundup every Tuesday at 08:00 (Asia/Jakarta), all topics. Next: Tue 24 Nov 2026, 08:00. A week with nothing new posts nothing.',
    );
    const changed = await engine.run('subscriptions', user);
    expect(changed.kind === 'subscriptions' && changed.items.length).toBe(1);

    expect(text(await engine.run('unsubscribe', admin))).toBe('This channel will no longer get a weekly roundup.');
    const after = await engine.run('subscriptions', user);
    expect(after.kind === 'subscriptions' && after.items).toEqual([]);
  });

  it('refuses non-admins and bad schedules with an example', async () => {
    const { engine } = await open(fixedClock('2026-11-18T03:00:00Z'));
    expect(text(await engine.run('subscribe', user))).toMatch(/only admins/);
    expect(text(await engine.run('subscribe monday 25:00', admin))).toMatch(/Example: "\/brief subscribe monday 09:00 Asia\/Jakarta"/);
    expect(text(await engine.run('subscribe monday Mars/Base', admin))).toMatch(/not a timezone.*Example/);
    expect(text(await engine.run('subscribe mondai', admin))).toMatch(/"mondai" is not a day, time, timezone or topic.*Example/);
    expect(text(await engine.run('resume', admin))).toMatch(/no weekly roundup/);
    expect(text(await engine.run('subscribe', { actor: admin.actor }))).toMatch(/run this command in the channel/);
  });

  it('delivers through the real store once, and not again after a restart', async () => {
    const clock = fixedClock('2026-11-15T00:00:00Z');
    const first = await open(clock);
    await first.engine.run('subscribe', admin);
    const slack = new RecordingDeliverer('slack');
    const scheduler = new RoundupScheduler({ service: first.engine.probe().roundups(), deliverers: [slack], logger: silentLogger });
    clock.set('2026-11-16T02:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(slack.accepted).toHaveLength(1);
    const sent = slack.accepted[0]!.reply;
    expect(sent.kind === 'roundup' && sent.roundup.lines.length).toBeGreaterThan(0);
    await scheduler.stop();
    await first.engine.close();

    clock.set('2026-11-18T10:00:00Z');
    const second = await open(clock, first.dir);
    const again = new RoundupScheduler({ service: second.engine.probe().roundups(), deliverers: [slack], logger: silentLogger });
    await again.start();
    await again.stop();
    expect(slack.accepted).toHaveLength(1);
    const [info] = await second.engine.probe().roundups().list(channel);
    expect(info?.nextRunAt).toBe('2026-11-23T02:00:00.000Z');
  });
});
