// The delivery state machine for due subscriptions. A subscription's state
// (lastSlot, coveredUntil) is written only after the platform accepted the message;
// a permanent failure pauses it with the reason; transient failures that outlast
// the retries are deferred (growing back-off) and tried on a later pass.
// Each (subscription, slot) is claimed before it is sent, so of several instances
// sharing a database exactly one sends it; the claim is completed together with the
// state write (one transaction in PostgreSQL). A crash between the platform's
// acceptance and that write re-sends that one roundup once the claim's lease runs
// out (on restart, for one in-process instance): at least once, never silently lost.
// The re-send is the same message (composed from the slot, not the send time) with
// the same key, so a platform that de-duplicates (Discord's nonce) keeps one copy;
// see decisions 014 and 020.
import type { Clock } from '../clock.js';
import type { ClaimRecord, Coordination } from '../coordination/claims.js';
import { claimManyAndHold, type HeldClaim, type HoldAnswer } from '../coordination/held-claim.js';
import type { Logger } from '../logger.js';
import type { Deliverer } from '../model/delivery.js';
import type { Reply, Roundup } from '../model/reply.js';
import type { SubscriptionRecord } from '../model/subscription.js';
import { ArticleWindow } from './compose-roundup.js';
import { ClaimBatches } from './claim-batches.js';
import { deliverWithRetry, type RetryPolicy, type Sleep } from './deliver-with-retry.js';
import type { DeliveryState, RoundupStore } from './roundup-ports.js';
import { latestSlotsAt, type WeeklySpec } from './weekly-slot.js';

export interface DeliveryReport {
  due: number;
  delivered: number;
  /** Quiet weeks of subscriptions that post nothing then: state advanced, nothing sent. */
  skippedQuiet: number;
  paused: number;
  deferred: number;
  /** Due, but no running adapter for the platform. */
  noDeliverer: number;
  /** Due here, but another instance holds the slot's claim or has delivered it. */
  elsewhere: number;
}

/**
 * How roundups take turns with other instances (docs/decisions/020). Without
 * commitDelivery the claim is completed first, then the state written.
 */
export type RoundupCoordination = Pick<Coordination, 'owner' | 'claims' | 'commitDelivery'> & { leaseMs?: number };

interface Deps {
  store: RoundupStore;
  clock: Clock;
  logger: Logger;
  sleep: Sleep;
  retry: RetryPolicy;
  concurrency: number;
  /** One pass's composer over its articles: (subscription, slot) → the roundup for the period ending at the slot. */
  composer: (articles: ArticleWindow) => Compose;
  coordination: RoundupCoordination;
}

type Compose = (sub: SubscriptionRecord, until: Date) => Roundup;

/** A due subscription of this pass: its slot, delivery key and the answer to its claim. */
interface Turn {
  sub: SubscriptionRecord;
  deliverer: Deliverer;
  slot: Date;
  key: string;
  claim: HoldAnswer;
}

