// Builds the Bolt App (HTTP receiver or Socket Mode) with every Ringkas handler
// registered. Listening is separate (start-slack.ts) so the HTTP side can sit behind
// the timestamp guard.
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Dispatcher } from 'undici';
import type { Clock } from '../../src/clock.js';
import type { SlackConfig } from './slack-config.js';
import type { Logger } from '../../src/logger.js';
import { fetchThrough } from '../../src/net/proxy-dispatcher.js';
import { registerAddArticleModal } from './add-article-modal.js';
import { boltLogger } from './bolt-logger.js';
import { EngineLane } from './engine-lane.js';
import { registerCommand } from './command-handler.js';
import { RecentDeliveries } from './recent-deliveries.js';
import { registerShareAction } from './share-action.js';
import { SlackAdmins } from './slack-admin.js';
import type { SlackDeps, SlackEngine } from './slack-deps.js';
import type { BotIdentity } from './slack-token-check.js';

/** The slash command in the app manifest (manifest.yaml), unless RINGKAS_SLACK_COMMAND names another. */
export const DEFAULT_COMMAND = '/brief';

type RetryOptions = NonNullable<NonNullable<ConstructorParameters<typeof webApi.WebClient>[1]>['retryConfig']>;

export interface CreateSlackAppOptions {
  config: { slack: SlackConfig };
  engine: SlackEngine;
  logger: Logger;
  clock: Clock;
  /** Web API retry policy; the default gives up after about five minutes. */
  retryConfig?: RetryOptions;
  ackDeadlineMs?: number;
  inAckBudgetMs?: number;
  adminCacheMs?: number;
  /** From the start-up auth.test (slack-token-check.ts): Bolt then skips its own, unbounded one. */
  identity?: BotIdentity;
  /** The outbound proxy, for Web API calls and the Socket Mode connection. */
  dispatcher?: Dispatcher;
}

export interface SlackAppParts {
  app: App;
  /** Present in HTTP mode: Bolt's request listener (wrap it, then listen). */
  receiver: HTTPReceiver | null;
  deps: SlackDeps;
}

export function createSlackApp(options: CreateSlackAppOptions): SlackAppParts {
  const { slack } = options.config;
  const logger = boltLogger(options.logger);
  const clientOptions = {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/` } : {}),
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    ...(options.dispatcher ? { fetch: fetchThrough(options.dispatcher) } : {}),
  };
  // HTTP mode wins when both are configured: it needs no outbound websocket.
  const receiver = slack.signingSecret
    ? new HTTPReceiver({ signingSecret: slack.signingSecret, logger, processBeforeResponse: false })
    : null;
  const socket = receiver
    ? null
    : new SocketModeReceiver({
        appToken: slack.appToken!,
        logger,
        installerOptions: { clientOptions: { ...clientOptions } },
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
  const app = new App({
    token: slack.botToken,
    logger,
    clientOptions,
    deferInitialization: true,
    receiver: receiver ?? socket!,
    ...(options.identity ? { botId: options.identity.botId, botUserId: options.identity.botUserId, tokenVerificationEnabled: false } : {}),
  });

  const commands = options.engine.commands();
  const deps: SlackDeps = {
    engine: options.engine,
    admins: new SlackAdmins({ isConfiguredAdmin: (id) => options.engine.isConfiguredAdmin({ platform: 'slack', id }), client: app.client, clock: options.clock, logger: options.logger, ...(options.adminCacheMs ? { ttlMs: options.adminCacheMs } : {}) }),
    deliveries: new RecentDeliveries(options.engine),
    logger: options.logger,
    command: slack.command ?? DEFAULT_COMMAND,
    ackDeadlineMs: options.ackDeadlineMs ?? 2000,
    inAckBudgetMs: options.inAckBudgetMs ?? 1000,
    lane: new EngineLane(),
    adminCommands: new Set(commands.filter((c) => c.adminOnly).map((c) => c.name)),
    shareable: new Set(commands.filter((c) => c.shareable).map((c) => c.name)),
  };
  registerCommand(app, deps);
  registerShareAction(app, deps);
  registerAddArticleModal(app, deps);
  app.error(async (error) => {
    options.logger.error({ event: 'slack_unhandled_error', code: (error as { code?: string }).code, err: error }, 'unhandled error in a Slack handler');
  });
  return { app, receiver, deps };
}
