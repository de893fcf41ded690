// Posting to a Discord channel: the Deliverer port for roundups and the Share button.
// Failures are sorted so the scheduler knows whether trying again later can help.
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import type { ChannelRef } from '../../src/model/actor.js';
import type { Deliverer, DeliveryFailure, DeliveryOptions, DeliveryResult } from '../../src/model/delivery.js';
import type { Reply } from '../../src/model/reply.js';
import type { Logger } from '../../src/logger.js';
import { renderReply } from './discord-embeds.js';
import type { DiscordMessage } from './discord-limits.js';

/** Discord JSON error codes that no retry will fix until someone acts. */
const PERMANENT_CODES = new Map<number, string>([
  [10003, 'unknown channel (deleted, or the bot cannot see it)'],
  [50001, 'missing access to the channel'],
  [50013, 'missing permissions (Send Messages, or Send Messages in Threads in a thread; Embed Links)'],
  [10004, 'unknown server (the bot was removed)'],
]);

export function classifyDiscordError(error: unknown): DeliveryFailure {
  if (error instanceof DiscordAPIError) {
    const known = typeof error.code === 'number' ? PERMANENT_CODES.get(error.code) : undefined;
    if (known) return { kind: 'permanent', reason: known };
    if (error.status >= 500) return { kind: 'transient', reason: `Discord error ${error.status}` };
    if (error.status === 429) return { kind: 'transient', reason: 'rate limited' };
    // 401/403 and other 4xx: retrying blindly counts towards Discord's invalid-request ban.
    return { kind: 'permanent', reason: `Discord refused the post (${error.status}, code ${String(error.code)})` };
  }
  if (error instanceof RateLimitError) return { kind: 'transient', reason: 'rate limited' };
  if (error instanceof HTTPError) {
    if (error.status >= 500) return { kind: 'transient', reason: `Discord error ${error.status}` };
    return { kind: 'permanent', reason: `Discord refused the post (${error.status})` };
  }
  // Timeouts, resets, DNS: the network, not the request.
  return { kind: 'transient', reason: 'network error' };
}

/** Discord's limit for a message nonce. */
const NONCE_MAX = 25;

/**
 * The nonce of the i-th message of a keyed delivery. With enforce_nonce Discord
 * returns the earlier message for a nonce it saw in the last few minutes instead of
 * posting again; a key that does not fit gets no nonce rather than a 400.
 */
function nonceFor(key: string | undefined, index: number): { nonce: string; enforce_nonce: true } | Record<string, never> {
  if (key === undefined) return {};
  const nonce = index === 0 ? key : `${key}.${index}`;
  return nonce.length <= NONCE_MAX ? { nonce, enforce_nonce: true } : {};
}

/** Posts messages in order; stops at the first failure (the rest would fail the same way). */
export async function postMessages(rest: REST, channelId: string, messages: DiscordMessage[], key?: string): Promise<DeliveryResult> {
  let firstId: string | undefined;
  for (const [i, m] of messages.entries()) {
    try {
      const body = { ...(m.content ? { content: m.content } : {}), embeds: m.embeds, allowed_mentions: { parse: [] }, ...nonceFor(key, i) };
      const sent = (await rest.post(Routes.channelMessages(channelId), { body })) as { id?: string };
      firstId ??= sent.id;
    } catch (error) {
      return { ok: false, failure: classifyDiscordError(error) };
    }
  }
  return { ok: true, ...(firstId ? { messageId: firstId } : {}) };
}

export function createDiscordDeliverer(rest: REST, logger: Logger): Deliverer {
  return {
    platform: 'discord',
    async deliver(target: ChannelRef, reply: Reply, options?: DeliveryOptions): Promise<DeliveryResult> {
      if (target.platform !== 'discord') {
        return { ok: false, failure: { kind: 'permanent', reason: `not a Discord channel (${target.platform})` } };
      }
      const result = await postMessages(rest, target.channel, renderReply(reply), options?.key);
      if (result.ok) logger.info({ event: 'discord_delivered', channel: target.channel, kind: reply.kind }, 'delivered');
      else logger.warn({ event: 'discord_delivery_failed', channel: target.channel, failure: result.failure }, 'delivery failed');
      return result;
    },
  };
}
