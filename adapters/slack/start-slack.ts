// Starts the Slack side of Ringkas: checks the bot token (auth.test), then listens for
// HTTP requests behind the timestamp guard, or connects over Socket Mode. Returns the
// Deliverer the roundup scheduler posts through.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../src/clock.js';
import type { Config } from '../../src/config.js';
import { RingkasError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { createSlackApp, DEFAULT_COMMAND, type CreateSlackAppOptions, type SlackAppParts } from './create-slack-app.js';
import { guardedListener } from './request-guard.js';
import { errorCode } from './slack-admin.js';
import { SlackDeliverer } from './slack-deliverer.js';
import type { SlackEngine } from './slack-deps.js';

export interface StartSlackOptions {
  config: Config;
  engine: SlackEngine;
  logger: Logger;
  clock?: Clock;
  /** Where to listen in HTTP mode; defaults to config.slack.port on all interfaces. Tests use port 0 on 127.0.0.1. */
  listen?: { port?: number; host?: string };
  retryConfig?: CreateSlackAppOptions['retryConfig'];
  ackDeadlineMs?: number;
  inAckBudgetMs?: number;
}

export interface SlackHandle {
  app: SlackAppParts['app'];
  /** The HTTP port actually bound (HTTP mode only). */
  port?: number;
  deliverer: SlackDeliverer;
  stop(): Promise<void>;
}

export async function startSlack(options: StartSlackOptions): Promise<SlackHandle> {
  const slack = options.config.slack;
  if (!slack) throw new RingkasError('bad_input', 'Slack is not configured (set RINGKAS_SLACK_BOT_TOKEN).');
  const clock = options.clock ?? systemClock;
  const { app, receiver } = createSlackApp({
    config: { slack },
    engine: options.engine,
    logger: options.logger,
    clock,
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(options.ackDeadlineMs ? { ackDeadlineMs: options.ackDeadlineMs } : {}),
    ...(options.inAckBudgetMs ? { inAckBudgetMs: options.inAckBudgetMs } : {}),
  });
  try {
    await app.init();
  } catch (error) {
    options.logger.error({ event: 'slack_start_failed', code: errorCode(error) }, 'Slack rejected the bot token');
    throw new Error(`Slack start-up failed: auth.test said "${errorCode(error)}". Check RINGKAS_SLACK_BOT_TOKEN.`, { cause: error });
  }
  const deliverer = new SlackDeliverer(app.client as never, options.logger, slack.command ?? DEFAULT_COMMAND);

  if (!receiver) {
    await app.start();
    options.logger.info({ event: 'slack_started', mode: 'socket' }, 'Slack connected (Socket Mode)');
    return { app, deliverer, stop: () => app.stop().then(() => undefined) };
  }
  const server = createServer(guardedListener(receiver.requestListener, clock, options.logger));
  const port = await listen(server, options.listen?.port ?? slack.port, options.listen?.host);
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
