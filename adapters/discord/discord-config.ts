// Discord's settings: validated here, by the adapter that uses them, from the environment
// snapshot src/config.ts read once. A wrong value names its variable.
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ConfigError, int, optionalString, readVariables, variableNames, type EnvSnapshot } from '../../src/config.js';
import { publicKeyFromHex } from './interaction-signature.js';

export interface DiscordConfig {
  token: string;
  appId?: string;
  guildId?: string;
  apiUrl?: string;
  /** HTTP interactions mode (RINGKAS_DISCORD_MODE=http): Discord posts interactions to us; no gateway. */
  interactions?: InteractionsEndpointConfig;
}

export interface InteractionsEndpointConfig {
  /** The application's Ed25519 public key, from the Developer Portal. */
  publicKey: KeyObject;
  port: number;
}

const snowflake = (what: string) => optionalString.refine((v) => v === undefined || /^\d{15,21}$/.test(v), `must be a numeric ${what} id`);

const discordSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: snowflake('application'),
  DISCORD_GUILD_ID: snowflake('guild'),
  /** Only for tests: base URL of the Discord REST API (e.g. http://127.0.0.1:PORT/api). */
  DISCORD_API_URL: optionalString,
  /** gateway (default: one process keeps a WebSocket to Discord) or http (Discord posts interactions to us). */
  DISCORD_MODE: z.enum(['gateway', 'http']).optional().default('gateway'),
  DISCORD_PUBLIC_KEY: optionalString,
  DISCORD_PORT: int(3001, 1, 65535),
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
    if (e.DISCORD_APP_ID || e.DISCORD_GUILD_ID || e.DISCORD_PUBLIC_KEY || e.DISCORD_MODE === 'http') throw new ConfigError('RINGKAS_DISCORD_TOKEN', 'is required when Discord is configured');
    return null;
  }
  return {
    token: e.DISCORD_TOKEN,
    ...(e.DISCORD_APP_ID ? { appId: e.DISCORD_APP_ID } : {}),
    ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
    ...(e.DISCORD_MODE === 'http' ? { interactions: { publicKey: publicKey(e.DISCORD_PUBLIC_KEY), port: e.DISCORD_PORT } } : {}),
  };
}

function publicKey(hex: string | undefined): KeyObject {
  const where = '(Developer Portal → your application → General Information → Public Key)';
  if (hex === undefined) throw new ConfigError('RINGKAS_DISCORD_PUBLIC_KEY', `is required when RINGKAS_DISCORD_MODE=http ${where}`);
  const key = publicKeyFromHex(hex);
  if (!key) throw new ConfigError('RINGKAS_DISCORD_PUBLIC_KEY', `must be the 64 hexadecimal characters of the application's public key ${where}`);
  return key;
}
