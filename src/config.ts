// The one place that reads the environment: `.env` and process.env are merged once into a
// snapshot. The engine's own settings are validated here; each adapter validates its own
// variables from the same snapshot with the helpers exported below, so the core names no platform.
import { readFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

const PREFIX = 'RINGKAS_';

export const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

export const bool = (fallback: boolean) =>
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

export const int = (fallback: number, min: number, max: number) =>
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

export const optionalString = z
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
  /** Comma list of platform:userId (platform as the adapters name it) granted admin everywhere. */
  ADMINS: csv,
  /** The shell user is an admin unless this is false. */
  SHELL_ADMIN: bool(true),
  SHELL_USER: optionalString,
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
  /** Worker threads that clean and summarise articles while several adds are in flight (unset: 1 on a machine with 2+ cores, else 0). */
  INGEST_WORKERS: int(-1, 0, 16),
  /** Articles of one burst of adds derived on the main thread before those threads start (their start costs more than a short burst saves). */
  INGEST_WORKERS_AFTER: int(1000, 0, 1_000_000),
});

/** Every variable the engine reads, with the prefix (adapters list their own; the .env.example test checks them all). */
export const CONFIG_VARIABLES: readonly string[] = variableNames(envSchema.shape);

/** The prefixed names of a schema's variables. */
export function variableNames(shape: z.ZodRawShape): string[] {
  return Object.keys(shape).map((k) => PREFIX + k);
}

/** Every non-empty variable from `.env` and the environment, read once; the environment wins. */
export type EnvSnapshot = Readonly<Record<string, string>>;

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
  fetch: FetchConfig;
  /** For the platform clients and article fetches alike; empty when no proxy is set. */
  proxy: ProxyConfig;
  feeds: FeedConfig;
  /** Worker threads for the derivation of concurrent adds (0: all on the main thread). */
  ingestWorkers: number;
  /** Articles of one burst of adds derived on the main thread before the workers start. */
  ingestWorkersAfter: number;
  defaultTimezone: string;
  /** The snapshot the adapters read their own variables from (never the process environment again). */
  env: EnvSnapshot;
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
  const merged: EnvSnapshot = Object.freeze({ ...nonEmpty(fromFile), ...nonEmpty(options.env ?? process.env) });
  const e = readVariables(envSchema, merged);
  const proxy = proxyConfig(merged);
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
    ingestWorkers: e.INGEST_WORKERS >= 0 ? e.INGEST_WORKERS : Math.min(1, availableParallelism() - 1),
    ingestWorkersAfter: e.INGEST_WORKERS_AFTER,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    env: merged,
  };
}

/** Validates a schema's variables (named without the prefix) from the snapshot; the first problem names its variable. */
export function readVariables<S extends z.ZodObject>(schema: S, env: EnvSnapshot): z.infer<S> {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) raw[key] = env[PREFIX + key];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(PREFIX + String(issue.path[0] ?? ''), issue.message);
  }
  return parsed.data;
}

const didYouMean = (name: string) => `${name} is set, but Ringkas reads only ${PREFIX}* variables: did you mean ${PREFIX}${name}?`;

/**
 * Credentials copied from a platform's own guide carry no prefix. With nothing configured the
 * shell would start and the credential be silently ignored: one of `names` (unprefixed) that is
 * set stops the start with the right name.
 */
export function refuseUnprefixed(vars: EnvSnapshot, names: readonly string[]): void {
  const found = names.find((name) => vars[name] !== undefined);
  if (found) throw new ConfigError(PREFIX + found, `is not set. ${didYouMean(found)}`);
}

/** A missing RINGKAS_X whose unprefixed X is set gets the hint added to its error. */
export function withDidYouMean<T>(vars: EnvSnapshot, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const bare = error.variable.slice(PREFIX.length);
    if (vars[bare] === undefined || vars[error.variable] !== undefined) throw error;
    throw new ConfigError(error.variable, `${error.detail} (${didYouMean(bare)})`);
  }
}

function proxyConfig(vars: EnvSnapshot): ProxyConfig {
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

/** Whether a platform user is on the configured admin allow-list. */
export function isConfiguredAdmin(config: Pick<Config, 'admins'>, platform: string, userId: string): boolean {
  return config.admins.includes(`${platform}:${userId}`);
}
