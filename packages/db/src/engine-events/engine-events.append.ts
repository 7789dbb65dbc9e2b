import type { EntityManager } from 'typeorm';
import { preparedStatement, runPrepared } from '../prepared-statement.util';
import type { NewEngineEvent } from './engine-event.types';

/** The channel consumers LISTEN on; NOTIFY is per database, so test databases never cross. */
export const ENGINE_EVENTS_CHANNEL = 'tandem_engine_events';

const appendEvent = preparedStatement(
  'engine_events_append',
  `INSERT INTO domain_events (workspace_id, number_id, contact_key, kind, payload, delivery_id) VALUES ($1, $2, $3, $4, $5, $6)
   RETURNING pg_notify('${ENGINE_EVENTS_CHANNEL}', '')`,
);

/**
 * Appends engine events in the caller's transaction, the one that makes the change they
 * report. The NOTIFY is transactional too: consumers are woken when the rows commit, and
 * never for rows that roll back. Identical notifications of one transaction fold into one.
 *
 * Per-contact order relies on the caller: a contact's events must be appended while holding
 * that contact's row lock (the intake does), so a later event gets a higher id *and* commits later.
 */
export async function appendEngineEvents(
  m: EntityManager,
  scope: { workspaceId: string; deliveryId: string | null },
  events: readonly NewEngineEvent[],
): Promise<void> {
  for (const event of events) {
    await runPrepared(m, appendEvent, [scope.workspaceId, event.numberId, event.contactKey, event.kind, event.payload, scope.deliveryId]);
  }
}
