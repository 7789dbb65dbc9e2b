import { runIdFromCallback } from '@tandem/db';
import { FLOW_NODE_TYPES } from '@tandem/journey-model';
import type { EntityManager } from 'typeorm';
import { OPEN_RUN_STATUSES } from '../../journeys/journey-dto.util';
import { queryRows } from '../../common/sql.util';

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

/** A status to check: the message it is about (if stored) and its callback data. */
export interface StatusOfInterest {
  messageId: string | null;
  callback: string | undefined;
}

/**
 * Whether the engine would act on a delivery status: a live journey of the workspace has a
 * status trigger, or the open run that sent the message (by its row, else by the outbox key
 * echoed in the status) has a wait-for-status node — the same runs the dispatcher signals.
 * Statuses are three of every four webhooks of a conversation; one nobody acts on is stored
 * on its message but does not travel through the engine-event queues.
 */
export async function statusIsListenedTo(
  m: EntityManager,
  workspaceId: string,
  messageId: string | null,
  callback: string | undefined,
): Promise<boolean> {
  const [listened] = await statusesListenedTo(m, workspaceId, [{ messageId, callback }]);
  return listened;
}

/** {@link statusIsListenedTo} for several statuses of one workspace, in one round trip. */
export async function statusesListenedTo(m: EntityManager, workspaceId: string, statuses: readonly StatusOfInterest[]): Promise<boolean[]> {
  if (statuses.length === 0) return [];
  // The live journeys, and for each status the open run that sent its message (if any).
  const [row] = await queryRows<{ live: { id: string; v: number }[]; senders: { i: number; j: string; v: number }[] }>(
    m,
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('id', j.id, 'v', j.live_version)), '[]'::json) FROM journeys j
         WHERE j.workspace_id = $1 AND j.status = 'active' AND j.live_version IS NOT NULL) AS live,
       (SELECT coalesce(json_agg(json_build_object('i', x.i, 'j', r.journey_id, 'v', r.version)), '[]'::json)
         FROM unnest($2::uuid[], $3::uuid[]) WITH ORDINALITY AS x(message_id, run_id, i)
         CROSS JOIN LATERAL (SELECT r.journey_id, r.version FROM journey_runs r
           WHERE (x.message_id IS NOT NULL OR x.run_id IS NOT NULL) AND r.status = ANY($4)
             AND (r.id = (SELECT journey_run_id FROM messages WHERE id = x.message_id) OR r.id = x.run_id) LIMIT 1) r) AS senders`,
    [workspaceId, statuses.map((s) => s.messageId), statuses.map((s) => runIdFromCallback(s.callback) ?? null), [...OPEN_RUN_STATUSES]],
  );
  for (const journey of row?.live ?? []) if ((await traitsOf(m, journey.id, journey.v)).statusTrigger) return statuses.map(() => true);
  const listened = statuses.map(() => false);
  for (const sender of row?.senders ?? []) listened[sender.i - 1] = (await traitsOf(m, sender.j, sender.v)).waitsForStatus;
  return listened;
}
