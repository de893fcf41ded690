// Starts the Slack side of Ringkas: checks the bot token (auth.test), then listens for
// HTTP requests behind the timestamp guard, or connects over Socket Mode. Returns the
// Deliverer the roundup scheduler posts through.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../src/clock.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { fetchThrough, proxyDispatcher } from '../../src/net/proxy-dispatcher.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackApp, DEFAULT_COMMAND, type CreateSlackAppOptions, type SlackAppParts } from './create-slack-app.js';
import { guardedListener } from './request-guard.js';
import { errorCode } from './slack-admin.js';
import type { SlackConfig } from './slack-config.js';
import { SlackDeliverer } from './slack-deliverer.js';
import { listenMessage, slackStartMessage } from './slack-start-errors.js';
import { checkBotToken, type BotIdentity, type StartupRetry } from './slack-token-check.js';
import type { SlackEngine } from './slack-deps.js';

export interface StartSlackOptions {
  config: Config;
  /** Slack's own settings (slack-config.ts). */
  slack: SlackConfig;
  engine: SlackEngine;
  logger: Logger;
  clock?: Clock;
  /** Where to listen in HTTP mode; defaults to slack.port on all interfaces. Tests use port 0 on 127.0.0.1. */
  listen?: { port?: number; host?: string };
  retryConfig?: CreateSlackAppOptions['retryConfig'];
  ackDeadlineMs?: number;
  inAckBudgetMs?: number;
  /** Bounds the start-up auth.test; tests shorten it. */
  startupRetry?: StartupRetry;
}

export interface SlackHandle {
  app: SlackAppParts['app'];
  /** The HTTP port actually bound (HTTP mode only). */
  port?: number;
  deliverer: SlackDeliverer;
  stop(): Promise<void>;
}

export async function startSlack(options: StartSlackOptions): Promise<SlackHandle> {
  const slack = options.slack;
  const clock = options.clock ?? systemClock;
  const dispatcher = proxyDispatcher(options.config.proxy);
  let identity: BotIdentity;
  try {
    identity = await checkBotToken(slack, {
      ...(options.startupRetry ? { retry: options.startupRetry } : {}),
      ...(dispatcher ? { fetch: fetchThrough(dispatcher) } : {}),
      logger: boltLogger(options.logger),
    });
  } catch (error) {
    options.logger.error({ event: 'slack_start_failed', call: 'auth.test', code: errorCode((error as Error).cause) }, 'Slack start-up check failed');
    throw error;
  }
  const { app, receiver } = createSlackApp({
    config: { slack },
    engine: options.engine,
    logger: options.logger,
    clock,
    identity,
    ...(dispatcher ? { dispatcher } : {}),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(options.ackDeadlineMs ? { ackDeadlineMs: options.ackDeadlineMs } : {}),
    ...(options.inAckBudgetMs ? { inAckBudgetMs: options.inAckBudgetMs } : {}),
  });
  await app.init();
  const deliverer = new SlackDeliverer(app.client as never, options.logger, slack.command ?? DEFAULT_COMMAND);

  if (!receiver) {
    try {
      await app.start();
    } catch (error) {
      options.logger.error({ event: 'slack_start_failed', call: 'apps.connections.open', code: errorCode(error) }, 'Socket Mode failed to connect');
      await app.stop().catch(() => undefined);
      throw new Error(slackStartMessage(error, 'apps.connections.open', 'RINGKAS_SLACK_APP_TOKEN (an app-level token with connections:write)'), { cause: error });
    }
    options.logger.info({ event: 'slack_started', mode: 'socket' }, 'Slack connected (Socket Mode)');
    return { app, deliverer, stop: () => app.stop().then(() => undefined) };
  }
  const server = createServer(guardedListener(receiver.requestListener, clock, options.logger));
  const wanted = options.listen?.port ?? slack.port;
  let port: number;
  try {
    port = await listen(server, wanted, options.listen?.host);
  } catch (error) {
    throw new Error(listenMessage(error, wanted), { cause: error });
  }
  options.logger.info({ event: 'slack_started', mode: 'http', port }, 'Slack listening (HTTP)');
  return {
    app,
    port,
    deliverer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
