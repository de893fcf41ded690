// The engine is a small facade: operations (parse, execute, complete, commands, startRoundups, startFeeds)
// and one named, read-only test seam (probe). Its services stay inside; adapters and tests that
// reached into them coupled themselves to every internal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingDeliverer } from '../roundup/recording-deliverer.js';
import { adminCtx, createTempEngine, type TempEngine } from '../support/temp-engine.js';

let t: TempEngine;
beforeAll(async () => {
  t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' });
});
afterAll(async () => {
  await t?.cleanup();
});

describe('Engine facade', () => {
  it('keeps its services private', () => {
    expect((t.engine as unknown as Record<string, unknown>).services).toBeUndefined();
    expect(Object.keys(t.engine)).not.toContain('services');
  });

  it('startRoundups posts through the given deliverers and stops cleanly', async () => {
    await t.engine.execute({ name: 'subscribe', schedule: {} }, { ...adminCtx, channel: { platform: 'shell', workspace: 'local', channel: 'c' } });
    const roundups = t.engine.startRoundups([new RecordingDeliverer('shell')]);
    await roundups.stop();
    expect(t.engine.probe().subscriptions()).toHaveLength(1);
  });

  it('the probe reads, it does not expose the store', () => {
    const probe = t.engine.probe();
    expect(Object.keys(probe).sort()).toEqual(['articleCount', 'articles', 'audit', 'clearAnswerCache', 'feeds', 'roundups', 'storedArticlesIndexed', 'subscriptions']);
    expect(probe.audit().at(-1)).toMatchObject({ command: 'subscribe', outcome: 'ok' });
  });

  it('startFeeds polls the feeds the commands manage, and stops cleanly', async () => {
    const feeds = t.engine.startFeeds();
    await feeds.stop();
    const reply = await t.engine.run('feeds', adminCtx);
    expect(reply).toMatchObject({ kind: 'message', text: expect.arrayContaining([expect.stringContaining('No feeds are followed yet')]) });
    expect((await t.engine.probe().feeds()).list()).toEqual([]);
  });
});
