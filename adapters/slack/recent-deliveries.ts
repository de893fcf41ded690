// Slack redelivers when it thinks we were slow (X-Slack-Retry-Num), and users double-click.
// Handlers ask whether a delivery's key is new and skip the side effects of a repeat.
// The answer comes from the engine's de-dup ledger, which every instance sharing one
// store consults, so a redelivery that lands on another instance is still answered once.
import type { Engine } from '../../src/engine.js';

export class RecentDeliveries {
  constructor(
    private readonly ledger: Pick<Engine, 'firstTime'>,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  /** True the first time a key is seen (by any instance) within the TTL; false for a repeat. */
  firstTime(key: string): Promise<boolean> {
    return this.ledger.firstTime(`slack:${key}`, this.ttlMs);
  }
}
