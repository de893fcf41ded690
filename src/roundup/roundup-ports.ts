// What the roundup code needs from the store: a small port, so the scheduler and
// its tests run against the real lowdb store or an in-memory fake alike.
import type { SubscriptionRecord } from '../model/subscription.js';
import type { RoundupArticle } from './compose-roundup.js';

type MaybePromise<T> = T | Promise<T>;

export interface SubscriptionStore {
  listSubscriptions(): MaybePromise<readonly SubscriptionRecord[]>;
  /** Insert or replace by id; persisted before it resolves. */
  putSubscription(record: SubscriptionRecord): MaybePromise<unknown>;
  deleteSubscription(id: string): MaybePromise<unknown>;
}

export interface ArticleSource {
  listArticles(): MaybePromise<Iterable<RoundupArticle>>;
}

export type RoundupStore = SubscriptionStore & ArticleSource;

/** What a delivered (or quietly skipped) slot writes on its subscription. */
export interface DeliveryState {
  lastSlot: string;
  coveredUntil: string;
  lastDeliveryKey: string;
}

/**
 * Completes a roundup's claim and writes its delivery state in one transaction
 * (PostgreSQL). False when another instance had taken the claim over: nothing written.
 */
export type CommitDelivery = (claim: { key: string; owner: string }, subscriptionId: string, state: DeliveryState) => Promise<boolean>;
