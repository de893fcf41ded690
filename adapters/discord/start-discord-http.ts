// Starts Discord in HTTP interactions mode (RINGKAS_DISCORD_MODE=http): no gateway connection.
// Discord posts interactions to the endpoint; they are turned into the same discord.js
// interaction objects the gateway delivers and answered by the same handler. Edits, follow-ups,
// Share posts and roundups go out through discord.js's REST client (and the proxy, if any).
import { Routes, type Client, type Interaction } from 'discord.js';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { proxyDispatcher } from '../../src/net/proxy-dispatcher.js';
import { createDiscordClient, networkCode, type DiscordRuntime, type StartDiscordOptions } from './create-discord-client.js';
import { createDiscordDeliverer } from './discord-deliverer.js';
import { createInteractionHandler } from './discord-interactions.js';
import { botToken } from './discord-token.js';
import { InitialResponses } from './initial-responses.js';
import { createInteractionsEndpoint } from './interactions-endpoint.js';
import { errorForLog } from './log-error.js';

export interface StartDiscordHttpOptions extends StartDiscordOptions {
  /** Where to listen; defaults to RINGKAS_DISCORD_PORT on all interfaces. Tests use port 0 on 127.0.0.1. */
  listen?: { port?: number; host?: string };
  /** Injected clock for the timestamp check. */
  now?: () => number;
}

/** How long the start-up token check may take before Discord counts as unreachable. */
const TOKEN_CHECK_MS = 30_000;

export async function startDiscordHttp(deps: StartDiscordHttpOptions): Promise<DiscordRuntime & { port: number }> {
  const { discord } = deps;
  const endpoint = discord.interactions;
  if (!endpoint) throw new Error('Discord HTTP interactions mode is not configured (RINGKAS_DISCORD_MODE=http).');
  const logger = deps.logger.child({ platform: 'discord', mode: 'http' });
  const responses = new InitialResponses();
  const client = createDiscordClient(discord, proxyDispatcher(deps.config.proxy), (next) => responses.intercept(next));
  // No login: the token is only for REST calls (Share, roundups, the check below).
  client.rest.setToken(botToken(discord.token));
  const handle = createInteractionHandler({
    engine: deps.engine,
    logger,
    rest: client.rest,
    attachmentHosts: discord.apiUrl ? [new URL(discord.apiUrl).host] : [],
  });
  try {
    await checkToken(client);
    const server = createInteractionsEndpoint({
      publicKey: endpoint.publicKey,
      responses,
      firstTime: (key, ttlMs) => deps.engine.firstTime(key, ttlMs),
      logger,
      ...(deps.now ? { now: deps.now } : {}),
      run: (payload, receivedAt) => {
        const interaction = toInteraction(client, payload);
        return interaction ? handle(interaction, receivedAt) : Promise.resolve();
      },
    });
    const port = await listen(server, deps.listen?.port ?? endpoint.port, deps.listen?.host);
    logger.info({ event: 'discord_http_listening', port }, 'listening for interactions');
    return {
      client,
      port,
      deliverer: createDiscordDeliverer(client.rest, logger),
      stop: async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await client.destroy();
        logger.info({ event: 'discord_stopped' }, 'stopped');
      },
    };
  } catch (error) {
    await client.destroy();
    throw error;
  }
}

/**
 * The discord.js interaction for a raw payload, built by the same action the gateway's
 * INTERACTION_CREATE runs (so both modes see identical objects); null for types discord.js skips.
 * `actions` is internal to discord.js: the cast is the one place that relies on it.
 */
function toInteraction(client: Client, payload: unknown): Interaction | null {
  const actions = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions;
  let built: Interaction | null = null;
  const capture = (i: Interaction) => (built = i);
  client.on('interactionCreate', capture);
  try {
    actions.InteractionCreate.handle(payload);
  } finally {
    client.off('interactionCreate', capture);
  }
  return built;
}

/** A wrong token would only show when someone presses Share: check it at start, bounded. */
async function checkToken(client: Client): Promise<void> {
  try {
    await client.rest.get(Routes.currentApplication(), { signal: AbortSignal.timeout(TOKEN_CHECK_MS) });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401) throw new Error('Discord start-up failed: check RINGKAS_DISCORD_TOKEN (the bot token from the Developer Portal).', { cause: error });
    const network = networkCode(error) ?? ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError' ? 'timeout' : null);
    if (network) throw new Error(`Discord start-up failed: could not reach Discord (${network}): network or proxy. Check the connection, or HTTPS_PROXY / NO_PROXY.`, { cause: error });
    throw new Error(`Discord start-up failed: ${errorForLog(error).message}`, { cause: error });
  }
}

async function listen(server: ReturnType<typeof createInteractionsEndpoint>, port: number, host?: string): Promise<number> {
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'EADDRINUSE' ? 'is already in use' : code === 'EACCES' ? 'needs privileges (use 1024 or above)' : `cannot be used (${code ?? 'unknown error'})`;
    throw new Error(`Discord HTTP interactions mode: port ${port} ${why}. Set RINGKAS_DISCORD_PORT to a free port.`, { cause: error });
  }
  return (server.address() as AddressInfo).port;
}
