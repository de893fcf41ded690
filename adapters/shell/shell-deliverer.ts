// The Deliverer port for the terminal: a roundup due for the shell "channel" is
// printed where the user is typing. Writing to a stream cannot be refused, so
// the only failure is a closed stream (permanent: nobody is there to read it).
import type { ChannelRef } from '../../src/model/actor.js';
import type { Deliverer, DeliveryResult } from '../../src/model/delivery.js';
import type { Reply } from '../../src/model/reply.js';
import { renderText } from './render-text.js';

export class ShellDeliverer implements Deliverer {
  readonly platform = 'shell' as const;

  constructor(private readonly output: NodeJS.WritableStream) {}

  async deliver(target: ChannelRef, reply: Reply): Promise<DeliveryResult> {
    if (target.platform !== 'shell') return { ok: false, failure: { kind: 'permanent', reason: `not a terminal channel (${target.platform})` } };
    const stream = this.output as NodeJS.WritableStream & { writableEnded?: boolean; destroyed?: boolean };
    if (stream.writableEnded || stream.destroyed) return { ok: false, failure: { kind: 'permanent', reason: 'the terminal is closed' } };
    this.output.write(`\n${renderText(reply)}\n`);
    return { ok: true };
  }
}
