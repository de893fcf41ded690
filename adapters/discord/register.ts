// `npm run discord:register`: registers /brief and /brief-admin with Discord, to one guild when
// RINGKAS_DISCORD_GUILD_ID is set (instant, for testing) or globally otherwise, and says which.
import { pathToFileURL } from 'node:url';
import { PermissionFlagsBits, REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { readDiscordConfig, type DiscordConfig } from './discord-config.js';
import { commandDefinitions } from './discord-commands.js';
import { botToken } from './discord-token.js';

export interface RegisterResult {
  scope: 'guild' | 'global';
  appId: string;
  guildId?: string;
  names: string[];
}

/**
 * What the bot needs in a channel: Share and roundups post embeds there (in a thread, posting
 * takes Send Messages in Threads instead of Send Messages); answers are interaction replies.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.SendMessagesInThreads | PermissionFlagsBits.EmbedLinks;

export function inviteUrl(appId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${appId}&scope=bot+applications.commands&permissions=${BOT_PERMISSIONS.toString()}`;
}

export async function registerCommands(discord: DiscordConfig): Promise<RegisterResult> {
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(botToken(discord.token));
  // The application id is the bot's own; ask Discord when it is not configured.
  const appId = discord.appId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const body = commandDefinitions();
  const route = discord.guildId ? Routes.applicationGuildCommands(appId, discord.guildId) : Routes.applicationCommands(appId);
  const saved = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return {
    scope: discord.guildId ? 'guild' : 'global',
    appId,
    ...(discord.guildId ? { guildId: discord.guildId } : {}),
    names: saved.map((c) => c.name),
  };
}

export function describeRegistration(r: RegisterResult): string {
  const names = r.names.map((n) => `/${n}`).join(', ');
  return r.scope === 'guild'
    ? `Registered ${names} for application ${r.appId} in guild ${r.guildId} (available right away).`
    : `Registered ${names} globally for application ${r.appId} (new commands can take a few minutes to appear in every server).`;
}

async function main(): Promise<void> {
  let discord: DiscordConfig | null;
  try {
    discord = readDiscordConfig(loadConfig().env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  if (!discord) {
    process.stderr.write('Set RINGKAS_DISCORD_TOKEN (and RINGKAS_DISCORD_APP_ID) before registering commands.\n');
    process.exit(1);
  }
  try {
    const result = await registerCommands(discord);
    process.stdout.write(`${describeRegistration(result)}\nInvite the bot with: ${inviteUrl(result.appId)}\n`);
  } catch (e) {
    const status = (e as { status?: number }).status;
    const hint = status === 401 ? 'the token was rejected; check RINGKAS_DISCORD_TOKEN.' : status === 403 ? 'the bot may not manage commands in that guild; re-invite it with the applications.commands scope.' : (e as Error).message;
    process.stderr.write(`Could not register the commands: ${hint}\n`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
