import { proxyLocalActivities, type LocalActivityOptions } from '@temporalio/workflow';
import type { JourneyActivities } from './journey-activities.types';
import { RUN_FAILURE_TYPES } from './run-error.util';

// Every activity of a run is a *local* activity: it runs in the worker that runs the workflow
// task and is recorded as a marker, without a round trip through the server's activity task
// queue, so a run that answers a message is one workflow task and no activity task.
// A worker that dies mid-node is noticed when the workflow task times out (10 s) and the visit
// runs again elsewhere; a visit also runs again when its workflow task is retried (a signal
// arrived meanwhile). Sends stay idempotent by their outbox key (`<runId>:<step>:<sendIndex>`);
// custom nodes key side effects on `ctx.run.stepId`.

type Bookkeeping = Pick<JourneyActivities, 'beginRun' | 'recordStep' | 'updateRun' | 'finishRun'>;
type NodeExecution = Pick<JourneyActivities, 'executeNode'>;

const bookkeepingRetry = {
  initialInterval: '1 second',
  maximumInterval: '30 seconds',
  backoffCoefficient: 2,
  nonRetryableErrorTypes: [RUN_FAILURE_TYPES.runSetup],
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

/** A run's bookkeeping: `beginRun` (loads the run's document), `recordStep`, `updateRun`, `finishRun`. */
export const bookkeeping = proxyLocalActivities<Bookkeeping>({ ...LOCAL, startToCloseTimeout: '15 seconds', retry: bookkeepingRetry });

/** `executeNode`: one visit of an action node. */
export const nodeExecution = proxyLocalActivities<NodeExecution>({ ...LOCAL, startToCloseTimeout: '2 minutes', retry: nodeRetry });
