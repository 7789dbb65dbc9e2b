import { preparedStatement, runPrepared } from '@tandem/db';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export { OPEN_RUN_STATUSES } from '@tandem/db';

/** What a `journey_runs` row is created from. */
export interface RunRowSeed {
  workspaceId: string;
  journeyId: string;
  version: number;
  contactId: string;
  numberId: string;
  triggerKind: string;
  triggerEvent: Record<string, unknown> | null;
  triggerKey: string | null;
  workflowId: string;
  temporalRunId: string;
  campaignId: string | null;
}

// Run bookkeeping of every run, as named prepared statements.
const insertRun = preparedStatement<{ id: string; temporal_run_id: string | null }>(
  'run_insert',
  `INSERT INTO journey_runs (workspace_id, journey_id, version, contact_id, number_id, trigger_kind, trigger_event,
     trigger_key, workflow_id, temporal_run_id, campaign_id, status)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'running')
   ON CONFLICT (workflow_id) DO UPDATE SET temporal_run_id = coalesce(journey_runs.temporal_run_id, EXCLUDED.temporal_run_id)
   RETURNING id, temporal_run_id`,
);
const renameEarlierRun = preparedStatement(
  'run_rename_earlier',
  `UPDATE journey_runs SET workflow_id = workflow_id || '@' || temporal_run_id
   WHERE workflow_id = $1 AND temporal_run_id IS NOT NULL AND temporal_run_id <> $2`,
);
const refreshCounters = preparedStatement<{ started: number; completed: number; failed: number; open: number }>(
  'campaign_refresh_counters',
  `WITH c AS (
     SELECT count(*)::int AS started,
       count(*) FILTER (WHERE status IN ('completed', 'exited', 'handed_off'))::int AS completed,
       count(*) FILTER (WHERE status IN ('failed', 'cancelled'))::int AS failed,
       count(*) FILTER (WHERE status IN ('running', 'waiting', 'paused'))::int AS open
     FROM journey_runs WHERE campaign_id = $1)
   UPDATE campaigns SET started = c.started, completed = c.completed, failed = c.failed FROM c WHERE campaigns.id = $1
   RETURNING c.started, c.completed, c.failed, c.open`,
);

/**
 * Creates the run's row, or returns the existing one (by workflow id), and its id.
 * `journey_runs.workflow_id` is unique, but a `one_at_a_time` journey reuses its workflow
 * id for every run of a contact: the row of an earlier execution (another first run id)
 * is kept under `<workflowId>@<temporalRunId>` so its history stays visible.
 * One statement when the row is new or already this execution's (the common case); the
 * rename of an earlier execution's row and the insert then run in `m`'s transaction.
 */
export async function upsertRunRow(m: EntityManager, seed: RunRowSeed): Promise<string> {
  const values = [
    seed.workspaceId,
    seed.journeyId,
    seed.version,
    seed.contactId,
    seed.numberId,
    seed.triggerKind,
    seed.triggerEvent,
    seed.triggerKey,
    seed.workflowId,
    seed.temporalRunId,
    seed.campaignId,
  ];
  const [row] = (await runPrepared(m, insertRun, values)).rows;
  if (row.temporal_run_id === seed.temporalRunId) return row.id;
  const rename = async (tx: EntityManager): Promise<string> => {
    await runPrepared(tx, renameEarlierRun, [seed.workflowId, seed.temporalRunId]);
    const [created] = (await runPrepared(tx, insertRun, values)).rows;
    return created.id;
  };
  return m.queryRunner?.isTransactionActive ? rename(m) : m.transaction(rename);
}

/**
 * Id of the `run_steps` row of one node visit: derived from (run, step) so every attempt
 * and every later update of the visit (e.g. the reply an ask node waited for) hits one row.
 */
export function stepRowId(runId: string, step: number): string {
  const hex = createHash('sha1').update(`${runId}:${step}`).digest('hex');
  // Formatted as a version-5-style UUID (name-based, SHA-1).
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Recounts a campaign's runs from `journey_runs` (idempotent, unlike increments). */
export async function refreshCampaignCounters(
  m: EntityManager,
  campaignId: string,
): Promise<{ started: number; completed: number; failed: number; open: number }> {
  const [row] = (await runPrepared(m, refreshCounters, [campaignId])).rows;
  return row ?? { started: 0, completed: 0, failed: 0, open: 0 };
}
