import { patched, proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type { JourneyActivities } from './journey-activities.types';
import { RUN_FAILURE_TYPES } from './run-error.util';

/**
 * Patch: a run's bookkeeping (`beginRun`, `recordStep`, `updateRun`, `finishRun`) runs as
 * *local* activities — in the worker that runs the workflow task, recorded as markers —
 * without a round trip through the server's activity task queue. A run that answers a
 * message then costs two workflow tasks and one activity task (its `executeNode`), like a
 * bare workflow doing the same send. Histories recorded before it (v1, v2) replay with
 * remote activities.
 *
 * Action nodes stay remote activities: a send may wait seconds for a governor slot, and a
 * local activity re-runs when its workflow task is retried (a signal arriving meanwhile),
 * which under a campaign's load turned into bursts over the number's cap.
 */
export const LOCAL_ACTIVITIES_PATCH = 'local-bookkeeping';

type Bookkeeping = Pick<JourneyActivities, 'beginRun' | 'recordStep' | 'updateRun' | 'finishRun'>;
type NodeExecution = Pick<JourneyActivities, 'executeNode'>;

const bookkeepingRetry = { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2, nonRetryableErrorTypes: ['RunSetupError'] };

// Sends are idempotent per (run, step, send index), so retrying a node never sends twice;
// a node's own bugs and config errors are not retried.
const nodeRetry = {
  initialInterval: '2 seconds',
  maximumInterval: '2 minutes',
  backoffCoefficient: 2,
  maximumAttempts: 12,
  nonRetryableErrorTypes: [RUN_FAILURE_TYPES.nodeConfig, RUN_FAILURE_TYPES.nodeFailed, RUN_FAILURE_TYPES.unknownNode],
};

// Retries shorter than the threshold happen inside the workflow task; longer back-offs
// become timers, so an outage never holds a workflow task open.
const LOCAL: Pick<LocalActivityOptions, 'localRetryThreshold'> = { localRetryThreshold: '10 seconds' };

const remoteBooks = proxyActivities<Bookkeeping>({ startToCloseTimeout: '15 seconds', retry: bookkeepingRetry });
const localBooks = proxyLocalActivities<Bookkeeping>({ ...LOCAL, startToCloseTimeout: '15 seconds', retry: bookkeepingRetry });

// executeNode heartbeats every 2 s: a worker that dies mid-node is noticed in 10 s, not 2 min.
const nodes = proxyActivities<NodeExecution>({ startToCloseTimeout: '2 minutes', heartbeatTimeout: '10 seconds', retry: nodeRetry } satisfies ActivityOptions);

/**
 * Whether this run uses local activities. The first call is the run's first step
 * (`beginRun`), so the marker lands in its first workflow task; later calls only read it.
 */
export function localActivities(): boolean {
  return patched(LOCAL_ACTIVITIES_PATCH);
}

/** The bookkeeping activities for this point of the run (see {@link LOCAL_ACTIVITIES_PATCH}). */
export function bookkeeping(): Bookkeeping {
  return localActivities() ? localBooks : remoteBooks;
}

/** The activity that runs an action node (a remote activity in every version). */
export function nodeExecution(): NodeExecution {
  return nodes;
}
