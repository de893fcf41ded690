// In-process coordination for one instance (the lowdb default): claims and the
// de-dup ledger live in memory, so a restart forgets them, exactly as before there
// were claims (a roundup whose state write a crash prevented is re-sent on restart).
import type { Clock } from '../clock.js';
import type { ClaimAnswer, ClaimRecord, Claims, Coordination, DedupLedger } from './claims.js';
import { instanceOwner } from './instance-owner.js';

interface Entry {
  owner: string;
  until: number;
  done: ClaimRecord | null;
}

/** Completed claims are remembered this long (a due pass after a crash reads them back). */
const KEEP_DONE_MS = 8 * 24 * 60 * 60_000;

export class MemoryClaims implements Claims {
  private readonly entries = new Map<string, Entry>();
  private sweepAt = 1000;

  constructor(private readonly clock: Clock) {}

  private now(): number {
    return this.clock.now().getTime();
  }

  async claim(key: string, owner: string, leaseMs: number): Promise<ClaimAnswer> {
    return this.take(key, owner, leaseMs);
  }

  async claimMany(keys: readonly string[], owner: string, leaseMs: number): Promise<ClaimAnswer[]> {
    return keys.map((key) => this.take(key, owner, leaseMs));
  }

  private take(key: string, owner: string, leaseMs: number): ClaimAnswer {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry?.done) return { held: false, done: entry.done };
    if (entry && entry.until > now) return { held: false, done: null };
    this.entries.delete(key);
    this.entries.set(key, { owner, until: now + leaseMs, done: null });
    this.sweep(now);
    return { held: true };
  }

  async renew(key: string, owner: string, leaseMs: number): Promise<boolean> {
    const entry = this.held(key, owner);
    if (!entry) return false;
    entry.until = this.now() + leaseMs;
    return true;
  }

  async complete(key: string, owner: string, record: ClaimRecord): Promise<boolean> {
    const entry = this.held(key, owner);
    if (!entry) return false;
    entry.done = record;
    entry.until = this.now() + KEEP_DONE_MS;
    return true;
  }

  async release(key: string, owner: string, freeInMs = 0): Promise<void> {
    const entry = this.held(key, owner);
    if (entry) entry.until = this.now() + freeInMs;
  }

  /** The entry while it still names `owner` and is not completed (a run-out lease no one took over counts). */
  private held(key: string, owner: string): Entry | null {
    const entry = this.entries.get(key);
    return entry && !entry.done && entry.owner === owner ? entry : null;
  }

  /** Drops old entries whenever the map has doubled since the last sweep (amortised O(1)). */
  private sweep(now: number): void {
    if (this.entries.size < this.sweepAt) return;
    // A completed entry's `until` is already its retention; an undone one is kept as long (its holder may still complete).
    for (const [key, entry] of this.entries) if (entry.until + (entry.done ? 0 : KEEP_DONE_MS) <= now) this.entries.delete(key);
    this.sweepAt = Math.max(1000, 2 * this.entries.size);
  }
}

export class MemoryLedger implements DedupLedger {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 10_000,
  ) {}

  async firstTime(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now().getTime();
    this.evict(now);
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + ttlMs);
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

export function memoryCoordination(clock: Clock): Coordination {
  return { owner: instanceOwner(), claims: new MemoryClaims(clock), ledger: new MemoryLedger(clock) };
}
