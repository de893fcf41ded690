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

/** Claims `key`; when held, renews it every third of the lease until stop(). */
export async function claimAndHold(claims: Claims, key: string, owner: string, options: ClaimOptions = {}): Promise<{ held: HeldClaim } | Extract<ClaimAnswer, { held: false }>> {
  const leaseMs = options.leaseMs ?? CLAIM_LEASE_MS;
  const answer = await claims.claim(key, owner, leaseMs);
  if (!answer.held) return answer;
  let lost = false;
  let stopped = false;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = claims.renew(key, owner, leaseMs).then(
      (ok) => {
        if (ok || lost || stopped) return;
        lost = true;
        options.logger?.warn({ event: 'claim.lost', key }, 'a claim was taken over while held');
      },
      (err: unknown) => options.logger?.warn({ event: 'claim.renew_failed', key, err: err instanceof Error ? err.message : String(err) }),
    );
  }, Math.max(1, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    held: {
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
    },
  };
}
