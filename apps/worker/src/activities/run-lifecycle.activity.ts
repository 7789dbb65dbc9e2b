import { ApplicationFailure } from '@temporalio/activity';
import { changeOwnership, preparedStatement, runPrepared } from '@tandem/db';
import { RunDocumentError, toRunDocument } from '@tandem/journey-model';
import { withSafeConditions } from '@tandem/journey-model/regex-safety';
import {
  RUN_FAILURE_TYPES,
  type BeginRunInput,
  type FinishRunInput,
  type JourneyActivities,
  type LoadedRun,
  type RecordStepInput,
  type UpdateRunInput,
} from '@tandem/workflows';
import type { EntityManager } from 'typeorm';
import type { ActivityDeps } from './activity-deps.types';
import { findContact, toSnapshot } from './contact-snapshot.util';
import { OPEN_RUN_STATUSES, refreshCampaignCounters, stepRowId, upsertRunRow, type RunRowSeed } from './run-rows.util';

const setupError = (message: string) => ApplicationFailure.nonRetryable(message, RUN_FAILURE_TYPES.runSetup);

type LoadedVersion = { workspaceId: string; document: LoadedRun['document'] };

/** Published versions never change: the worker keeps the most recently used ones parsed, as runs walk them. */
const VERSION_CACHE_SIZE = 200;

