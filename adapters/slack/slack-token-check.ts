// The start-up auth.test, bounded: a few tries over about 30 seconds, not the five minutes the
// running bot's retry policy allows a roundup post. A failure says what failed (slack-start-errors).
import { webApi } from '@slack/bolt';
import type { SlackConfig } from './slack-config.js';
import { slackStartMessage } from './slack-start-errors.js';

export interface StartupRetry {
  /** Tries after the first. */
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
  /** Each request's own time limit (a proxy or firewall that swallows packets). */
  requestTimeoutMs: number;
}

/** 3 tries of at most 8 s with 2 s and 4 s between them: about 30 s at worst. */
export const STARTUP_RETRY: StartupRetry = { retries: 2, minTimeoutMs: 2_000, maxTimeoutMs: 4_000, requestTimeoutMs: 8_000 };

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

export async function checkBotToken(
  slack: SlackConfig,
  options: { retry?: StartupRetry; fetch?: typeof fetch; logger?: webApi.Logger } = {},
): Promise<BotIdentity> {
  const retry = options.retry ?? STARTUP_RETRY;
  const client = new webApi.WebClient(slack.botToken, {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/` } : {}),
    retryConfig: { retries: retry.retries, factor: 2, minTimeout: retry.minTimeoutMs, maxTimeout: retry.maxTimeoutMs },
    timeout: retry.requestTimeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  try {
    const result = await client.auth.test();
    return { botId: String(result.bot_id ?? ''), botUserId: String(result.user_id ?? '') };
  } catch (error) {
    throw new Error(slackStartMessage(error, 'auth.test', 'RINGKAS_SLACK_BOT_TOKEN'), { cause: error });
  }
}
