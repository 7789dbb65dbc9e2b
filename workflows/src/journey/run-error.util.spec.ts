import { ActivityFailure, ApplicationFailure, CancelledFailure, RetryState, TimeoutFailure } from '@temporalio/common';
import { classifyRunError, InvalidGraphError, runStatusForError } from './run-error.util';

const activityFailure = (cause: Error) =>
  new ActivityFailure('activity failed', 'executeNode', '1', RetryState.NON_RETRYABLE_FAILURE, 'worker', cause);

describe('classifyRunError', () => {
  test.each([
    ['a node config error', activityFailure(ApplicationFailure.nonRetryable('bad', 'NodeConfigError')), 'node_config', 'failed'],
    ['a permanent node failure', activityFailure(ApplicationFailure.nonRetryable('400', 'NonRetryableNodeError')), 'node_failed', 'failed'],
    ['an unknown node type', activityFailure(ApplicationFailure.nonRetryable('no', 'UnknownNodeTypeError')), 'unknown_node', 'failed'],
    ['a run that cannot start', activityFailure(ApplicationFailure.nonRetryable('gone', 'RunSetupError')), 'run_setup', 'failed'],
    ['retries used up', activityFailure(ApplicationFailure.retryable('503', 'GraphRetryLater')), 'retries_exhausted', 'failed'],
    ['an activity timeout', activityFailure(new TimeoutFailure('timeout', undefined, 'START_TO_CLOSE')), 'retries_exhausted', 'failed'],
    ['cancellation', new CancelledFailure('cancelled'), 'cancelled', 'cancelled'],
    ['a broken graph', new InvalidGraphError('node "x" does not exist'), 'invalid_graph', 'failed'],
    ['anything else', new TypeError('boom'), 'internal', 'failed'],
  ])('%s → %s', (_name, error, code, status) => {
    const runError = classifyRunError(error, 'n1');
    expect(runError).toMatchObject({ code, nodeId: 'n1' });
    expect(runStatusForError(runError.code)).toBe(status);
  });
});
