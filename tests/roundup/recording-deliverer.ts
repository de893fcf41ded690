// A Deliverer that records what it accepted and answers from a script (then "ok").
import type { ChannelRef } from '../../src/model/actor.js';
import type { Deliverer, DeliveryResult } from '../../src/model/delivery.js';
import type { Reply } from '../../src/model/reply.js';

export class RecordingDeliverer implements Deliverer {
  readonly accepted: { target: ChannelRef; reply: Reply }[] = [];
  attempts = 0;
  /** Results to return, in order, before answering ok; keyed per channel id when given a function. */
  script: DeliveryResult[] = [];

  constructor(readonly platform: ChannelRef['platform']) {}

  async deliver(target: ChannelRef, reply: Reply): Promise<DeliveryResult> {
    this.attempts++;
    const next = this.script.shift();
    if (next && !next.ok) return next;
    this.accepted.push({ target, reply });
    return { ok: true, messageId: String(this.accepted.length) };
  }
}
