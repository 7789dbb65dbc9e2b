import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { journeyRunStart, journeyWorkflow, type JourneyRunStartParams } from '@tandem/workflows';
import type { DataSource } from 'typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { OPEN_RUN_STATUSES, upsertRunRow } from '../activities/run-rows.util';

/**
 * Waits before re-trying a start that hit a run which has already recorded its end but
 * whose workflow is still closing (`finishRun` precedes the workflow's completion).
 * `undefined` ends the attempts.
 */
const FINISHING_RETRIES_MS = [100, 300, 1_000, undefined];

/** Result of a start: `started` false when the deterministic id already existed (idempotent no-op). */
export interface StartResult {
  workflowId: string;
  started: boolean;
  /** `journey_runs.id` of a run this call started. */
  runId?: string;
}

/**
 * Starts journey runs with their deterministic workflow ids (see `journeyRunStart`) and
 * creates the run's row right away, so signals and campaign counts see the run before its
 * first activity. Used by the dispatcher and by campaigns.
 */
export class RunStarter {
  constructor(
    private readonly client: Client,
    private readonly ds: DataSource,
    private readonly taskQueue: string,
    /** Eager start: the first workflow task comes back with the start (same-process worker). */
    private readonly eagerStart = false,
  ) {}

  async start(params: Omit<JourneyRunStartParams, 'taskQueue'> & { workspaceId: string }): Promise<StartResult> {
    const { workflowId, options } = journeyRunStart({ ...params, taskQueue: this.taskQueue });
    let firstExecutionRunId: string | undefined;
    for (const backoffMs of FINISHING_RETRIES_MS) {
      try {
        firstExecutionRunId = (await this.client.workflow.start(journeyWorkflow, { ...options, requestEagerStart: this.eagerStart }))
          .firstExecutionRunId;
        break;
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        // A reusable id whose run already recorded its end is closing: try again shortly.
        const reusable = options.workflowIdReusePolicy === 'ALLOW_DUPLICATE';
        if (!reusable || backoffMs === undefined || !(await this.hasEnded(workflowId))) return { workflowId, started: false };
        await sleep(backoffMs);
      }
    }
    if (firstExecutionRunId === undefined) return { workflowId, started: false };
    const runId = await upsertRunRow(this.ds.manager, {
      workspaceId: params.workspaceId,
      journeyId: params.journeyId,
      version: params.version,
      contactId: params.contactId,
      numberId: params.numberId,
      triggerKind: params.trigger.kind,
      triggerEvent: { ...params.trigger },
      triggerKey: params.trigger.eventId,
      workflowId,
      temporalRunId: firstExecutionRunId,
      campaignId: params.campaignId ?? null,
    });
    return { workflowId, started: true, runId };
  }

  private async hasEnded(workflowId: string): Promise<boolean> {
    const rows: { status: string }[] = await this.ds.query('SELECT status FROM journey_runs WHERE workflow_id = $1', [workflowId]);
    return rows[0] !== undefined && !(OPEN_RUN_STATUSES as readonly string[]).includes(rows[0].status);
  }

  /** The campaign a (possibly earlier) run with this workflow id was started for, from its memo. */
  async campaignOf(workflowId: string): Promise<string | undefined> {
    const description = await this.client.workflow.getHandle(workflowId).describe();
    const campaignId = description.memo?.campaignId;
    return typeof campaignId === 'string' ? campaignId : undefined;
  }
}
