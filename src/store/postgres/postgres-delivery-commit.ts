// A roundup's end in PostgreSQL: the slot's claim is completed (with the delivery
// key and state) and the subscription advanced in ONE statement (so one transaction
// and one round trip), so no instance ever sees the slot done but the subscription
// still owing it, or the reverse. The subscription is touched only when the claim
// was still ours; its other fields are left as they are in the row (an unsubscribe or
// a schedule change committed meanwhile is not undone), and lastSlot never moves back.
import type pg from 'pg';
import type { Clock } from '../../clock.js';
import { COMPLETE_CLAIM_SQL, completeClaimParams } from '../../coordination/postgres-coordination.js';
import type { SubscriptionRecord } from '../../model/subscription.js';
import type { DeliveryState } from '../../roundup/roundup-ports.js';
import { noteParams, notifySql, type NoteOf } from './change-feed.js';

export interface DeliveryCommitResult {
  /** False: another instance had taken the claim over; nothing was written. */
  ours: boolean;
  /** The subscription as stored now (null when it was deleted meanwhile). */
  subscription: SubscriptionRecord | null;
}

// $1-$4: the claim (COMPLETE_CLAIM_SQL); $5-$8: the subscription; $9-$11: the note.
const COMMIT_SQL = `
  WITH done AS (${COMPLETE_CLAIM_SQL}),
  changed AS (
    UPDATE subscriptions SET record = record || jsonb_build_object(
      'lastSlot', GREATEST(coalesce(record->>'lastSlot', ''), $6::text),
      'coveredUntil', $7::text,
      'lastDeliveryKey', $8::text)
    WHERE id = $5 AND EXISTS (SELECT 1 FROM done) RETURNING id, record)
  SELECT changed.record, CASE WHEN changed.id IS NULL THEN NULL ELSE ${notifySql('changed.id', 9)} END AS noted
  FROM done LEFT JOIN changed ON true`;

export async function commitDelivery(
  pool: pg.Pool,
  clock: Clock,
  claim: { key: string; owner: string },
  subscriptionId: string,
  state: DeliveryState,
  note: NoteOf,
): Promise<DeliveryCommitResult> {
  const { rows } = await pool.query<{ record: SubscriptionRecord | null }>(COMMIT_SQL, [
    ...completeClaimParams(clock, claim.key, claim.owner, { ...state }),
    subscriptionId,
    state.lastSlot,
    state.coveredUntil,
    state.lastDeliveryKey,
    ...noteParams(note),
  ]);
  // No row: the claim was no longer ours (the statement changed nothing).
  return rows[0] ? { ours: true, subscription: rows[0].record } : { ours: false, subscription: null };
}
