// A roundup's end in PostgreSQL: the slot's claim is completed (with the delivery
// key and state) and the subscription advanced in ONE transaction, so no instance
// ever sees the slot done but the subscription still owing it, or the reverse.
// The subscription's other fields are left as they are in the row (an unsubscribe or
// a schedule change committed meanwhile is not undone), and lastSlot never moves back.
import type pg from 'pg';
import type { Clock } from '../../clock.js';
import { completeClaim } from '../../coordination/postgres-coordination.js';
import type { SubscriptionRecord } from '../../model/subscription.js';
import type { DeliveryState } from '../../roundup/roundup-ports.js';
import { writeAndNotify, type NoteOf } from './change-feed.js';

export interface DeliveryCommitResult {
  /** False: another instance had taken the claim over; nothing was written. */
  ours: boolean;
  /** The subscription as stored now (null when it was deleted meanwhile). */
  subscription: SubscriptionRecord | null;
}

export async function commitDelivery(
  pool: pg.Pool,
  clock: Clock,
  claim: { key: string; owner: string },
  subscriptionId: string,
  state: DeliveryState,
  note: NoteOf,
): Promise<DeliveryCommitResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      if (!(await completeClaim(client, clock, claim.key, claim.owner, { ...state }))) {
        await client.query('ROLLBACK');
        return { ours: false, subscription: null };
      }
      const rows = await writeAndNotify<{ id: string; record: SubscriptionRecord }>(
        client,
        `UPDATE subscriptions SET record = record || jsonb_build_object(
           'lastSlot', GREATEST(coalesce(record->>'lastSlot', ''), $2::text),
           'coveredUntil', $3::text,
           'lastDeliveryKey', $4::text)
         WHERE id = $1 RETURNING id, record`,
        [subscriptionId, state.lastSlot, state.coveredUntil, state.lastDeliveryKey],
        note,
      );
      await client.query('COMMIT');
      return { ours: true, subscription: rows[0]?.record ?? null };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } finally {
    client.release();
  }
}
