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
 * Action nodes followed later, behind their own patch ({@link LOCAL_NODES_PATCH}).
 */
export const LOCAL_BOOKKEEPING_PATCH = 'local-bookkeeping';

type Bookkeeping = Pick<JourneyActivities, 'beginRun' | 'recordStep' | 'updateRun' | 'finishRun'>;
/** The activity that runs action nodes, as a run was started with. */
export type NodeExecution = Pick<JourneyActivities, 'executeNode'>;

const bookkeepingRetry = {
  initialInterval: '1 second',
  maximumInterval: '30 seconds',
  backoffCoefficient: 2,
  nonRetryableErrorTypes: ['RunSetupError'],
};

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

// A remote executeNode heartbeats every 2 s: a worker that dies mid-node is noticed in 10 s, not 2 min.
const remoteNodes = proxyActivities<NodeExecution>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry: nodeRetry,
} satisfies ActivityOptions);
const localNodes = proxyLocalActivities<NodeExecution>({ ...LOCAL, startToCloseTimeout: '2 minutes', retry: nodeRetry });

/**
 * Patch: action nodes run as local activities too, so a run that answers a message is one
 * workflow task and no activity task. A worker that dies mid-node is then noticed when the
 * workflow task times out (10 s) and the visit runs again elsewhere; a visit also runs again
 * when its workflow task is retried (a signal arrived meanwhile). Sends stay idempotent by
 * their outbox key (`<runId>:<step>:<sendIndex>`); custom nodes key side effects on
 * `ctx.run.stepId`. Checked once, at the start of a run (see {@link nodeExecutionFor}).
 * Histories recorded before it (v1–v3) replay with the remote `executeNode`.
 */
export const LOCAL_NODES_PATCH = 'local-node-execution';

/**
 * How this run executes action nodes. Call once, first thing in the run: a patch first
 * checked after a local activity could land in a later workflow task than replay expects.
 */
export function nodeExecutionFor(): NodeExecution {
  return patched(LOCAL_NODES_PATCH) ? localNodes : remoteNodes;
}

/**
 * Whether this run keeps its books with local activities. The first call is the run's first step
 * (`beginRun`), so the marker lands in its first workflow task; later calls only read it.
 */
export function localBookkeeping(): boolean {
  return patched(LOCAL_BOOKKEEPING_PATCH);
}

/** The bookkeeping activities for this point of the run (see {@link LOCAL_BOOKKEEPING_PATCH}). */
export function bookkeeping(): Bookkeeping {
  return localBookkeeping() ? localBooks : remoteBooks;
}
