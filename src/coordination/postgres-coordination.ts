// Coordination in PostgreSQL for instances sharing one database. Each operation is
// one statement, so it is atomic without explicit locks: a claim is an INSERT whose
// ON CONFLICT branch takes the row over only when its lease ran out and it is not
// completed; renew/complete/release are UPDATEs conditional on the row still naming
// the owner (no one took it over, even if the lease ran out meanwhile). Times come from the engine's clock (tests move it); instances
// are assumed to agree on the time to well within a lease (NTP), see decision 020.
import type pg from 'pg';
import type { Clock } from '../clock.js';
import type { CommitDelivery } from '../roundup/roundup-ports.js';
import type { ClaimAnswer, ClaimRecord, Claims, Coordination, DedupLedger } from './claims.js';
import { instanceOwner } from './instance-owner.js';

/** Completed claims and expired ledger rows older than this are deleted. */
const KEEP_DONE_MS = 30 * 24 * 60 * 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;

type Queryable = Pick<pg.Pool, 'query'>;

function at(clock: Clock, plusMs = 0): Date {
  return new Date(clock.now().getTime() + plusMs);
}

export class PostgresClaims implements Claims {
  private nextSweep = 0;

  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
  ) {}

  async claim(key: string, owner: string, leaseMs: number): Promise<ClaimAnswer> {
    return (await this.claimMany([key], owner, leaseMs))[0]!;
  }

  async claimMany(keys: readonly string[], owner: string, leaseMs: number): Promise<ClaimAnswer[]> {
    if (keys.length === 0) return [];
    // Rows are taken in key order, so two instances claiming overlapping batches wait
    // on each other's rows in the same order and cannot deadlock.
    const sorted = [...keys].sort();
    if (sorted.some((k, i) => i > 0 && k === sorted[i - 1])) throw new Error('claimMany: keys must be distinct');
    await this.sweep();
    const now = at(this.clock);
    const taken = await this.db.query<{ key: string }>(
      `INSERT INTO coordination_claims (key, owner, lease_until)
       SELECT k, $2, $3 FROM unnest($1::text[]) WITH ORDINALITY AS batch(k, n) ORDER BY n
       ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
         WHERE coordination_claims.completed_at IS NULL AND coordination_claims.lease_until <= $4
       RETURNING key`,
      [sorted, owner, at(this.clock, leaseMs), now],
    );
    const held = new Set(taken.rows.map((r) => r.key));
    const refused = keys.filter((k) => !held.has(k));
    const done = new Map<string, ClaimRecord>();
    if (refused.length > 0) {
      const { rows } = await this.db.query<{ key: string; record: ClaimRecord | null }>(
        'SELECT key, record FROM coordination_claims WHERE key = ANY($1) AND completed_at IS NOT NULL',
        [refused],
      );
      for (const r of rows) done.set(r.key, r.record ?? {});
    }
    return keys.map((k) => (held.has(k) ? { held: true } : { held: false, done: done.get(k) ?? null }));
  }

  async renew(key: string, owner: string, leaseMs: number): Promise<boolean> {
    const res = await this.db.query(
      'UPDATE coordination_claims SET lease_until = $3 WHERE key = $1 AND owner = $2 AND completed_at IS NULL',
      [key, owner, at(this.clock, leaseMs)],
    );
    return res.rowCount === 1;
  }

  async complete(key: string, owner: string, record: ClaimRecord): Promise<boolean> {
    const res = await this.db.query(COMPLETE_CLAIM_SQL, completeClaimParams(this.clock, key, owner, record));
    return res.rowCount === 1;
  }

  async release(key: string, owner: string, freeInMs = 0): Promise<void> {
    await this.db.query('UPDATE coordination_claims SET lease_until = $3 WHERE key = $1 AND owner = $2 AND completed_at IS NULL', [
      key,
      owner,
      at(this.clock, freeInMs),
    ]);
  }

  private async sweep(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    // A row given back long ago is as free as no row at all.
    await this.db.query('DELETE FROM coordination_claims WHERE coalesce(completed_at, lease_until) < $1', [new Date(now - KEEP_DONE_MS)]);
  }
}

/**
 * Marks a held claim completed (no row when `owner` no longer holds it): $1 key,
 * $2 owner, $3 completed at, $4 record. A statement of its own, so a caller can put
 * it in one with other writes (a roundup completes its claim and advances the
 * subscription in one statement).
 */
export const COMPLETE_CLAIM_SQL = 'UPDATE coordination_claims SET completed_at = $3, record = $4 WHERE key = $1 AND owner = $2 AND completed_at IS NULL RETURNING key';

export function completeClaimParams(clock: Clock, key: string, owner: string, record: ClaimRecord): unknown[] {
  return [key, owner, at(clock), JSON.stringify(record)];
}

export class PostgresLedger implements DedupLedger {
  private nextSweep = 0;

  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
  ) {}

  async firstTime(key: string, ttlMs: number): Promise<boolean> {
    await this.sweep();
    const res = await this.db.query(
      `INSERT INTO dedup_ledger (key, expires_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE dedup_ledger.expires_at <= $3
       RETURNING key`,
      [key, at(this.clock, ttlMs), at(this.clock)],
    );
    return res.rowCount === 1;
  }

  private async sweep(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    await this.db.query('DELETE FROM dedup_ledger WHERE expires_at < $1', [new Date(now)]);
  }
}

/** Coordination over the store's pool (the store closes it). */
export function postgresCoordination(pool: pg.Pool, clock: Clock, commitDelivery?: CommitDelivery): Coordination {
  return { owner: instanceOwner(), claims: new PostgresClaims(pool, clock), ledger: new PostgresLedger(pool, clock), ...(commitDelivery ? { commitDelivery } : {}) };
}
