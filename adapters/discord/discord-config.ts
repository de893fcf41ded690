// Discord's settings: validated here, by the adapter that uses them, from the environment
// snapshot src/config.ts read once. A wrong value names its variable.
import { z } from 'zod';
import { ConfigError, optionalString, readVariables, variableNames, type EnvSnapshot } from '../../src/config.js';

export interface DiscordConfig {
  token: string;
  appId?: string;
  guildId?: string;
  apiUrl?: string;
}

const snowflake = (what: string) => optionalString.refine((v) => v === undefined || /^\d{15,21}$/.test(v), `must be a numeric ${what} id`);

const discordSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: snowflake('application'),
  DISCORD_GUILD_ID: snowflake('guild'),
  /** Only for tests: base URL of the Discord REST API (e.g. http://127.0.0.1:PORT/api). */
  DISCORD_API_URL: optionalString,
});

export const DISCORD_VARIABLES: readonly string[] = variableNames(discordSchema.shape);
/** Left out of .env.example on purpose. */
export const DISCORD_TEST_ONLY_VARIABLES: readonly string[] = ['RINGKAS_DISCORD_API_URL'];
/** The credentials as Discord's own guides name them (no prefix), for "did you mean RINGKAS_…". */
export const DISCORD_UNPREFIXED_CREDENTIALS: readonly string[] = ['DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_GUILD_ID'];

/** Discord's settings, or null when no Discord variable is set. */
export function readDiscordConfig(env: EnvSnapshot): DiscordConfig | null {
  const e = readVariables(discordSchema, env);
  if (!e.DISCORD_TOKEN) {
    if (e.DISCORD_APP_ID || e.DISCORD_GUILD_ID) throw new ConfigError('RINGKAS_DISCORD_TOKEN', 'is required when Discord is configured');
    return null;
  }
  return {
    token: e.DISCORD_TOKEN,
    ...(e.DISCORD_APP_ID ? { appId: e.DISCORD_APP_ID } : {}),
    ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
  };
}
