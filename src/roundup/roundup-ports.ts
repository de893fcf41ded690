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
