import type { NormalizedEvent } from '@tandem/whatsapp';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

/**
 * Claims an event in the idempotency ledger inside the caller's transaction. False means
 * it was already applied (same update redelivered, or repeated in another body): skip it.
 * A concurrent claim of the same key waits on the unique index until the first commits.
 */
export async function claimEvent(
  m: EntityManager,
  scope: { workspaceId: string; numberId: string | null; deliveryId: string },
  event: NormalizedEvent,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    m,
    `INSERT INTO processed_events (workspace_id, number_id, dedup_key, kind, delivery_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (workspace_id, dedup_key) DO NOTHING RETURNING id`,
    [scope.workspaceId, scope.numberId, event.dedupKey, event.kind, scope.deliveryId],
  );
  return rows.length > 0;
}
