// One real engine on a temp store plus the loopback feed site, for the feed tests:
// 127.0.0.1 is opened through the private-host switch (production keeps it closed).
import { shellText } from '../../adapters/shell/render-text.js';
import type { Clock } from '../../src/clock.js';
import type { CommandContext } from '../../src/model/actor.js';
import type { Reply } from '../../src/model/reply.js';
import { adminCtx, createTempEngine, type TempEngine } from '../support/temp-engine.js';
import { startFeedSite, type FeedSite } from './feed-server.js';

export const FEED_TEST_ENV = { RINGKAS_FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1', RINGKAS_FETCH_TIMEOUT_MS: '5000', RINGKAS_SEED_ON_EMPTY: 'false' };

export interface FeedWorld {
  site: FeedSite;
  t: TempEngine;
  /** Runs a command (as an admin unless told) and returns its text. */
  run(command: string, ctx?: CommandContext): Promise<string>;
  close(): Promise<void>;
}

/** A message reply as the shell writes it (command references as "/brief …"). */
export const replyText = (r: Reply): string => (r.kind === 'message' ? shellText(r.text) : `<${r.kind}>`);

/** The feed id in a "Now following … as f1a2b3c" answer. */
export const feedIdOf = (reply: string): string => /as (f[0-9a-f]+)/.exec(reply)?.[1] ?? '';

export async function openFeedWorld(clock: Clock, env: Record<string, string> = {}): Promise<FeedWorld> {
  const site = await startFeedSite();
  const t = await createTempEngine({ ...FEED_TEST_ENV, ...env }, { clock });
  return {
    site,
    t,
    run: async (command, ctx = adminCtx) => replyText(await t.engine.run(command, ctx)),
    async close() {
      await (await t.engine.probe().feeds()).idle();
      await t.cleanup();
      await site.close();
    },
  };
}