function versionCache(ds: ActivityDeps['dataSource']): (journeyId: string, version: number) => Promise<LoadedVersion> {
  const cache = new Map<string, LoadedVersion>();
  return async (journeyId, version) => {
    const key = `${journeyId}@${version}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key); // re-insert: Map order is the eviction order
      cache.set(key, hit);
      return hit;
    }
    const loaded = await loadVersion(ds.manager, journeyId, version);
    cache.set(key, loaded);
    if (cache.size > VERSION_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return loaded;
  };
}

// The statements of every run (most of them of every step), as named prepared statements.
const selectVersion = preparedStatement<{ workspace_id: string; document: unknown }>(
  'run_load_version',
  'SELECT workspace_id, document FROM journey_versions WHERE journey_id = $1 AND version = $2',
);
/** The step upsert and the run's move in one statement: atomic without a transaction's round trips. */
const recordStepRow = preparedStatement(
  'run_record_step',
  `WITH step AS (
     INSERT INTO run_steps (id, workspace_id, run_id, journey_id, version, node_id, node_type, port, output, started_at, ended_at, duration_ms, step)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10 / 1000.0), to_timestamp($11 / 1000.0), $12, $13)
     ON CONFLICT (id) DO UPDATE SET port = EXCLUDED.port, ended_at = EXCLUDED.ended_at,
       duration_ms = extract(epoch FROM (EXCLUDED.ended_at - run_steps.started_at)) * 1000,
       output = CASE WHEN jsonb_typeof(run_steps.output) = 'object' AND jsonb_typeof(EXCLUDED.output) = 'object'
         THEN run_steps.output || EXCLUDED.output ELSE coalesce(EXCLUDED.output, run_steps.output) END
     RETURNING run_id)
   UPDATE journey_runs SET status = $14, current_node_id = $6, updated_at = now()
   WHERE id = (SELECT run_id FROM step) AND status = ANY($15)`,
);
/** The close; answers the closed run's campaign and contact (no row when it was closed already). */
const closeRun = preparedStatement<{ campaign_id: string | null; contact_id: string }>(
  'run_close',
  `UPDATE journey_runs SET status = $2, ended_at = coalesce(ended_at, now()), current_node_id = $3, error = $4, updated_at = now()
   WHERE id = $1 AND status = ANY($5) RETURNING campaign_id, contact_id`,
);
const moveRun = preparedStatement(
  'run_set_state',
  'UPDATE journey_runs SET status = $2, current_node_id = $3, updated_at = now() WHERE id = $1 AND status = ANY($4)',
);
const selectRunRow = preparedStatement<{ id: string }>(
  'run_find_row',
  'SELECT id FROM journey_runs WHERE workflow_id = $1 AND temporal_run_id = $2',
);

async function loadVersion(m: EntityManager, journeyId: string, version: number): Promise<LoadedVersion> {
  const { rows } = await runPrepared(m, selectVersion, [journeyId, version]);
  if (!rows[0]) throw setupError(`journey ${journeyId} has no version ${version}`);
  let document: LoadedVersion['document'];
  try {
    document = toRunDocument(rows[0].document);
  } catch (error) {
    if (error instanceof RunDocumentError) throw setupError(`journey ${journeyId} v${version} cannot run: ${error.message}`);
    throw error;
  }
  // A condition pattern that can backtrack catastrophically (stored before the api checked them) is false.
  document = await withSafeConditions(document, `journey ${journeyId}@${version}`, (m) => console.warn(m));
  return { workspaceId: rows[0].workspace_id, document };
}

function seedOf(input: Pick<BeginRunInput, 'workflowId' | 'temporalRunId' | 'run'>, workspaceId: string): RunRowSeed {
  const { run } = input;
  return {
    workspaceId,
    journeyId: run.journeyId,
    version: run.version,
    contactId: run.contactId,
    numberId: run.numberId,
    triggerKind: run.trigger.kind,
    triggerEvent: { ...run.trigger },
    triggerKey: run.trigger.eventId,
    workflowId: input.workflowId,
    temporalRunId: input.temporalRunId,
    campaignId: run.campaignId ?? null,
  };
}

/** Activities that create, advance and close `journey_runs` rows and flow-node `run_steps`. */
export function runLifecycleActivities(deps: ActivityDeps): Pick<JourneyActivities, 'beginRun' | 'recordStep' | 'updateRun' | 'finishRun'> {
  const ds = deps.dataSource;
  const versionOf = versionCache(ds);
  return {
    /** Loads the pinned version (parsed and defaulted: the workflow uses it as is) and the contact, and creates (or finds) the run's row. */
    async beginRun(input: BeginRunInput): Promise<LoadedRun> {
      const { workspaceId, document } = await versionOf(input.run.journeyId, input.run.version);
      const contact = await findContact(ds.manager, input.run.contactId);
      if (!contact) throw setupError(`contact ${input.run.contactId} does not exist`);
      const runId = await upsertRunRow(ds.manager, seedOf(input, workspaceId));
      return { runId, workspaceId, document, contact: toSnapshot(contact) };
    },

    /** Upserts a flow-node step (one row per visit) and moves the run's status and current node. */
    async recordStep(input: RecordStepInput): Promise<void> {
      await runPrepared(ds, recordStepRow, [
        stepRowId(input.runId, input.step),
        input.workspaceId,
        input.runId,
        input.journeyId,
        input.version,
        input.nodeId,
        input.nodeType,
        input.port,
        input.output === undefined ? null : JSON.stringify(input.output),
        input.startedAt,
        input.endedAt,
        input.endedAt === null ? null : input.endedAt - input.startedAt,
        input.step,
        input.runStatus,
        OPEN_RUN_STATUSES,
      ]);
    },

    async updateRun(input: UpdateRunInput): Promise<void> {
      await setRunState(ds.manager, input.runId, input.status, input.currentNodeId);
    },

    /** Closes the run (once), hands the contact to a teammate when it handed off, recounts its campaign. */
    async finishRun(input: FinishRunInput): Promise<void> {
      const runId = input.runId ?? (await findRunRow(ds.manager, input));
      if (!runId) return;
      // A campaign run's recount after the close (idempotent).
      const [closed] = (
        await runPrepared(ds, closeRun, [
          runId,
          input.status,
          input.currentNodeId,
          input.error ? JSON.stringify(input.error) : null,
          OPEN_RUN_STATUSES,
        ])
      ).rows;
      // The intake took the conversation for the teammate when their echo arrived; this only
      // covers an echo that reached the run some other way (no event when it is human already).
      if (closed && input.status === 'handed_off') {
        await changeOwnership(ds, {
          contactId: closed.contact_id,
          to: 'human',
          ownerKind: 'teammate',
          onlyFrom: ['bot', 'closed'],
          actor: { kind: 'journey', id: runId },
          reason: "the run stopped for a teammate's reply",
          runs: { [runId]: 'stopped' },
        });
      }
      if (closed?.campaign_id) await refreshCampaignCounters(ds.manager, closed.campaign_id);
    },
  };
}

/** Only open runs move: a late step never reopens an ended run. */
async function setRunState(m: EntityManager, runId: string, status: string, nodeId: string | null): Promise<void> {
  await runPrepared(m, moveRun, [runId, status, nodeId, OPEN_RUN_STATUSES]);
}

/** A run that failed before `beginRun` returned may still have a row (pre-created by its starter). */
async function findRunRow(m: EntityManager, input: FinishRunInput): Promise<string | undefined> {
  const { rows } = await runPrepared(m, selectRunRow, [input.workflowId, input.temporalRunId]);
  return rows[0]?.id;
}
