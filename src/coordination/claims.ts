// The coordination port: what instances sharing one database agree on, so work
// that must happen once happens once. Two kinds:
// - claims with a lease: one instance holds a key (a roundup's subscription+slot,
//   a feed's due poll) until it completes it, gives it back, or stops renewing it
//   (killed), after which another instance may take it over;
// - a de-dup ledger: whether a request key (a Slack trigger id) is seen for the
//   first time by any instance.
// Implementations: in-process (one instance, memory) and PostgreSQL; one contract
// test suite runs against both (tests/coordination). See docs/decisions/020.
import type { CommitDelivery } from '../roundup/roundup-ports.js';

/** What a finished claim left behind: for a roundup, the delivery state it recorded. */
export type ClaimRecord = Record<string, unknown>;

export type ClaimAnswer =
  /** This owner holds the key now, until completed, released or its lease runs out. */
  | { held: true }
  /** Another owner holds it (done: null), or it was completed (done: what it recorded). */
  | { held: false; done: ClaimRecord | null };

export interface Claims {
  /** Takes the key when no one holds it or its holder's lease ran out. Not re-entrant: a second claim by the holder is refused too. */
  claim(key: string, owner: string, leaseMs: number): Promise<ClaimAnswer>;
  /**
   * claim() for several keys at once (one statement in PostgreSQL, so a pass over
   * thousands of due roundups does not pay a round trip per key); answers in the
   * order of `keys`, which must be distinct.
   */
  claimMany(keys: readonly string[], owner: string, leaseMs: number): Promise<ClaimAnswer[]>;
  /** Extends the holder's lease; false when another owner took the key over, or it was completed. */
  renew(key: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Marks the key done for good with what it recorded; false when another owner took it over (or it was done). */
  complete(key: string, owner: string, record: ClaimRecord): Promise<boolean>;
  /** Gives the key back undone; no one (the owner included) may take it for `freeInMs` (a back-off). */
  release(key: string, owner: string, freeInMs?: number): Promise<void>;
}

export interface DedupLedger {
  /** True for exactly one caller across all instances per key, until `ttlMs` has passed. */
  firstTime(key: string, ttlMs: number): Promise<boolean>;
}

/** The coordination of one open engine. */
export interface Coordination {
  /** Names this instance in claims (host, process, a random part). */
  readonly owner: string;
  readonly claims: Claims;
  readonly ledger: DedupLedger;
  /** Where the store can: completes a roundup's claim and writes its subscription's state in one transaction. */
  readonly commitDelivery?: CommitDelivery;
}
