import { preparedStatement, recomputeMessageStatuses, runPrepared, type OutboxSendState } from '@tandem/db';
import type { OutboundMessage } from '@tandem/whatsapp';
import type { DataSource } from 'typeorm';

/** An `outbox_sends` row as the send path reads it. */
export interface OutboxRow {
  id: string;
  state: OutboxSendState;
  wamid: string | null;
  error_code: number | null;
  error: OutboxNote | null;
  payload: { message: OutboundMessage; usedFallback?: boolean };
  updated_at: Date;
}

/**
 * What `outbox_sends.error` holds: the stored outcome of a refusal or failure, or — on a
 * `pending` row — `notSent: true` when Meta definitely refused the last attempt (safe to
 * send again without reconciling).
 */
export interface OutboxNote {
  notSent?: boolean;
  reason?: string;
  detail?: string;
  classification?: string;
  code?: number;
}

/** Who a send is for and where it comes from. */
export interface SendOrigin {
  key: string;
  workspaceId: string;
  numberId: string;
  contactId: string;
  runId: string | null;
  nodeId: string | null;
}

const ROW_COLUMNS = 'id, state, wamid, error_code, error, payload, updated_at';

// The send path's statements, run as named prepared statements (every send runs most of them).
const findRow = preparedStatement<OutboxRow>('outbox_find', `SELECT ${ROW_COLUMNS} FROM outbox_sends WHERE idempotency_key = $1`);
const claimRow = preparedStatement<OutboxRow>(
  'outbox_claim',
  `INSERT INTO outbox_sends (workspace_id, idempotency_key, number_id, contact_id, run_id, node_id, payload, state, error, error_code)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${ROW_COLUMNS}`,
);
const takeRow = preparedStatement<OutboxRow & { in_flight: boolean }>(
  'outbox_take_for_sending',
  `WITH cur AS (SELECT ${ROW_COLUMNS} FROM outbox_sends WHERE idempotency_key = $1 FOR UPDATE),
     marked AS (
       UPDATE outbox_sends o SET error = NULL, error_code = NULL, updated_at = now() FROM cur
       WHERE o.id = cur.id AND cur.state = 'pending' AND cur.error @> '{"notSent": true}'::jsonb RETURNING o.id)
   SELECT cur.*, EXISTS (SELECT 1 FROM marked) AS in_flight FROM cur`,
);
const markInFlight = preparedStatement(
  'outbox_mark_in_flight',
  `UPDATE outbox_sends SET error = NULL, error_code = NULL, updated_at = now() WHERE idempotency_key = $1 AND state = 'pending'`,
);
const settleRow = preparedStatement(
  'outbox_settle',
  `UPDATE outbox_sends SET state = $2, error = $3, error_code = $4, updated_at = now() WHERE idempotency_key = $1 AND state = 'pending'`,
);
const wamidFromStatuses = preparedStatement<{ wamid: string }>(
  'outbox_wamid_from_statuses',
  `SELECT wamid FROM message_status_events
   WHERE number_id = $1 AND received_at >= $2 AND detail->>'bizOpaqueCallbackData' = $3 LIMIT 1`,
);
const acceptRow = preparedStatement<{ has_statuses: boolean }>(
  'outbox_accept',
  `WITH sent AS (
     UPDATE outbox_sends SET state = 'accepted', wamid = $4, sent_at = now(), error = NULL, error_code = NULL, updated_at = now()
     WHERE idempotency_key = $9)
   INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status,
     journey_run_id, journey_node_id)
   VALUES ($1, $2, $3, $4, 'api', 'live', $5, $6, now(), 'accepted', $7, $8) ON CONFLICT (number_id, wamid) DO NOTHING
   RETURNING EXISTS (SELECT 1 FROM message_status_events e WHERE e.number_id = $2 AND e.wamid = $4) AS has_statuses`,
);

/** Persistence of the send outbox and of accepted messages. */
export class OutboxRepository {
  constructor(private readonly ds: DataSource) {}

  async find(key: string): Promise<OutboxRow | undefined> {
    return (await runPrepared(this.ds, findRow, [key])).rows[0];
  }

  /** Inserts the row unless the key exists; returns the row either way. */
  async claim(origin: SendOrigin, payload: OutboxRow['payload'], state: OutboxSendState, note: OutboxNote | null): Promise<OutboxRow> {
    const { rows: inserted } = await runPrepared(this.ds, claimRow, [
      origin.workspaceId,
      origin.key,
      origin.numberId,
      origin.contactId,
      origin.runId,
      origin.nodeId,
      payload,
      state,
      note,
      note?.code ?? null,
    ]);
    const row = inserted[0] ?? (await this.find(origin.key));
    if (!row) throw new Error(`outbox row ${origin.key} vanished`);
    return row;
  }

  /**
   * The row as it is now (read under the send lease) and, when it is pending and Meta
   * definitely has not got it (`notSent`), marked as possibly in flight in the same
   * statement: `inFlight` true means go ahead and call the Cloud API.
   */
  async takeForSending(key: string): Promise<{ row: OutboxRow; inFlight: boolean } | undefined> {
    const { rows } = await runPrepared(this.ds, takeRow, [key]);
    if (!rows[0]) return undefined;
    const { in_flight: inFlight, ...row } = rows[0];
    return { row, inFlight };
  }

  /** Marks a pending row as possibly in flight (clears `notSent`). */
  async markInFlight(key: string): Promise<void> {
    await runPrepared(this.ds, markInFlight, [key]);
  }

  /** Ends a row as refused or failed, or keeps it pending with a note. */
  async settle(key: string, state: Exclude<OutboxSendState, 'accepted'>, note: OutboxNote): Promise<void> {
    await runPrepared(this.ds, settleRow, [key, state, note, note.code ?? null]);
  }

  /** wamid of a message whose status webhook carried this outbox key (proof that Meta accepted it). */
  async wamidFromStatuses(numberId: string, key: string, since: Date): Promise<string | undefined> {
    const { rows } = await runPrepared(this.ds, wamidFromStatuses, [numberId, new Date(since.getTime() - 60_000), key]);
    return rows[0]?.wamid;
  }

  /**
   * Records an accepted send: the outbox row and the conversation's `messages` row in one
   * statement, then folds in statuses that came first. (A status committed between the two
   * is folded by its own handler or, at worst, by the intake sweeper's orphan pass.)
   */
  async accept(origin: SendOrigin, wamid: string, message: OutboundMessage): Promise<void> {
    const { biz_opaque_callback_data: _callback, ...payload } = message;
    const { rows: inserted } = await runPrepared(this.ds, acceptRow, [
      origin.workspaceId,
      origin.numberId,
      origin.contactId,
      wamid,
      message.type,
      payload,
      origin.runId,
      origin.nodeId,
      origin.key,
    ]);
    // Fold statuses that arrived before the message (usually none: Meta's first status comes
    // after its answer). A status committed while this ran is folded by its own handler once
    // the message is visible, or by the intake sweeper's orphan pass. A message that existed
    // already (a retried accept) is folded again, to be sure.
    if (inserted.length === 0 || inserted[0].has_statuses) await recomputeMessageStatuses(this.ds.manager, origin.numberId, [wamid]);
  }
}
