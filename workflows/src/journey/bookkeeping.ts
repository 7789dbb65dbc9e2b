import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { JourneyActivities } from './journey-activities.types';

/**
 * Patch: the run's bookkeeping (`beginRun`, `recordStep`, `updateRun`, `finishRun`) runs as
 * *local* activities — in the worker that runs the workflow task, recorded as markers —
 * instead of going through the server's activity task queue. A run that sends one reply
 * then costs two workflow tasks and one activity task, like a bare workflow doing the same
 * send. Histories recorded before it (v1, v2) replay with the remote activities.
 */
export const LOCAL_BOOKKEEPING_PATCH = 'local-bookkeeping';

type Bookkeeping = Pick<JourneyActivities, 'beginRun' | 'recordStep' | 'updateRun' | 'finishRun'>;

const retry = { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2, nonRetryableErrorTypes: ['RunSetupError'] };

const remote = proxyActivities<Bookkeeping>({ startToCloseTimeout: '15 seconds', retry });

// Retries shorter than the threshold happen inside the workflow task; longer back-offs
// become timers, so a database outage never holds a workflow task open.
const local = proxyLocalActivities<Bookkeeping>({ startToCloseTimeout: '15 seconds', localRetryThreshold: '10 seconds', retry });

/**
 * Whether this run keeps its books with local activities. The first call is the run's
 * first step (`beginRun`), so the marker lands in its first workflow task; later calls
 * only read it.
 */
export function localBookkeeping(): boolean {
  return patched(LOCAL_BOOKKEEPING_PATCH);
}

/** The bookkeeping activities for this point of the run (see {@link LOCAL_BOOKKEEPING_PATCH}). */
export function bookkeeping(): Bookkeeping {
  return localBookkeeping() ? local : remote;
}
