// Slack redelivers when it thinks we were slow (X-Slack-Retry-Num), and users double-click.
// Handlers remember each delivery's key for a while and skip the side effects of a repeat.
import type { Clock } from '../../src/clock.js';

export class RecentDeliveries {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** True the first time a key is seen within the TTL; false for a repeat. */
  firstTime(key: string): boolean {
    const now = this.clock.now().getTime();
    this.evict(now);
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    this.seen.set(key, now + this.ttlMs);
    return true;
  }

  private evict(now: number): void {
    // Map keeps insertion order, so the oldest entries come first.
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size <= this.maxEntries) break;
      this.seen.delete(key);
    }
  }
}
