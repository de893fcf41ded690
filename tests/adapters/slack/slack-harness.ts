// One real Bolt app on loopback, a real engine on a temp store, and the fake Web API.
// The engine is wrapped in a counting object (not a mock): every call goes through to
// the real engine, and tests can hold a look-up, make one fail on purpose, or make the
// de-dup ledger slow (as a busy shared database would be).
import type { SlackEngine } from '../../../adapters/slack/slack-deps.js';
import { startSlack, type SlackHandle } from '../../../adapters/slack/start-slack.js';
import { readSlackConfig } from '../../../adapters/slack/slack-config.js';
import type { ArticleFetcher } from '../../../src/fetch/article-fetcher.js';
import type { CommandContext } from '../../../src/model/actor.js';
import type { Command } from '../../../src/model/command.js';
import { silentLogger } from '../../../src/logger.js';
import { createTempEngine, type TempEngine } from '../../support/temp-engine.js';
import { FakeSlackApi } from '../../platform/fake-slack-api.js';
import { SIGNING_SECRET } from './signed-request.js';

export interface Harness {
  fake: FakeSlackApi;
  temp: TempEngine;
  slack: SlackHandle;
  counts: { parse: number; execute: number };
  /** Look-ups for these queries wait until the returned release() is called. */
  hold(query: string): () => void;
  /** Look-ups for these queries throw (as an engine bug would). */
  explode: Set<string>;
  /** The de-dup ledger answers this many ms late (0: at once). */
  ledgerDelayMs: { value: number };
  stop(): Promise<void>;
}

/** Answers any URL with a small made-up article, so URL adds never touch the network. */
const fakeFetcher: ArticleFetcher = async (url) => ({
  link: url,
  canonicalUrl: url,
  title: 'Made-up page about roadside charging pilots',
  text: [
    'Made-up page about roadside charging pilots.',
    'A pilot of roadside charging points started in Bandung with 40 chargers, the organisers said on Monday. The chargers sit along the main toll road and accept both cars and electric motorcycles.',
    'The organisers said the pilot will run for six months before the city decides whether to add 200 more chargers. Drivers pay by phone, and the first hour is free during the trial.',
    'Local officials said the project is part of a wider plan to cut transport emissions, with support from two Japanese equipment makers that supply the charging hardware and training for technicians.',
  ].join('\n\n'),
});

export interface HarnessOptions {
  ackDeadlineMs?: number;
  inAckBudgetMs?: number;
  /** More RINGKAS_* settings for the engine (e.g. a shared RINGKAS_DATABASE_URL). */
  env?: Record<string, string>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await new FakeSlackApi().start();
  fake.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
  fake.users.set('UMEMBER', { id: 'UMEMBER' });
  const temp = await createTempEngine(
    { RINGKAS_SLACK_BOT_TOKEN: 'xoxb-test-token', RINGKAS_SLACK_SIGNING_SECRET: SIGNING_SECRET, RINGKAS_SLACK_API_URL: fake.apiUrl, ...options.env },
    { fetcher: fakeFetcher },
  );
  const counts = { parse: 0, execute: 0 };
  const holds = new Map<string, Promise<void>>();
  const explode = new Set<string>();
  const ledgerDelayMs = { value: 0 };
  const real = temp.engine;
  const engine: SlackEngine = {
    parse: (text) => {
      counts.parse += 1;
      return real.parse(text);
    },
    execute: async (command: Command, ctx: CommandContext) => {
      counts.execute += 1;
      if (command.name === 'brief') {
        await holds.get(command.query);
        if (explode.has(command.query)) throw new Error('engine exploded (on purpose)');
      }
      return real.execute(command, ctx);
    },
    isSlow: (command) => real.isSlow(command),
    commands: () => real.commands(),
    isConfiguredAdmin: (actor) => real.isConfiguredAdmin(actor),
    firstTime: async (key, ttlMs) => {
      if (ledgerDelayMs.value > 0) await new Promise((resolve) => setTimeout(resolve, ledgerDelayMs.value));
      return real.firstTime(key, ttlMs);
    },
  };
  const slack = await startSlack({
    config: temp.config,
    slack: readSlackConfig(temp.config.env)!,
    engine,
    logger: silentLogger,
    listen: { port: 0, host: '127.0.0.1' },
    retryConfig: { retries: 3, minTimeout: 0, maxTimeout: 5 },
    ...(options.ackDeadlineMs ? { ackDeadlineMs: options.ackDeadlineMs } : {}),
    ...(options.inAckBudgetMs ? { inAckBudgetMs: options.inAckBudgetMs } : {}),
  });
  return {
    fake,
    temp,
    slack,
    counts,
    explode,
    ledgerDelayMs,
    hold(query) {
      let release!: () => void;
      holds.set(query, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(query);
        release();
      };
    },
    async stop() {
      await slack.stop();
      await fake.stop();
      await temp.cleanup();
    },
  };
}
