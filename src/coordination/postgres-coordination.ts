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
    await this.sweep();
    const now = at(this.clock);
    const taken = await this.db.query(
      `INSERT INTO coordination_claims (key, owner, lease_until) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
         WHERE coordination_claims.completed_at IS NULL AND coordination_claims.lease_until <= $4
       RETURNING key`,
      [key, owner, at(this.clock, leaseMs), now],
    );
    if (taken.rowCount === 1) return { held: true };
    const { rows } = await this.db.query<{ record: ClaimRecord | null; completed: boolean }>(
      'SELECT record, completed_at IS NOT NULL AS completed FROM coordination_claims WHERE key = $1',
      [key],
    );
    const row = rows[0];
    return { held: false, done: row?.completed ? (row.record ?? {}) : null };
  }

  async renew(key: string, owner: string, leaseMs: number): Promise<boolean> {
    const res = await this.db.query(
      'UPDATE coordination_claims SET lease_until = $3 WHERE key = $1 AND owner = $2 AND completed_at IS NULL',
      [key, owner, at(this.clock, leaseMs)],
    );
    return res.rowCount === 1;
  }

  async complete(key: string, owner: string, record: ClaimRecord): Promise<boolean> {
    return completeClaim(this.db, this.clock, key, owner, record);
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
 * Marks a held claim completed; false when `owner` no longer holds it. Takes any
 * client, so a caller can run it inside its own transaction (a roundup completes its
 * claim and advances the subscription in one).
 */
export async function completeClaim(db: Queryable, clock: Clock, key: string, owner: string, record: ClaimRecord): Promise<boolean> {
  const res = await db.query(
    'UPDATE coordination_claims SET completed_at = $3, record = $4 WHERE key = $1 AND owner = $2 AND completed_at IS NULL',
    [key, owner, at(clock), JSON.stringify(record)],
  );
  return res.rowCount === 1;
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
