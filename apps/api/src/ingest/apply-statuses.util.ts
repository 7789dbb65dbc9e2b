import { appendEngineEvents } from '@tandem/db';
import type { DataSource } from 'typeorm';
import type { EventRouter } from './event-router.util';
import type { NumberActivity } from './handlers/handler.types';
import { handleMessageStatuses, type RoutedStatus } from './handlers/status.handler';
import type { NormalizedEvent } from '@tandem/whatsapp';

/** A delivery that holds only statuses of registered numbers, ready to be applied with others. */
export interface StatusDelivery {
  id: string;
  statuses: RoutedStatus[];
}

/**
 * The delivery's events as statuses of registered numbers, or undefined when it holds
 * anything else (or nothing): those deliveries are applied event by event. Touches the
 * numbers in `activity` only when it answers.
 */
export async function asStatusDelivery(
  id: string,
  events: readonly NormalizedEvent[],
  router: EventRouter,
  activity: NumberActivity,
): Promise<StatusDelivery | undefined> {
  const statuses: RoutedStatus[] = [];
  for (const event of events) {
    if (event.kind !== 'message.status') return undefined;
    const routing = await router.route(event);
    if (!('routes' in routing) || routing.routes[0]?.scope !== 'number') return undefined;
    const { workspaceId, number } = routing.routes[0];
    statuses.push({ deliveryId: id, workspaceId, numberId: number.id, event });
  }
  if (statuses.length === 0) return undefined;
  statuses.forEach((s) => activity.touch(s.numberId));
  return { id, statuses };
}

/**
 * Applies the statuses of many deliveries in one transaction and marks the deliveries
 * processed in it: statuses are three of every four webhooks of a conversation, so a handful
 * of statements for a batch replaces a transaction per delivery. The result is the one-by-one
 * result (the status handler is the same). Resolves with how many engine events it appended.
 */
export async function applyStatusDeliveries(ds: DataSource, deliveries: readonly StatusDelivery[]): Promise<number> {
  return ds.transaction(async (m) => {
    const events = await handleMessageStatuses(
      m,
      deliveries.flatMap((d) => d.statuses),
    );
    // In the order the statuses arrived, as one by one would append them.
    for (const { status, engineEvent } of events) {
      await appendEngineEvents(m, { workspaceId: status.workspaceId, deliveryId: status.deliveryId }, [engineEvent]);
    }
    await m.query(
      `UPDATE webhook_deliveries d SET outcome = 'processed', processed_at = now(), attempts = d.attempts + 1, claimed_by = NULL,
         last_error = NULL, event_count = x.n, notes = '[]'::jsonb
       FROM unnest($1::uuid[], $2::int[]) AS x(id, n) WHERE d.id = x.id AND d.outcome IN ('pending', 'failed')`,
      [deliveries.map((d) => d.id), deliveries.map((d) => d.statuses.length)],
    );
    return events.length;
  });
}
