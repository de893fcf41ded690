// The port an adapter implements so the engine can post without knowing the platform.
import type { ChannelRef } from './actor.js';
import type { Reply } from './reply.js';

export type DeliveryFailure =
  /** Worth trying again later (5xx, network, 429 beyond the client's own retries). */
  | { kind: 'transient'; reason: string }
  /** Will not work until someone acts: channel gone, bot removed, no permission. */
  | { kind: 'permanent'; reason: string };

export type DeliveryResult = { ok: true; messageId?: string } | { ok: false; failure: DeliveryFailure };

export interface DeliveryOptions {
  /**
   * Names this delivery (a roundup: subscription id + slot, at most 25 characters).
   * A re-send after a crash carries the same key, so a platform that can
   * de-duplicate (Discord's nonce) keeps one message.
   */
  key?: string;
}

export interface Deliverer {
  platform: ChannelRef['platform'];
  deliver(target: ChannelRef, reply: Reply, options?: DeliveryOptions): Promise<DeliveryResult>;
}
