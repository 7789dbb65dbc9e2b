import { preparedStatement, runPrepared } from '@tandem/db';
import type { ExecuteNodeInput } from '@tandem/workflows';
import type { DataSource } from 'typeorm';
import type { StepError } from './activity-errors.util';

const ms = (epochMs: number) => new Date(epochMs);

// Every node visit runs `start` and `finish` (or `fail`): named prepared statements.
// One statement each (atomic like a transaction, one round trip).
const startStep = preparedStatement(
  'step_start',
  `WITH step AS (
     INSERT INTO run_steps (id, workspace_id, run_id, journey_id, version, node_id, node_type, input, attempt, started_at, step)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (id) DO UPDATE SET attempt = EXCLUDED.attempt, error = NULL, error_code = NULL, ended_at = NULL
     RETURNING run_id)
   UPDATE journey_runs SET status = 'running', current_node_id = $6, updated_at = now()
   WHERE id = (SELECT run_id FROM step) AND status IN ('running', 'waiting', 'paused')`,
);
const finishStep = preparedStatement(
  'step_finish',
  `WITH step AS (
     UPDATE run_steps SET port = $2, output = $3, wamid = coalesce($4, wamid), ended_at = $5::timestamptz,
       duration_ms = extract(epoch FROM ($5::timestamptz - started_at)) * 1000 WHERE id = $1
     RETURNING run_id)
   UPDATE journey_runs SET status = 'waiting', updated_at = now()
   WHERE $2::text IS NULL AND id = (SELECT run_id FROM step) AND status = 'running'`,
);
const failStep = preparedStatement(
  'step_fail',
  `UPDATE run_steps SET error = $2, error_code = $3, attempt = $4, ended_at = $5::timestamptz,
     duration_ms = extract(epoch FROM ($5::timestamptz - started_at)) * 1000 WHERE id = $1`,
);

/** `run_steps` rows of action nodes: one row per visit, updated by every attempt. */
export class StepRows {
  constructor(private readonly ds: DataSource) {}

  /** Creates the visit's row (or restarts it for a new attempt) and marks the run as running there. */
  async start(id: string, input: ExecuteNodeInput, attempt: number, startedAt: number): Promise<void> {
    await runPrepared(this.ds, startStep, [
      id,
      input.workspaceId,
      input.runId,
      input.journeyId,
      input.version,
      input.node.id,
      input.node.type,
      JSON.stringify({ config: input.node.config, variables: input.vars }),
      attempt,
      ms(startedAt),
      input.step,
    ]);
  }

  /** Completes the row; `port` is `null` while the node waits for a reply. */
  async finish(id: string, port: string | null, output: unknown, wamid: string | null, endedAt: number): Promise<void> {
    const json = output === undefined || output === null ? null : JSON.stringify(output);
    await runPrepared(this.ds, finishStep, [id, port, json, wamid, ms(endedAt)]);
  }

  async fail(id: string, error: StepError, attempt: number, endedAt: number): Promise<void> {
    await runPrepared(this.ds, failStep, [id, JSON.stringify(error), error.code, attempt, ms(endedAt)]);
  }
}
