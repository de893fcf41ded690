// Which platforms to start, read from the environment snapshot src/config.ts took once. Each
// adapter validates its own variables; this only puts them together and adds the one rule that
// spans them: with no platform configured, a credential set without the prefix is a mistake.
import { CONFIG_VARIABLES, withDidYouMean, refuseUnprefixed, type EnvSnapshot } from '../src/config.js';
import { DISCORD_TEST_ONLY_VARIABLES, DISCORD_UNPREFIXED_CREDENTIALS, DISCORD_VARIABLES, readDiscordConfig, type DiscordConfig } from './discord/discord-config.js';
import { readSlackConfig, SLACK_TEST_ONLY_VARIABLES, SLACK_UNPREFIXED_CREDENTIALS, SLACK_VARIABLES, type SlackConfig } from './slack/slack-config.js';

export interface PlatformConfigs {
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
}

/** Every variable Ringkas reads, engine and adapters (the .env.example test checks them all). */
export const ALL_VARIABLES: readonly string[] = [...CONFIG_VARIABLES, ...SLACK_VARIABLES, ...DISCORD_VARIABLES];

/** Variables meant only for tests and self-hosted gateways, left out of .env.example on purpose. */
export const TEST_ONLY_VARIABLES: readonly string[] = [...SLACK_TEST_ONLY_VARIABLES, ...DISCORD_TEST_ONLY_VARIABLES];

export function readPlatformConfigs(env: EnvSnapshot): PlatformConfigs {
  const platforms = withDidYouMean(env, () => ({ slack: readSlackConfig(env), discord: readDiscordConfig(env) }));
  if (!platforms.slack && !platforms.discord) refuseUnprefixed(env, [...SLACK_UNPREFIXED_CREDENTIALS, ...DISCORD_UNPREFIXED_CREDENTIALS]);
  return platforms;
}
