import { raiseAlert } from '@tandem/db';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

/**
 * Alerts the workspaces a dead-lettered webhook delivery belongs to (those with a number or
 * WABA it names). One alert per workspace and day counts that day's dead letters, so a burst
 * of failures tells people once; the delivery's error and the retry route are in the body.
 */
export async function alertDeadLetter(m: EntityManager, deliveryId: string, error: string, now = new Date()): Promise<void> {
  const workspaces = await queryRows<{ workspace_id: string }>(
    m,
    `SELECT DISTINCT n.workspace_id FROM webhook_deliveries d JOIN business_numbers n
       ON n.phone_number_id = ANY(d.phone_number_ids) OR n.waba_id = ANY(d.waba_ids)
     WHERE d.id = $1`,
    [deliveryId],
  );
  const day = now.toISOString().slice(0, 10);
  for (const { workspace_id: workspaceId } of workspaces) {
    await raiseAlert(
      m,
      {
        workspaceId,
        kind: 'delivery.dead_letter',
        subject: `dead-letters:${day}`,
        severity: 'warning',
        title: 'A webhook from Meta could not be processed',
        body:
          `Delivery ${deliveryId} failed on every attempt (${error.slice(0, 300)}). Its messages or statuses are not applied ` +
          'until it is retried from Settings → Webhook deliveries. Later failures today are counted on this alert.',
        data: { deliveryId, error: error.slice(0, 2000) },
      },
      now,
    );
  }
}
