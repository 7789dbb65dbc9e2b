import type { EntityManager } from 'typeorm';
import { unwrapUpdate } from '../status/message-status.util';
import type { AlertInput, AlertKind, RaisedAlert } from './alert.types';

/**
 * A problem resolved less than this long ago that comes back reopens its alert instead of
 * raising a new one: a flapping number or template tells people once, not at every flap.
 */
export const ALERT_REOPEN_WINDOW_MS = 60 * 60 * 1000;

/**
 * Raises an alert in the caller's transaction (`m`), deduplicated per kind and subject. A new
 * alert also queues one delivery per enabled endpoint of the workspace that takes its kind;
 * those rows are the outbox the alert dispatcher posts from, so they commit with the change
 * that caused them or not at all.
 */
export async function raiseAlert(m: EntityManager, input: AlertInput, now = new Date()): Promise<RaisedAlert> {
  const repeat = await bumpOpenOrRecent(m, input, now);
  if (repeat) return { id: repeat, created: false };
  const [row] = unwrapUpdate<{ id: string; inserted: boolean }>(
    await m.query(
      `INSERT INTO alerts (workspace_id, kind, subject, severity, title, body, data, raised_at, last_raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (workspace_id, kind, subject) WHERE resolved_at IS NULL
       DO UPDATE SET raise_count = alerts.raise_count + 1, last_raised_at = EXCLUDED.last_raised_at
       RETURNING id, (xmax = 0) AS inserted`,
      [input.workspaceId, input.kind, input.subject, input.severity, input.title, input.body, input.data ?? {}, now],
    ),
  );
  if (!row.inserted) return { id: row.id, created: false };
  await m.query(
    `INSERT INTO alert_deliveries (workspace_id, endpoint_id, alert_id, event, next_attempt_at)
     SELECT workspace_id, id, $2, 'alert.raised', $4 FROM alert_endpoints
     WHERE workspace_id = $1 AND enabled AND (cardinality(kinds) = 0 OR $3 = ANY(kinds))`,
    [input.workspaceId, row.id, input.kind, now],
  );
  return { id: row.id, created: true };
}

/** The open alert of this subject, counted again, or one resolved within the window, reopened. */
async function bumpOpenOrRecent(m: EntityManager, input: AlertInput, now: Date): Promise<string | undefined> {
  const [row] = unwrapUpdate<{ id: string }>(
    await m.query(
      `UPDATE alerts SET raise_count = raise_count + 1, last_raised_at = $4, resolved_at = NULL
       WHERE id = (SELECT id FROM alerts WHERE workspace_id = $1 AND kind = $2 AND subject = $3
                     AND (resolved_at IS NULL OR resolved_at > $5)
                   ORDER BY resolved_at DESC NULLS FIRST LIMIT 1)
       RETURNING id`,
      [input.workspaceId, input.kind, input.subject, now, new Date(now.getTime() - ALERT_REOPEN_WINDOW_MS)],
    ),
  );
  return row?.id;
}

/** Closes the open alerts of a subject (the number reconnected, the template approved again). */
export async function resolveAlerts(
  m: EntityManager,
  workspaceId: string,
  kinds: readonly AlertKind[],
  subject: string,
  now = new Date(),
): Promise<number> {
  const rows = unwrapUpdate<{ id: string }>(
    await m.query(
      `UPDATE alerts SET resolved_at = $4 WHERE workspace_id = $1 AND kind = ANY($2::text[]) AND subject = $3
         AND resolved_at IS NULL RETURNING id`,
      [workspaceId, kinds, subject, now],
    ),
  );
  return rows.length;
}
