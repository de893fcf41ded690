// Slack's settings: validated here, by the adapter that uses them, from the environment snapshot
// src/config.ts read once. A wrong value names its variable, as the engine's settings do.
import { z } from 'zod';
import { ConfigError, int, optionalString, readVariables, variableNames, type EnvSnapshot } from '../../src/config.js';

export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  port: number;
  /** The slash command as registered in the Slack app; the adapter has the default. */
  command?: string;
  apiUrl?: string;
}

const slackSchema = z.object({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_PORT: int(3000, 1, 65535),
  SLACK_COMMAND: optionalString,
  /** Only for tests and self-hosted gateways: base URL of the Slack Web API. */
  SLACK_API_URL: optionalString,
});

export const SLACK_VARIABLES: readonly string[] = variableNames(slackSchema.shape);
/** Left out of .env.example on purpose. */
export const SLACK_TEST_ONLY_VARIABLES: readonly string[] = ['RINGKAS_SLACK_API_URL'];
/** The credentials as Slack's own guides name them (no prefix), for "did you mean RINGKAS_…". */
export const SLACK_UNPREFIXED_CREDENTIALS: readonly string[] = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'];

/** Slack's settings, or null when no Slack credential is set. */
export function readSlackConfig(env: EnvSnapshot): SlackConfig | null {
  const e = readVariables(slackSchema, env);
  const any = e.SLACK_BOT_TOKEN ?? e.SLACK_SIGNING_SECRET ?? e.SLACK_APP_TOKEN;
  if (any === undefined) return null;
  if (!e.SLACK_BOT_TOKEN) throw new ConfigError('RINGKAS_SLACK_BOT_TOKEN', 'is required when Slack is configured');
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError('RINGKAS_SLACK_SIGNING_SECRET', 'is required for HTTP mode (or set RINGKAS_SLACK_APP_TOKEN for Socket Mode)');
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
