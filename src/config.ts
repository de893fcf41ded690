// The one place that reads the environment. Everything else receives typed options.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

const PREFIX = 'RINGKAS_';

const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const bool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (/^(1|true|yes|on)$/i.test(v)) return true;
      if (/^(0|false|no|off)$/i.test(v)) return false;
      ctx.addIssue({ code: 'custom', message: 'expected true or false' });
      return z.NEVER;
    });

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const timezone = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const zone = v && v.trim() !== '' ? v.trim() : 'Asia/Jakarta';
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone;
    } catch {
      ctx.addIssue({ code: 'custom', message: `unknown IANA timezone "${zone}" (e.g. Asia/Jakarta)` });
      return z.NEVER;
    }
  });

const envSchema = z.object({
  DATA_DIR: optionalString,
  /** A PostgreSQL connection URL: the store lives there instead of in DATA_DIR (unset = lowdb). */
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\/./.test(v), 'must be a postgres:// or postgresql:// URL'),
  SEEDS_DIR: optionalString,
  BRIEFS_DIR: optionalString,
  LEXICON_FILE: optionalString,
  SEED_ON_EMPTY: bool(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  /** Comma list of platform:userId (e.g. slack:U123,discord:4567) granted admin everywhere. */
  ADMINS: csv,
  /** The shell user is an admin unless this is false. */
  SHELL_ADMIN: bool(true),
  SHELL_USER: optionalString,
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_PORT: int(3000, 1, 65535),
  SLACK_COMMAND: optionalString,
  /** Only for tests and self-hosted gateways: base URL of the Slack Web API. */
  SLACK_API_URL: optionalString,
  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: optionalString.refine((v) => v === undefined || /^\d{15,21}$/.test(v), 'must be a numeric application id'),
  DISCORD_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{15,21}$/.test(v), 'must be a numeric guild id'),
  /** Only for tests: base URL of the Discord REST API (e.g. http://127.0.0.1:PORT/api). */
  DISCORD_API_URL: optionalString,
  FETCH_TIMEOUT_MS: int(10_000, 100, 120_000),
  FETCH_MAX_BYTES: int(2_000_000, 1_000, 50_000_000),
  FETCH_MAX_REDIRECTS: int(5, 0, 20),
  /** Off by default. Comma list of hosts (names or IPs) allowed even though private: self-hosted sources, tests. */
  FETCH_ALLOW_PRIVATE_HOSTS: csv,
  DEFAULT_TIMEZONE: timezone,
  /** Followed feeds: how many of the newest items a new feed's first poll takes (never the archive). */
  FEED_FIRST_POLL_ITEMS: int(20, 1, 1000),
  /** How often an article must name the briefs' topics, and each side in briefs/_scope.yaml, to be added. */
  FEED_MIN_TOPIC_MENTIONS: int(0, 0, 50),
  FEED_MIN_PARTY_MENTIONS: int(1, 0, 50),
  /** Size cap of one feed document (feeds are larger than articles). */
  FEED_MAX_BYTES: int(10_000_000, 1_000, 100_000_000),
  /** Permanent failures in a row (404/410, not a feed) before a feed pauses itself. */
  FEED_PAUSE_AFTER: int(3, 1, 100),
});

/** Every variable Ringkas reads, with the prefix (the .env.example test checks them all). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape).map((k) => PREFIX + k);

/** Variables meant only for tests and self-hosted gateways, left out of .env.example on purpose. */
export const TEST_ONLY_VARIABLES: readonly string[] = ['SLACK_API_URL', 'DISCORD_API_URL'].map((k) => PREFIX + k);

export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  port: number;
  /** The slash command as registered in the Slack app; the adapter has the default. */
  command?: string;
  apiUrl?: string;
}

export interface DiscordConfig {
  token: string;
  appId?: string;
  guildId?: string;
  apiUrl?: string;
}

export interface FetchConfig {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivateHosts: string[];
  /** The outbound proxy, if any (the address checks still apply to the page's own host). */
  proxy?: ProxyConfig;
}

