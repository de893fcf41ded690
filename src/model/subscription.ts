// A channel's weekly roundup subscription and its delivery state (persisted: node-cron keeps none).
import type { ChannelRef } from './actor.js';

export interface SubscriptionRecord {
  id: string;
  channel: ChannelRef;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:MM" local to timezone. */
  time: string;
  timezone: string;
  topics: string[];
  /** What a week with nothing new posts: one short line, or nothing. */
  quietWeeks: 'post' | 'skip';
  createdAt: string;
  createdBy: string;
  /** ISO instant of the last slot whose roundup the platform accepted. */
  lastSlot: string | null;
  /** ISO instant up to which articles were covered by the last delivered roundup. */
  coveredUntil: string | null;
  /** Idempotency key of the last accepted delivery (subscription id + slot); absent in older records. */
  lastDeliveryKey?: string | null;
  paused: { reason: string; at: string } | null;
}
