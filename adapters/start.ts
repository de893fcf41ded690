// Entry point: read config once, open the engine, start every platform that has
// credentials; with none, run the terminal shell (Hubot's convention).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { Engine } from '../src/engine.js';
import { isRingkasError } from '../src/errors.js';
import { createLogger, type Logger } from '../src/logger.js';
import type { Deliverer } from '../src/model/delivery.js';
import { readPlatformConfigs, type PlatformConfigs } from './platform-config.js';
import { ShellDeliverer } from './shell/shell-deliverer.js';
import { runShell } from './shell/shell-session.js';

interface Running {
  name: string;
  stop(): Promise<void>;
  /** Where this adapter posts weekly roundups, if it can. */
  deliverer?: Deliverer;
}

const NOTHING_TO_DO = [
  'no Slack or Discord credentials are set and standard input gave no commands, so there is nothing to do.',
  '  To connect: set RINGKAS_SLACK_BOT_TOKEN with RINGKAS_SLACK_SIGNING_SECRET or RINGKAS_SLACK_APP_TOKEN, or RINGKAS_DISCORD_TOKEN',
  '  (in .env, copied from .env.example; with Docker: docker run --env-file .env ...).',
  "  For the shell: run it in a terminal (with Docker: docker run -it ...), or pipe commands: printf '/brief ijepa\\n' | npm start",
].join('\n');

function fail(message: string): never {
  process.stderr.write(`ringkas: ${message}\n`);
  process.exit(1);
}

function makeLogger(config: Config, shellOnly: boolean): Logger {
  if (!shellOnly) return createLogger({ level: config.logLevel });
  // In the shell, logs would garble the conversation: they go to a file.
  mkdirSync(config.dataDir, { recursive: true });
  const file = pino.destination({ dest: path.join(config.dataDir, 'ringkas.log'), sync: true });
  return createLogger({ level: config.logLevel, destination: file as unknown as NodeJS.WritableStream });
}

async function main(): Promise<void> {
  let config: Config;
  let platforms: PlatformConfigs;
  try {
    config = loadConfig();
    platforms = readPlatformConfigs(config.env);
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  const shellOnly = !platforms.slack && !platforms.discord;
  const logger = makeLogger(config, shellOnly);
  let engine: Engine;
  try {
    engine = await Engine.open({ config, logger });
  } catch (e) {
    if (isRingkasError(e)) fail(e.message);
    throw e;
  }

  if (shellOnly) {
    // Roundups for the terminal only in an interactive session: piped runs are one-shot scripts.
    const roundups = process.stdin.isTTY ? engine.startRoundups([new ShellDeliverer(process.stdout)]) : null;
    const feeds = process.stdin.isTTY ? engine.startFeeds() : null;
    const lines = await runShell({
      engine,
      ctx: { actor: { platform: 'shell', id: config.shell.user, isAdmin: config.shell.admin }, channel: { platform: 'shell', workspace: 'local', channel: 'terminal' } },
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    });
    await feeds?.stop();
    await roundups?.stop();
    await engine.close();
    // No platform, no terminal and no commands (e.g. `docker run` without -it): exiting 0 in
    // silence would look like a bot that started. Say what to do instead.
    if (!process.stdin.isTTY && lines === 0) fail(NOTHING_TO_DO);
    return;
  }

  const running: Running[] = [];
  const stopAll = async () => {
    for (const r of [...running].reverse()) await r.stop().catch((err: unknown) => logger.error({ event: 'stop_failed', adapter: r.name, err }, 'stop failed'));
  };
  try {
    // Platform SDKs are loaded only when configured: the shell needs neither.
    if (platforms.slack) {
      const { startSlack } = await import('./slack/start-slack.js');
      const slack = await startSlack({ config, slack: platforms.slack, engine, logger });
      running.push({ name: 'slack', stop: slack.stop, deliverer: slack.deliverer });
    }
    if (platforms.discord) {
      const { startDiscord } = await import('./discord/create-discord-client.js');
      const { startDiscordHttp } = await import('./discord/start-discord-http.js');
      // A gateway closed for good (token revoked, 4010–4014) leaves nothing to serve: stop, and exit
      // non-zero with the reason so a supervisor restarts or alerts.
      const onFatal = (error: Error) => void stopAll().then(() => engine.close()).finally(() => fail(error.message));
      const options = { config, discord: platforms.discord, engine, logger, onFatal };
      const discord = platforms.discord.interactions ? await startDiscordHttp(options) : await startDiscord(options);
      running.push({ name: 'discord', stop: discord.stop, deliverer: discord.deliverer });
    }
  } catch (e) {
    logger.error({ event: 'start_failed', err: e }, 'a platform failed to start');
    await stopAll();
    await engine.close();
    fail(e instanceof Error ? e.message : String(e));
  }

  // Keep this after every adapter: roundups start once the adapters are up, posting
  // through the running ones' deliverers, and are stopped first on shutdown.
  const roundups = engine.startRoundups(running.flatMap((r) => (r.deliverer ? [r.deliverer] : [])));
  running.push({ name: 'roundups', stop: () => roundups.stop() });
  // Followed feeds poll in the background; stopped before the engine closes so feed state is written.
  const feeds = engine.startFeeds();
  running.push({ name: 'feeds', stop: () => feeds.stop() });
  const shutdown = async (signal: string) => {
    logger.info({ event: 'shutdown', signal }, 'shutting down');
    await stopAll();
    await engine.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`ringkas: could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
