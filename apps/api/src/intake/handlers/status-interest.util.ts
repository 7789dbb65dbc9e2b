import { runIdFromCallback } from '@tandem/db';
import { FLOW_NODE_TYPES } from '@tandem/journey-model';
import type { EntityManager } from 'typeorm';
import { OPEN_RUN_STATUSES } from '../../journeys/journey-dto.util';
import { queryRows } from '../sql.util';

/** What a published version does with statuses. */
interface VersionTraits {
  waitsForStatus: boolean;
  statusTrigger: boolean;
}

// Published versions never change, so their traits are cached (most recently used first out last).
const traits = new Map<string, VersionTraits>();
const CACHE_SIZE = 500;

async function traitsOf(m: EntityManager, journeyId: string, version: number): Promise<VersionTraits> {
  const key = `${journeyId}@${version}`;
  const hit = traits.get(key);
  if (hit) return hit;
  const [row] = await queryRows<{ nodes: { type?: unknown }[] | null; triggers: { kind?: unknown }[] | null }>(
    m,
    `SELECT document->'nodes' AS nodes, document->'triggers' AS triggers FROM journey_versions WHERE journey_id = $1 AND version = $2`,
    [journeyId, version],
  );
  const found: VersionTraits = {
    waitsForStatus: (row?.nodes ?? []).some((n) => n?.type === FLOW_NODE_TYPES.waitForStatus),
    statusTrigger: (row?.triggers ?? []).some((t) => t?.kind === 'message.status'),
  };
  traits.set(key, found);
  if (traits.size > CACHE_SIZE) traits.delete(traits.keys().next().value as string);
  return found;
}

/**
 * Whether the engine would act on a delivery status: a live journey of the workspace has a
 * status trigger, or the open run that sent the message (by its row, else by the outbox key
 * echoed in the status) has a wait-for-status node — the same runs the dispatcher signals.
 * Statuses are three of every four webhooks of a conversation; one nobody acts on is stored
 * on its message but does not travel through the engine-event queues.
 */
export async function statusIsListenedTo(m: EntityManager, workspaceId: string, messageId: string | null, callback: string | undefined): Promise<boolean> {
  const live = await queryRows<{ id: string; live_version: number }>(
    m,
    `SELECT id, live_version FROM journeys WHERE workspace_id = $1 AND status = 'active' AND live_version IS NOT NULL`,
    [workspaceId],
  );
  for (const journey of live) if ((await traitsOf(m, journey.id, journey.live_version)).statusTrigger) return true;
  const runId = runIdFromCallback(callback);
  if (messageId === null && runId === undefined) return false;
  const [sender] = await queryRows<{ journey_id: string; version: number }>(
    m,
    `SELECT r.journey_id, r.version FROM journey_runs r
     WHERE r.status = ANY($3) AND (r.id = (SELECT journey_run_id FROM messages WHERE id = $1) OR r.id = $2::uuid) LIMIT 1`,
    [messageId, runId ?? null, [...OPEN_RUN_STATUSES]],
  );
  return sender ? (await traitsOf(m, sender.journey_id, sender.version)).waitsForStatus : false;
}
