import { WorkflowIdReusePolicy } from '@temporalio/workflow';
import type { JourneySettings } from '@tandem/journey-model';
import type { CampaignInput, JourneyRunInput, RunTrigger } from './run-input.types';

/** Name of the journey workflow type, as registered with Temporal (never rename). */
export const JOURNEY_WORKFLOW_TYPE = 'journeyWorkflow';
/** Name of the campaign workflow type (never rename). */
export const CAMPAIGN_WORKFLOW_TYPE = 'campaignWorkflow';

/** What {@link journeyRunStart} needs: ids, the journey's re-entry policy and the trigger. */
export interface JourneyRunStartParams {
  journeyId: string;
  version: number;
  contactId: string;
  numberId: string;
  reEntry: JourneySettings['reEntry'];
  trigger: RunTrigger;
  taskQueue: string;
  /** Required when `trigger.kind` is `campaign`. */
  campaignId?: string;
  /** Variables the run starts with (`vars.*`). */
  variables?: Record<string, unknown>;
}

/** Options for `client.workflow.start(journeyWorkflow, options)`. */
export interface JourneyStartOptions {
  taskQueue: string;
  workflowId: string;
  workflowIdReusePolicy: WorkflowIdReusePolicy;
  workflowIdConflictPolicy: 'FAIL';
  args: [JourneyRunInput];
  memo?: Record<string, string>;
}

/**
 * The deterministic workflow id and start options of a journey run, shared by the
 * dispatcher, the REST API and campaigns. A start that hits an existing id throws
 * `WorkflowExecutionAlreadyStartedError`: callers treat it as "already done".
 *
 * | reEntry | workflow id | a second start… |
 * |---|---|---|
 * | `once` | `journey:<jid>:contact:<cid>` | always rejected (REJECT_DUPLICATE) |
 * | `one_at_a_time` | `journey:<jid>:contact:<cid>` | rejected while a run is open (ALLOW_DUPLICATE) |
 * | `always` | `journey:<jid>:contact:<cid>:event:<eventId>` | rejected for the same event only |
 *
 * Campaign starts (except under `once`) use `…:campaign:<campaignId>` so a campaign
 * reaches a contact at most once even when its paging activity is retried.
 * @example const { workflowId, options } = journeyRunStart({ ...ids, reEntry: 'once', trigger, taskQueue });
 */
export function journeyRunStart(params: JourneyRunStartParams): { workflowId: string; options: JourneyStartOptions } {
  const base = `journey:${params.journeyId}:contact:${params.contactId}`;
  const isCampaign = params.trigger.kind === 'campaign';
  if (isCampaign && !params.campaignId) throw new Error('journeyRunStart: a campaign trigger needs campaignId');
  let workflowId = base;
  let workflowIdReusePolicy: WorkflowIdReusePolicy = WorkflowIdReusePolicy.REJECT_DUPLICATE;
  if (params.reEntry !== 'once' && isCampaign) {
    workflowId = `${base}:campaign:${params.campaignId}`;
  } else if (params.reEntry === 'always') {
    workflowId = `${base}:event:${params.trigger.eventId}`;
  } else if (params.reEntry === 'one_at_a_time') {
    workflowIdReusePolicy = WorkflowIdReusePolicy.ALLOW_DUPLICATE;
  }
  const input: JourneyRunInput = {
    journeyId: params.journeyId,
    version: params.version,
    contactId: params.contactId,
    numberId: params.numberId,
    trigger: params.trigger,
    ...(params.campaignId ? { campaignId: params.campaignId } : {}),
    ...(params.variables && Object.keys(params.variables).length > 0 ? { variables: params.variables } : {}),
  };
  const options: JourneyStartOptions = {
    taskQueue: params.taskQueue,
    workflowId,
    workflowIdReusePolicy,
    workflowIdConflictPolicy: 'FAIL',
    args: [input],
    ...(params.campaignId ? { memo: { campaignId: params.campaignId } } : {}),
  };
  return { workflowId, options };
}

/** Options for `client.workflow.start(campaignWorkflow, options)`. */
export interface CampaignStartOptions {
  taskQueue: string;
  workflowId: string;
  workflowIdReusePolicy: WorkflowIdReusePolicy;
  args: [CampaignInput];
}

/**
 * Workflow id `campaign:<campaignId>` and start options of a campaign. A campaign runs
 * once; a failed campaign may be started again (its runs are idempotent by id).
 * @example await client.workflow.start(campaignWorkflow, campaignStart({ campaignId, taskQueue }).options);
 */
export function campaignStart(params: { campaignId: string; taskQueue: string; pageSize?: number }): {
  workflowId: string;
  options: CampaignStartOptions;
} {
  const workflowId = `campaign:${params.campaignId}`;
  const input: CampaignInput = { campaignId: params.campaignId, ...(params.pageSize ? { pageSize: params.pageSize } : {}) };
  return {
    workflowId,
    options: {
      taskQueue: params.taskQueue,
      workflowId,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      args: [input],
    },
  };
}
