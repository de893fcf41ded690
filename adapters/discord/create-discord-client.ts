// Starts the Discord side of Ringkas in gateway mode: a discord.js Client with the least it needs
// (Guilds intent, no mentions ever), the interaction handler, and the roundup deliverer. The
// client is shared with HTTP interactions mode (start-discord-http.ts), which never logs in.
import { Client, DefaultRestOptions, Events, GatewayIntentBits, type ClientOptions, type RESTOptions } from 'discord.js';
import type { Dispatcher } from 'undici';
import type { Config } from '../../src/config.js';
import type { DiscordConfig } from './discord-config.js';
import type { Logger } from '../../src/logger.js';
import { fetchThrough, hasProxy, proxyDispatcher } from '../../src/net/proxy-dispatcher.js';
import type { Deliverer } from '../../src/model/delivery.js';
import { createDiscordDeliverer } from './discord-deliverer.js';
import { createInteractionHandler, type DiscordEngine } from './discord-interactions.js';
import { fatalCloseMessage, isFatalClose } from './gateway-closes.js';
import { refuseProxiedGateway } from './gateway-proxy.js';
import { errorForLog } from './log-error.js';
import { botToken } from './discord-token.js';

export interface DiscordRuntime {
  client: Client;
  deliverer: Deliverer;
  stop(): Promise<void>;
}

type MakeRequest = NonNullable<RESTOptions['makeRequest']>;

/**
 * `wrapRequests` lets HTTP interactions mode route interaction callbacks to the open HTTP
 * request (initial-responses.ts); every other call goes out as before.
 */
export function createDiscordClient(discord: DiscordConfig, dispatcher?: Dispatcher, wrapRequests?: (next: MakeRequest) => MakeRequest): Client {
  const send: MakeRequest = dispatcher ? fetchThrough(dispatcher) : DefaultRestOptions.makeRequest;
  const makeRequest = wrapRequests ? wrapRequests(send) : dispatcher ? send : undefined;
  const options: ClientOptions = {
    // Slash commands arrive as interactions; no message content or member intents are needed.
    intents: [GatewayIntentBits.Guilds],
    // Article text must never ping @everyone, a role or a user.
    allowedMentions: { parse: [] },
    rest: {
      ...(discord.apiUrl ? { api: discord.apiUrl } : {}),
      // REST calls through HTTP(S)_PROXY. (The gateway WebSocket cannot: see decision 018.)
      ...(makeRequest ? { makeRequest } : {}),
    },
  };
  return new Client(options);
}

/** How long login may take before a gateway that cannot be reached counts as a failed start. */
export const LOGIN_TIMEOUT_MS = 30_000;

export interface StartDiscordOptions {
  config: Config;
  /** Discord's own settings (discord-config.ts). */
  discord: DiscordConfig;
  engine: DiscordEngine;
  logger: Logger;
  /**
   * Called once if the gateway closes for good after start-up (token revoked, 4010–4014): the
   * caller stops the process with the message. Without it the error is only logged.
   */
  onFatal?: (error: Error) => void;
  loginTimeoutMs?: number;
}

export async function startDiscord(deps: StartDiscordOptions): Promise<DiscordRuntime> {
  const discord = deps.discord;
  const logger = deps.logger.child({ platform: 'discord' });
  const client = createDiscordClient(discord, proxyDispatcher(deps.config.proxy));
  const handle = createInteractionHandler({
    engine: deps.engine,
    logger,
    rest: client.rest,
    attachmentHosts: discord.apiUrl ? [new URL(discord.apiUrl).host] : [],
  });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  watchConnection(client, logger);

  let started = false;
  let fatalCode: number | null = null;
  client.on(Events.ShardDisconnect, (event) => {
    if (!isFatalClose(event.code) || fatalCode !== null) return;
    fatalCode = event.code;
    if (!started) return; // login is failing: the catch below reports it
    const error = new Error(fatalCloseMessage(event.code));
    logger.fatal({ event: 'discord_gateway_fatal_close', code: event.code }, error.message);
    deps.onFatal?.(error);
  });

  if (hasProxy(deps.config.proxy)) {
    try {
      // login() sets the token too; the gateway's address is asked for before it.
      client.rest.setToken(botToken(discord.token));
      await refuseProxiedGateway(client.rest, deps.config.proxy);
    } catch (error) {
      logger.error({ event: 'discord_gateway_proxied' }, 'the gateway cannot use the proxy');
      await client.destroy();
      throw error;
    }
  }
  const timeoutMs = deps.loginTimeoutMs ?? LOGIN_TIMEOUT_MS;
  try {
    await withDeadline(client.login(botToken(discord.token)), timeoutMs);
  } catch (error) {
    logger.error({ event: 'discord_login_failed', code: fatalCode, err: errorForLog(error) }, 'login failed');
    await client.destroy();
    throw new Error(loginFailure(error, fatalCode, timeoutMs), { cause: error });
  }
  started = true;
  logger.info({ event: 'discord_ready', user: client.user?.tag, appId: client.application?.id }, 'connected');

  return {
    client,
    deliverer: createDiscordDeliverer(client.rest, logger),
    stop: async () => {
      await client.destroy();
      logger.info({ event: 'discord_stopped' }, 'stopped');
    },
  };
}

class LoginTimeout extends Error {}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LoginTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Says which part of the start failed: the gateway's close code, reaching Discord at all, or the token. */
function loginFailure(error: unknown, fatalCode: number | null, timeoutMs: number): string {
  if (fatalCode !== null) return `Discord start-up failed: ${fatalCloseMessage(fatalCode)}`;
  if (error instanceof LoginTimeout) {
    return `Discord start-up failed: could not connect to the Discord gateway within ${Math.round(timeoutMs / 1000)} s: network, firewall or proxy.`;
  }
  const network = networkCode(error);
  if (network) return `Discord start-up failed: could not reach Discord (${network}): network or proxy. Check the connection, or HTTPS_PROXY / NO_PROXY.`;
  return 'Discord login failed: check RINGKAS_DISCORD_TOKEN (the bot token from the Developer Portal).';
}

export function networkCode(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code)) return code;
  }
  return null;
}

/** discord.js reconnects and resumes on its own; we only make it visible in the log. */
function watchConnection(client: Client, logger: Logger): void {
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ event: 'discord_disconnected', shard, code: event.code }, 'gateway closed for good'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ event: 'discord_reconnecting', shard }, 'reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ event: 'discord_resumed', shard, replayed }, 'resumed'));
  client.on(Events.ShardError, (error, shard) => logger.warn({ event: 'discord_shard_error', shard, err: errorForLog(error) }, 'gateway error'));
  client.on(Events.Error, (error) => logger.error({ event: 'discord_client_error', err: errorForLog(error) }, 'client error'));
}
