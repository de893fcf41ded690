// The port an adapter implements so the engine can post without knowing the platform.
import type { ChannelRef } from './actor.js';
import type { Reply } from './reply.js';

export type DeliveryFailure =
  /** Worth trying again later (5xx, network, 429 beyond the client's own retries). */
  | { kind: 'transient'; reason: string }
  /** Will not work until someone acts: channel gone, bot removed, no permission. */
  | { kind: 'permanent'; reason: string };

export type DeliveryResult = { ok: true; messageId?: string } | { ok: false; failure: DeliveryFailure };

export interface Deliverer {
  platform: ChannelRef['platform'];
  deliver(target: ChannelRef, reply: Reply): Promise<DeliveryResult>;
}
