import { ApplicationFailure } from '@temporalio/activity';
import { isNodeError, UnknownNodeTypeError } from '@tandem/node-sdk';
import { RUN_FAILURE_TYPES } from '@tandem/workflows';

/** What a failed step records on its `run_steps` row. */
export interface StepError {
  code: string;
  message: string;
  details?: unknown;
}

/** The step error for anything a node (or the engine around it) threw. */
export function stepErrorOf(error: unknown): StepError {
  if (isNodeError(error))
    return { code: error.name, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  if (error instanceof ApplicationFailure) return { code: error.type ?? 'ApplicationFailure', message: error.message };
  if (error instanceof UnknownNodeTypeError) return { code: RUN_FAILURE_TYPES.unknownNode, message: error.message };
  return { code: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Maps a node's error to how Temporal treats the activity: config problems, permanent
 * node failures and unknown node types are not retried (the run fails with that code);
 * `RetryableNodeError` is retried no sooner than its `retryAfterMs`; anything else
 * (a crash, a network error) is retried with the activity's back-off.
 */
export function toActivityFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof UnknownNodeTypeError) return ApplicationFailure.nonRetryable(error.message, RUN_FAILURE_TYPES.unknownNode);
  if (!isNodeError(error)) return error;
  switch (error.kind) {
    case 'config':
      return ApplicationFailure.nonRetryable(error.message, RUN_FAILURE_TYPES.nodeConfig, error.details ?? null);
    case 'non_retryable':
      return ApplicationFailure.nonRetryable(error.message, RUN_FAILURE_TYPES.nodeFailed, error.details ?? null);
    case 'retryable':
      return ApplicationFailure.create({ message: error.message, type: 'RetryableNodeError', nextRetryDelay: error.retryAfterMs });
  }
}