/** The standard HTTP_PROXY / HTTPS_PROXY / NO_PROXY variables (lower-case wins, as curl does). */
export interface ProxyConfig {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

export interface FeedConfig {
  firstPollItems: number;
  minTopicMentions: number;
  minPartyMentions: number;
  maxBytes: number;
  pauseAfterFailures: number;
}

export interface Config {
  dataDir: string;
  /** The PostgreSQL store's connection URL (a secret: never logged); null for the lowdb store in dataDir. */
  databaseUrl: string | null;
  seedsDir: string;
  briefsDir: string;
  lexiconFile: string;
  seedOnEmpty: boolean;
  logLevel: string;
  admins: string[];
  shell: { admin: boolean; user: string };
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  fetch: FetchConfig;
  /** For Slack, Discord and article fetches alike; empty when no proxy is set. */
  proxy: ProxyConfig;
  feeds: FeedConfig;
  defaultTimezone: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly detail: string,
  ) {
    super(`Configuration error: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Reads RINGKAS_* from `env`, with a `.env` file (if present) filling gaps. */
export function loadConfig(options: { env?: NodeJS.ProcessEnv; cwd?: string; envFile?: string | null } = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const envFile = options.envFile === undefined ? path.join(cwd, '.env') : options.envFile;
  const fromFile = envFile && existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  // Empty means the default, for every variable: `.env.example` copied as it is, or passed to
  // `docker run --env-file`, sets each one to "" (and Docker's "" replaces the image's own ENV).
  const merged: Record<string, string | undefined> = { ...nonEmpty(fromFile), ...nonEmpty(options.env ?? process.env) };
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) raw[key] = merged[PREFIX + key];

  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(PREFIX + String(issue.path[0] ?? ''), issue.message);
  }
  const e = parsed.data;
  const proxy = proxyConfig(merged);
  const platforms = withDidYouMean(merged, () => ({ slack: slackConfig(e), discord: discordConfig(e) }));
  if (!platforms.slack && !platforms.discord) refuseUnprefixedCredentials(merged);
  return {
    dataDir: path.resolve(cwd, e.DATA_DIR ?? 'data'),
    databaseUrl: e.DATABASE_URL ?? null,
    seedsDir: path.resolve(cwd, e.SEEDS_DIR ?? 'seeds'),
    briefsDir: path.resolve(cwd, e.BRIEFS_DIR ?? 'briefs'),
    lexiconFile: path.resolve(cwd, e.LEXICON_FILE ?? 'lexicon/en-id.yaml'),
    seedOnEmpty: e.SEED_ON_EMPTY,
    logLevel: e.LOG_LEVEL,
    admins: e.ADMINS,
    shell: { admin: e.SHELL_ADMIN, user: e.SHELL_USER ?? 'you' },
    slack: platforms.slack,
    discord: platforms.discord,
    fetch: {
      timeoutMs: e.FETCH_TIMEOUT_MS,
      maxBytes: e.FETCH_MAX_BYTES,
      maxRedirects: e.FETCH_MAX_REDIRECTS,
      allowPrivateHosts: e.FETCH_ALLOW_PRIVATE_HOSTS,
      ...(Object.keys(proxy).length > 0 ? { proxy } : {}),
    },
    proxy,
    feeds: {
      firstPollItems: e.FEED_FIRST_POLL_ITEMS,
      minTopicMentions: e.FEED_MIN_TOPIC_MENTIONS,
      minPartyMentions: e.FEED_MIN_PARTY_MENTIONS,
      maxBytes: e.FEED_MAX_BYTES,
      pauseAfterFailures: e.FEED_PAUSE_AFTER,
    },
    defaultTimezone: e.DEFAULT_TIMEZONE,
  };
}

type Env = z.infer<typeof envSchema>;

/** Credentials people copy from Slack's and Discord's own guides, which use no prefix. */
const UNPREFIXED_CREDENTIALS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_GUILD_ID'];

const didYouMean = (name: string) => `${name} is set, but Ringkas reads only ${PREFIX}* variables: did you mean ${PREFIX}${name}?`;

/**
 * With no platform configured the shell would start and the token be silently ignored: a token
 * set without the prefix (SLACK_BOT_TOKEN, DISCORD_TOKEN, ...) stops the start with the right name.
 */
function refuseUnprefixedCredentials(vars: Record<string, string | undefined>): void {
  const found = UNPREFIXED_CREDENTIALS.find((name) => vars[name] !== undefined);
  if (found) throw new ConfigError(PREFIX + found, `is not set. ${didYouMean(found)}`);
}

/** A missing RINGKAS_X whose unprefixed X is set gets the hint added to its error. */
function withDidYouMean<T>(vars: Record<string, string | undefined>, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const bare = error.variable.slice(PREFIX.length);
    if (vars[bare] === undefined || vars[error.variable] !== undefined) throw error;
    throw new ConfigError(error.variable, `${error.detail} (${didYouMean(bare)})`);
  }
}

function proxyConfig(vars: Record<string, string | undefined>): ProxyConfig {
  const pick = (name: string) => vars[name.toLowerCase()] ?? vars[name];
  const proxyUrl = (name: string) => {
    const value = pick(name);
    if (value !== undefined && !URL.canParse(value)) throw new ConfigError(name, 'is not a URL (e.g. http://proxy.example:3128)');
    return value;
  };
  const httpProxy = proxyUrl('HTTP_PROXY');
  const httpsProxy = proxyUrl('HTTPS_PROXY');
  const noProxy = pick('NO_PROXY');
  return { ...(httpProxy ? { httpProxy } : {}), ...(httpsProxy ? { httpsProxy } : {}), ...(noProxy ? { noProxy } : {}) };
}

function nonEmpty(vars: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).flatMap(([k, v]) => (v === undefined || v.trim() === '' ? [] : [[k, v.trim()]])));
}

function slackConfig(e: Env): SlackConfig | null {
  const any = e.SLACK_BOT_TOKEN ?? e.SLACK_SIGNING_SECRET ?? e.SLACK_APP_TOKEN;
  if (any === undefined) return null;
  if (!e.SLACK_BOT_TOKEN) throw new ConfigError(`${PREFIX}SLACK_BOT_TOKEN`, 'is required when Slack is configured');
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError(
      `${PREFIX}SLACK_SIGNING_SECRET`,
      `is required for HTTP mode (or set ${PREFIX}SLACK_APP_TOKEN for Socket Mode)`,
    );
  }
  return {
    botToken: e.SLACK_BOT_TOKEN,
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    port: e.SLACK_PORT,
    ...(e.SLACK_COMMAND ? { command: e.SLACK_COMMAND } : {}),
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
  };
}

function discordConfig(e: Env): DiscordConfig | null {
  if (!e.DISCORD_TOKEN) {
    if (e.DISCORD_APP_ID || e.DISCORD_GUILD_ID) {
      throw new ConfigError(`${PREFIX}DISCORD_TOKEN`, 'is required when Discord is configured');
    }
    return null;
  }
  return {
    token: e.DISCORD_TOKEN,
    ...(e.DISCORD_APP_ID ? { appId: e.DISCORD_APP_ID } : {}),
    ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
  };
}

/** Whether a platform user is on the configured admin allow-list. */
export function isConfiguredAdmin(config: Pick<Config, 'admins'>, platform: string, userId: string): boolean {
  return config.admins.includes(`${platform}:${userId}`);
}
