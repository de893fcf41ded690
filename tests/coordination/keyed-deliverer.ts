// A deliverer that records which instance sent which delivery key to which channel,
// into a log shared by every instance of a test (the "platform" they all post to).
import type { ChannelRef } from '../../src/model/actor.js';
import type { Deliverer, DeliveryOptions, DeliveryResult } from '../../src/model/delivery.js';

export interface Sent {
  instance: string;
  channel: string;
  key: string;
}

export class KeyedDeliverer implements Deliverer {
  readonly platform = 'slack' as const;
  /** While set, a send is recorded as accepted and then never answers (the process died right after). */
  dieAfterAccept = false;
  /** While set, a send never answers and is not accepted (the process died while sending). */
  dieBeforeAccept = false;

  constructor(
    readonly instance: string,
    readonly log: Sent[],
  ) {}

  async deliver(target: ChannelRef, _reply: unknown, options?: DeliveryOptions): Promise<DeliveryResult> {
    // Let other instances' work interleave, as network round trips would.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.dieBeforeAccept) return new Promise<never>(() => undefined);
    this.log.push({ instance: this.instance, channel: target.channel, key: options?.key ?? '' });
    if (this.dieAfterAccept) return new Promise<never>(() => undefined);
    return { ok: true };
  }
}

/** Each key's count, for "every key once" checks. */
export function countByKey(log: readonly Sent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of log) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  return counts;
}
