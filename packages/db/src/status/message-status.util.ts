import type { EntityManager } from 'typeorm';
import type { MessageStatus } from '../entities/message.entity';
import { preparedStatement, runPrepared } from '../prepared-statement.util';

/**
 * Order of delivery statuses: a message only moves forward (`sent < delivered < read <
 * played`), and `failed` is terminal, so it outranks everything.
 */
export const STATUS_RANK: Readonly<Record<MessageStatus, number>> = {
  accepted: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  played: 4,
  failed: 5,
};

const RANK_SQL = `CASE e.status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3
  WHEN 'played' THEN 4 WHEN 'failed' THEN 5 END`;
const ISO = (col: string): string => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface RecomputedStatus {
  id: string;
  wamid: string;
  contactId: string;
  status: MessageStatus;
}

// One statement: the fold, and marking the folded events applied (the data-modifying CTE
// `applied` runs even though nothing selects from it). The repeated `wamid = ANY($2)` lets
// the planner reach both tables by their (number_id, wamid) index whatever their size.
const foldStatuses = preparedStatement<RecomputedStatus>(
  'fold_message_statuses',
  `WITH ev AS (
       SELECT e.wamid,
         jsonb_agg(jsonb_build_object('status', e.status, 'at', ${ISO('e.occurred_at')},
           'receivedAt', ${ISO('e.received_at')}) ORDER BY e.occurred_at, ${RANK_SQL}) AS timeline,
         (array_agg(e.status ORDER BY ${RANK_SQL} DESC))[1] AS best,
         (array_agg(e.error_code) FILTER (WHERE e.status = 'failed'))[1] AS error_code,
         (array_agg(e.error_title) FILTER (WHERE e.status = 'failed'))[1] AS error_title,
         (array_agg(e.pricing_category ORDER BY ${RANK_SQL} DESC) FILTER (WHERE e.pricing_category IS NOT NULL))[1] AS pcat,
         (array_agg(e.pricing_type ORDER BY ${RANK_SQL} DESC) FILTER (WHERE e.pricing_type IS NOT NULL))[1] AS ptype
       FROM message_status_events e
       WHERE e.number_id = $1 AND e.wamid = ANY($2::text[])
       GROUP BY e.wamid),
     folded AS (
       UPDATE messages m SET status = ev.best, status_timeline = ev.timeline,
         error_code = coalesce(ev.error_code, m.error_code), error_title = coalesce(ev.error_title, m.error_title),
         pricing_category = coalesce(ev.pcat, m.pricing_category), pricing_type = coalesce(ev.ptype, m.pricing_type),
         updated_at = now()
       FROM ev WHERE m.number_id = $1 AND m.wamid = ANY($2::text[]) AND m.wamid = ev.wamid
       RETURNING m.id, m.wamid, m.contact_id, m.status),
     applied AS (
       UPDATE message_status_events e SET applied_at = now()
       FROM folded f WHERE e.number_id = $1 AND e.wamid = ANY($2::text[]) AND e.wamid = f.wamid AND e.applied_at IS NULL)
     SELECT id, wamid, contact_id AS "contactId", status FROM folded`,
);

/**
 * Folds every recorded status event of the given wamids into their `messages` rows:
 * status = highest rank, timeline = all events by time, error and pricing from the events.
 * Derived from the full set each time, so duplicates and any arrival order give the same
 * result. Statuses whose message does not exist stay orphans until a later call.
 * Call it after inserting a message that may already have statuses (the engine's sends).
 */
export async function recomputeMessageStatuses(
  manager: EntityManager,
  numberId: string,
  wamids: readonly string[],
): Promise<RecomputedStatus[]> {
  if (wamids.length === 0) return [];
  return (await runPrepared(manager, foldStatuses, [numberId, wamids])).rows;
}

/** TypeORM's postgres driver returns `[rows, rowCount]` for UPDATE/DELETE and `rows` otherwise. */
export function unwrapUpdate<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
