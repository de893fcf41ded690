// Holding a claim while work runs: the lease is short (a killed instance's work is
// taken over soon) and renewed in the background while the holder is alive (work
// that takes longer than a lease, e.g. a platform client retrying for minutes, is
// not taken over under it). Renewals run on real time: they keep a live process's
// claim, whatever the injected clock says.
import type { Logger } from '../logger.js';
import type { ClaimAnswer, Claims } from './claims.js';

/** How long a claim outlives a killed holder; see docs/decisions/020. */
export const CLAIM_LEASE_MS = 60_000;

export interface HeldClaim {
  readonly key: string;
  readonly owner: string;
  /** Stops renewing and waits for a renewal in flight, so it cannot land after a completion or release. */
  stop(): Promise<void>;
  /** False once a renewal found the claim taken over: completing it will fail. */
  readonly lost: boolean;
}

export interface ClaimOptions {
  leaseMs?: number;
  logger?: Logger;
}

/** A claim answer whose held side carries the renewing HeldClaim. */
export type HoldAnswer = { held: HeldClaim } | Extract<ClaimAnswer, { held: false }>;

/** Claims `key`; when held, renews it every third of the lease until stop(). */
export async function claimAndHold(claims: Claims, key: string, owner: string, options: ClaimOptions = {}): Promise<HoldAnswer> {
  return (await claimManyAndHold(claims, [key], owner, options))[0]!;
}

/** claimAndHold for distinct keys in one claim (Claims.claimMany); answers in the order of `keys`. */
export async function claimManyAndHold(claims: Claims, keys: readonly string[], owner: string, options: ClaimOptions = {}): Promise<HoldAnswer[]> {
  const leaseMs = options.leaseMs ?? CLAIM_LEASE_MS;
  const answers = await claims.claimMany(keys, owner, leaseMs);
  return answers.map((answer, i) => (answer.held ? { held: hold(claims, keys[i]!, owner, leaseMs, options.logger) } : answer));
}

function hold(claims: Claims, key: string, owner: string, leaseMs: number, logger: Logger | undefined): HeldClaim {
  let lost = false;
  let stopped = false;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = claims.renew(key, owner, leaseMs).then(
      (ok) => {
        if (ok || lost || stopped) return;
        lost = true;
        logger?.warn({ event: 'claim.lost', key }, 'a claim was taken over while held');
      },
      (err: unknown) => logger?.warn({ event: 'claim.renew_failed', key, err: err instanceof Error ? err.message : String(err) }),
    );
  }, Math.max(1, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    key,
    owner,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      return renewing;
    },
    get lost() {
      return lost;
    },
  };
}