/** "<subscription id>-<slot as UTC yyyyMMddHHmm>": 23 characters, within Discord's 25 for a nonce. */
export function deliveryKey(subscriptionId: string, slot: Date): string {
  return `${subscriptionId}-${slot.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
}

/** The claim that one instance sends this delivery. */
export function roundupClaimKey(key: string): string {
  return `roundup:${key}`;
}

function isDeliveryState(r: ClaimRecord | null): r is ClaimRecord & DeliveryState {
  return typeof r?.['lastSlot'] === 'string' && typeof r['coveredUntil'] === 'string' && typeof r['lastDeliveryKey'] === 'string';
}

type Outcome = Exclude<keyof DeliveryReport, 'due'>;

const DEFER_BASE_MS = 5 * 60_000;
const DEFER_MAX_MS = 60 * 60_000;

/** What a channel receives; with no lines, every renderer shows one short "nothing new" line. */
export function roundupReply(roundup: Roundup, preview: boolean): Reply {
  return { kind: 'roundup', roundup, preview };
}

export class RoundupDelivery {
  private readonly deferred = new Map<string, { until: number; failures: number }>();

  constructor(private readonly deps: Deps) {}

  forget(id: string): void {
    this.deferred.delete(id);
  }

  async deliverAll(subs: readonly SubscriptionRecord[], deliverers: readonly Deliverer[]): Promise<DeliveryReport> {
    const report: DeliveryReport = { due: subs.length, delivered: 0, skippedQuiet: 0, paused: 0, deferred: 0, noDeliverer: 0, elsewhere: 0 };
    const began = this.deps.clock.now();
    const queue = subs.filter((s) => (this.deferred.get(s.id)?.until ?? 0) <= began.getTime());
    report.deferred = subs.length - queue.length;
    // A claim is taken only by an instance that can send on the subscription's platform.
    const sendable: { sub: SubscriptionRecord; deliverer: Deliverer }[] = [];
    for (const sub of queue) {
      const deliverer = deliverers.find((d) => d.platform === sub.channel.platform);
      if (deliverer) sendable.push({ sub, deliverer });
      else report.noDeliverer += this.noDeliverer(sub);
    }
    if (!sendable.length) return report;
    const compose = this.deps.composer(new ArticleWindow(await this.deps.store.listArticles()));
    // Each subscription delivers the slot that was latest when the pass began.
    const slotOf = latestSlotsAt(began);
    const turns = new ClaimBatches(sendable, this.deps.concurrency, (batch) => this.claimBatch(batch, slotOf, report));
    const worker = async (): Promise<void> => {
      for (let turn = await turns.next(); turn; turn = await turns.next()) {
        report[await this.deliverSafely(turn, compose)]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.deps.concurrency, sendable.length) }, worker));
    return report;
  }

  private noDeliverer(sub: SubscriptionRecord): number {
    this.deps.logger.warn({ event: 'roundup.no_deliverer', subscription: sub.id, platform: sub.channel.platform });
    this.defer(sub.id);
    return 1;
  }

  /** Claims each subscription's slot, the whole batch in one go; what cannot be claimed is deferred. */
  private async claimBatch(batch: readonly { sub: SubscriptionRecord; deliverer: Deliverer }[], slotOf: (spec: WeeklySpec) => Date, report: DeliveryReport): Promise<Turn[]> {
    const { claims, owner, leaseMs } = this.deps.coordination;
    try {
      const due = batch.map(({ sub, deliverer }) => {
        const slot = slotOf(sub);
        return { sub, deliverer, slot, key: deliveryKey(sub.id, slot) };
      });
      const answers = await claimManyAndHold(claims, due.map((d) => roundupClaimKey(d.key)), owner, { logger: this.deps.logger, ...(leaseMs ? { leaseMs } : {}) });
      return due.map((d, i) => ({ ...d, claim: answers[i]! }));
    } catch (e) {
      for (const { sub } of batch) report.deferred += this.failed(sub.id, e);
      return [];
    }
  }

  /** One subscription's failure (e.g. a store write) must not end the pass while other workers still post. */
  private async deliverSafely(turn: Turn, compose: Compose): Promise<Outcome> {
    try {
      return await this.deliverOne(turn, compose);
    } catch (e) {
      this.failed(turn.sub.id, e);
      return 'deferred';
    }
  }

  /** Logs an unexpected failure and backs the subscription off; counts one deferred. */
  private failed(id: string, e: unknown): number {
    this.defer(id);
    this.deps.logger.error({ event: 'roundup.delivery_error', subscription: id, err: e instanceof Error ? e.message : String(e) });
    return 1;
  }

  private async deliverOne({ sub, deliverer, slot, key, claim }: Turn, compose: Compose): Promise<Outcome> {
    if (claim.held === false) {
      await this.catchUp(sub, claim.done);
      return 'elsewhere';
    }
    const held = claim.held;
    try {
      return await this.send(sub, slot, key, deliverer, compose, held);
    } finally {
      // A failed state write after the platform accepted keeps the claim unrenewed: another
      // instance re-sends (same key) once the lease runs out, as after a crash.
      await held.stop();
    }
  }

  private async send(sub: SubscriptionRecord, slot: Date, key: string, deliverer: Deliverer, compose: Compose, held: HeldClaim): Promise<Outcome> {
    const log = this.deps.logger;
    // The period ends at the slot, so a re-send of this slot is the same message.
    const roundup = compose(sub, slot);
    const done: DeliveryState = { lastSlot: slot.toISOString(), coveredUntil: roundup.until, lastDeliveryKey: key };
    if (roundup.lines.length === 0 && sub.quietWeeks === 'skip') {
      await this.commit(sub.id, held, done);
      return 'skippedQuiet';
    }
    const { result, attempts } = await deliverWithRetry(deliverer, sub.channel, roundupReply(roundup, false), this.deps.retry, this.deps.sleep, { key });
    if (result.ok) {
      await this.commit(sub.id, held, done);
      this.deferred.delete(sub.id);
      log.info({ event: 'roundup.delivered', subscription: sub.id, slot: done.lastSlot, key, lines: roundup.lines.length, attempts });
      return 'delivered';
    }
    await held.stop();
    if (result.failure.kind === 'permanent') {
      await this.update(sub.id, { paused: { reason: result.failure.reason, at: this.deps.clock.now().toISOString() } });
      // Given back (after the pause is written): a resumed subscription sends this slot.
      await this.deps.coordination.claims.release(held.key, held.owner);
      log.warn({ event: 'roundup.paused', subscription: sub.id, reason: result.failure.reason });
      return 'paused';
    }
    const wait = this.defer(sub.id);
    // Given back with the back-off, so no other instance retries sooner than this one would.
    await this.deps.coordination.claims.release(held.key, held.owner, wait);
    log.warn({ event: 'roundup.deferred', subscription: sub.id, reason: result.failure.reason, attempts });
    return 'deferred';
  }

  /** Completes the claim and writes the delivery state: in one transaction where the store can. */
  private async commit(id: string, held: HeldClaim, state: DeliveryState): Promise<void> {
    await held.stop();
    const { commitDelivery, claims } = this.deps.coordination;
    const ours = commitDelivery ? await commitDelivery(held, id, state) : await claims.complete(held.key, held.owner, { ...state });
    if (!ours) {
      // Taken over while we sent (this process stalled for a whole lease): the new holder writes the state.
      this.deps.logger.warn({ event: 'roundup.claim_lost', subscription: id, key: state.lastDeliveryKey });
      return;
    }
    if (!commitDelivery) await this.update(id, state);
  }

  /**
   * A slot another instance completed while this one still sees it due: either its
   * state write is on the way, or (a store without one transaction for both) it
   * crashed between completing the claim and writing the state. Writing the recorded
   * state again is the same write, and never moves lastSlot back.
   */
  private async catchUp(sub: SubscriptionRecord, done: ClaimRecord | null): Promise<void> {
    if (this.deps.coordination.commitDelivery || !isDeliveryState(done)) return;
    if (sub.lastSlot && sub.lastSlot >= done.lastSlot) return;
    await this.update(sub.id, { lastSlot: done.lastSlot, coveredUntil: done.coveredUntil, lastDeliveryKey: done.lastDeliveryKey });
  }

  /** Backs this subscription off for a growing while; returns the wait. */
  private defer(id: string): number {
    const failures = (this.deferred.get(id)?.failures ?? 0) + 1;
    const wait = Math.min(DEFER_MAX_MS, DEFER_BASE_MS * 2 ** (failures - 1));
    this.deferred.set(id, { until: this.deps.clock.now().getTime() + wait, failures });
    return wait;
  }

  /** Re-reads the record so a concurrent unsubscribe or schedule change is not undone. */
  private async update(id: string, patch: Partial<SubscriptionRecord>): Promise<void> {
    const current = (await this.deps.store.listSubscriptions()).find((s) => s.id === id);
    if (!current) return;
    const next = { ...current, ...patch };
    // A schedule changed mid-delivery may have moved lastSlot forward: never move it back.
    if (current.lastSlot && next.lastSlot && current.lastSlot > next.lastSlot) next.lastSlot = current.lastSlot;
    await this.deps.store.putSubscription(next);
  }
}
