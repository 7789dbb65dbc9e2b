import type { DataSource } from 'typeorm';
import { preparedStatement, runPrepared } from '../prepared-statement.util';
import type { EngineEvent } from './engine-event.types';

/** A claimed event with the attempt this claim started (1 for the first). */
export interface ClaimedEvent {
  event: EngineEvent;
  attempt: number;
}

/** How a failed attempt is recorded: retried at `retryAt`, or dead-lettered when it is null. */
export interface FailedAttempt {
  id: string;
  error: string;
  retryAt: Date | null;
}

interface ClaimedRow {
  id: string;
  workspace_id: string;
  number_id: string | null;
  contact_key: string;
  kind: EngineEvent['kind'];
  payload: EngineEvent['payload'];
  delivery_id: string | null;
  created_at: Date;
  attempts: number;
}

const claimHeadEvents = preparedStatement<ClaimedRow>(
  'engine_events_claim_heads',
  `UPDATE domain_events d SET lease_owner = $1, lease_until = $3, attempts = d.attempts + 1
   FROM (
     SELECT id FROM (
       SELECT DISTINCT ON (contact_key) id, lease_until, next_attempt_at FROM domain_events
       WHERE dispatched_at IS NULL AND dead_at IS NULL ORDER BY contact_key, id
     ) heads
     WHERE (lease_until IS NULL OR lease_until <= $2) AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
     ORDER BY id LIMIT $4
   ) due
   WHERE d.id = due.id AND d.dispatched_at IS NULL AND d.dead_at IS NULL AND (d.lease_until IS NULL OR d.lease_until <= $2)
   RETURNING d.id::text AS id, d.workspace_id, d.number_id, d.contact_key, d.kind, d.payload, d.delivery_id, d.created_at, d.attempts`,
);

/**
 * Claims up to `limit` events for `owner` until `leaseUntil`, in one statement.
 *
 * THE ORDERING GUARANTEE IS ENFORCED HERE: only a contact's *head* — its oldest event that is
 * neither dispatched nor dead — can be claimed, so a contact's later event is never handled
 * before an earlier one has succeeded or been dead-lettered, whatever retries, backoffs or
 * crashes happen in between. A head waiting for its retry time, or leased to another
 * consumer, holds its whole contact back (and nothing else).
 *
 * Two consumers never take the same event: the lease is checked again in the UPDATE's own
 * WHERE, which PostgreSQL re-evaluates on the latest row version when a concurrent claim
 * committed first (READ COMMITTED), so the second claimant skips the row.
 */
export async function claimHeads(ds: DataSource, owner: string, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedEvent[]> {
  const { rows } = await runPrepared(ds, claimHeadEvents, [owner, now, leaseUntil, limit]);
  return rows.map((row) => ({ event: toEvent(row), attempt: row.attempts }));
}

const markEventsDispatched = preparedStatement(
  'engine_events_mark_dispatched',
  `UPDATE domain_events SET dispatched_at = $3, lease_owner = NULL, lease_until = NULL, next_attempt_at = NULL
   WHERE id = ANY($1::bigint[]) AND lease_owner = $2`,
);

/** Marks events handled; only while `owner` still holds them (a consumer that took over an expired lease marks its own). */
export async function markDispatched(ds: DataSource, owner: string, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await runPrepared(ds, markEventsDispatched, [ids, owner, now]);
}

const markEventsFailed = preparedStatement(
  'engine_events_mark_failed',
  `UPDATE domain_events d SET lease_owner = NULL, lease_until = NULL, last_error = f.error,
     next_attempt_at = f.retry_at, dead_at = CASE WHEN f.retry_at IS NULL THEN $3::timestamptz END
   FROM unnest($1::bigint[], $2::text[], $4::timestamptz[]) AS f(id, error, retry_at)
   WHERE d.id = f.id AND d.lease_owner = $5`,
);

/** Records failed attempts: each is scheduled again at its `retryAt`, or dead-lettered (`dead_at`) when that is null. */
export async function markFailed(ds: DataSource, owner: string, failures: readonly FailedAttempt[], now: Date): Promise<void> {
  if (failures.length === 0) return;
  await runPrepared(ds, markEventsFailed, [
    failures.map((f) => f.id),
    failures.map((f) => f.error.slice(0, 2000)),
    now,
    failures.map((f) => f.retryAt),
    owner,
  ]);
}

function toEvent(row: ClaimedRow): EngineEvent {
  return {
    id: row.id,
    kind: row.kind,
    workspaceId: row.workspace_id,
    numberId: row.number_id,
    contactKey: row.contact_key,
    deliveryId: row.delivery_id,
    createdAt: new Date(row.created_at).toISOString(),
    payload: row.payload,
  } as EngineEvent;
}
