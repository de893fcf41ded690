// One delivery attempt loop: transient failures (5xx, network, a 429 the client
// gave up on) are retried with exponential backoff; permanent ones return at once
// so a gone channel never causes a retry storm. Sleep is injected for tests.
import type { ChannelRef } from '../model/actor.js';
import type { Deliverer, DeliveryFailure, DeliveryOptions, DeliveryResult } from '../model/delivery.js';
import type { Reply } from '../model/reply.js';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 2_000, maxDelayMs: 60_000 };

export interface RetryOutcome {
  result: DeliveryResult;
  attempts: number;
}

async function attempt(deliverer: Deliverer, target: ChannelRef, reply: Reply, options: DeliveryOptions): Promise<DeliveryResult> {
  try {
    return await deliverer.deliver(target, reply, options);
  } catch (e) {
    // A deliverer should return failures, but a thrown error is most likely the network.
    const failure: DeliveryFailure = { kind: 'transient', reason: e instanceof Error ? e.message : String(e) };
    return { ok: false, failure };
  }
}

export async function deliverWithRetry(
  deliverer: Deliverer,
  target: ChannelRef,
  reply: Reply,
  policy: RetryPolicy,
  sleep: Sleep,
  options: DeliveryOptions = {},
): Promise<RetryOutcome> {
  let result: DeliveryResult = { ok: false, failure: { kind: 'transient', reason: 'not attempted' } };
  for (let i = 0; i < policy.attempts; i++) {
    if (i > 0) await sleep(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (i - 1)));
    result = await attempt(deliverer, target, reply, options);
    if (result.ok || result.failure.kind === 'permanent') return { result, attempts: i + 1 };
  }
  return { result, attempts: policy.attempts };
}
