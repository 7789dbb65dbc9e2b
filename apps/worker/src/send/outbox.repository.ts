import { recomputeMessageStatuses, type OutboxSendState } from '@tandem/db';
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

/** Persistence of the send outbox and of accepted messages. */
export class OutboxRepository {
  constructor(private readonly ds: DataSource) {}

  async find(key: string): Promise<OutboxRow | undefined> {
    const rows: OutboxRow[] = await this.ds.query(
      'SELECT id, state, wamid, error_code, error, payload, updated_at FROM outbox_sends WHERE idempotency_key = $1',
      [key],
    );
    return rows[0];
  }

  /** Inserts the row unless the key exists; returns the row either way. */
  async claim(origin: SendOrigin, payload: OutboxRow['payload'], state: OutboxSendState, note: OutboxNote | null): Promise<OutboxRow> {
    await this.ds.query(
      `INSERT INTO outbox_sends (workspace_id, idempotency_key, number_id, contact_id, run_id, node_id, payload, state, error, error_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (idempotency_key) DO NOTHING`,
      [origin.workspaceId, origin.key, origin.numberId, origin.contactId, origin.runId, origin.nodeId, payload, state, note, note?.code ?? null],
    );
    const row = await this.find(origin.key);
    if (!row) throw new Error(`outbox row ${origin.key} vanished`);
    return row;
  }

  /** Marks a pending row as possibly in flight (clears `notSent`) and records the payload about to go out. */
  async markInFlight(key: string, payload: OutboxRow['payload']): Promise<void> {
    await this.ds.query(`UPDATE outbox_sends SET error = NULL, error_code = NULL, payload = $2, updated_at = now() WHERE idempotency_key = $1 AND state = 'pending'`, [
      key,
      payload,
    ]);
  }

  /** Ends a row as refused or failed, or keeps it pending with a note. */
  async settle(key: string, state: Exclude<OutboxSendState, 'accepted'>, note: OutboxNote): Promise<void> {
    await this.ds.query(`UPDATE outbox_sends SET state = $2, error = $3, error_code = $4, updated_at = now() WHERE idempotency_key = $1 AND state = 'pending'`, [
      key,
      state,
      note,
      note.code ?? null,
    ]);
  }

  /** wamid of a message whose status webhook carried this outbox key (proof that Meta accepted it). */
  async wamidFromStatuses(numberId: string, key: string, since: Date): Promise<string | undefined> {
    const rows: { wamid: string }[] = await this.ds.query(
      `SELECT wamid FROM message_status_events
       WHERE number_id = $1 AND received_at >= $2 AND detail->>'bizOpaqueCallbackData' = $3 LIMIT 1`,
      [numberId, new Date(since.getTime() - 60_000), key],
    );
    return rows[0]?.wamid;
  }

  /** Records an accepted send: the outbox row, the conversation's `messages` row, statuses that came first. */
  async accept(origin: SendOrigin, wamid: string, message: OutboundMessage): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE outbox_sends SET state = 'accepted', wamid = $2, sent_at = now(), error = NULL, error_code = NULL, updated_at = now() WHERE idempotency_key = $1`, [
        origin.key,
        wamid,
      ]);
      const { biz_opaque_callback_data: _callback, ...payload } = message;
      await m.query(
        `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status,
           journey_run_id, journey_node_id)
         VALUES ($1, $2, $3, $4, 'api', 'live', $5, $6, now(), 'accepted', $7, $8) ON CONFLICT (number_id, wamid) DO NOTHING`,
        [origin.workspaceId, origin.numberId, origin.contactId, wamid, message.type, payload, origin.runId, origin.nodeId],
      );
      await recomputeMessageStatuses(m, origin.numberId, [wamid]);
    });
  }
}
