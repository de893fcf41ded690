// Starts the Discord side of Ringkas: a discord.js Client with the least it needs (Guilds intent,
// no mentions ever), the interaction handler, and the roundup deliverer.
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config, DiscordConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import type { Deliverer } from '../../src/model/delivery.js';
import { createDiscordDeliverer } from './discord-deliverer.js';
import { createInteractionHandler, type DiscordEngine } from './discord-interactions.js';
import { errorForLog } from './log-error.js';
import { botToken } from './discord-token.js';

export interface DiscordRuntime {
  client: Client;
  deliverer: Deliverer;
  stop(): Promise<void>;
}

export function createDiscordClient(discord: DiscordConfig): Client {
  const options: ClientOptions = {
    // Slash commands arrive as interactions; no message content or member intents are needed.
    intents: [GatewayIntentBits.Guilds],
    // Article text must never ping @everyone, a role or a user.
    allowedMentions: { parse: [] },
    ...(discord.apiUrl ? { rest: { api: discord.apiUrl } } : {}),
  };
  return new Client(options);
}

export async function startDiscord(deps: { config: Config; engine: DiscordEngine; logger: Logger }): Promise<DiscordRuntime> {
  const discord = deps.config.discord;
  if (!discord) throw new Error('Discord is not configured (set RINGKAS_DISCORD_TOKEN).');
  const logger = deps.logger.child({ platform: 'discord' });
  const client = createDiscordClient(discord);
  const handle = createInteractionHandler({
    engine: deps.engine,
    logger,
    rest: client.rest,
    attachmentHosts: discord.apiUrl ? [new URL(discord.apiUrl).host] : [],
  });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  watchConnection(client, logger);

  try {
    await client.login(botToken(discord.token));
  } catch (error) {
    logger.error({ event: 'discord_login_failed', err: errorForLog(error) }, 'login failed');
    await client.destroy();
    throw new Error('Discord login failed: check RINGKAS_DISCORD_TOKEN (the bot token from the Developer Portal).', { cause: error });
  }
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

/** discord.js reconnects and resumes on its own; we only make it visible in the log. */
function watchConnection(client: Client, logger: Logger): void {
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ event: 'discord_disconnected', shard, code: event.code }, 'gateway closed for good'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ event: 'discord_reconnecting', shard }, 'reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ event: 'discord_resumed', shard, replayed }, 'resumed'));
  client.on(Events.ShardError, (error, shard) => logger.warn({ event: 'discord_shard_error', shard, err: errorForLog(error) }, 'gateway error'));
  client.on(Events.Error, (error) => logger.error({ event: 'discord_client_error', err: errorForLog(error) }, 'client error'));
}
