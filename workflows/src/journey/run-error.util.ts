import { ActivityFailure, ApplicationFailure, TimeoutFailure, isCancellation } from '@temporalio/workflow';

/**
 * `ApplicationFailure` types the worker's activities throw for problems retrying cannot
 * fix. Shared with the worker so both sides spell them alike.
 */
export const RUN_FAILURE_TYPES = {
  /** The node's config does not parse (or names a missing credential). */
  nodeConfig: 'NodeConfigError',
  /** The node failed for good (`NonRetryableNodeError`, undeclared port, output too big). */
  nodeFailed: 'NonRetryableNodeError',
  /** The node type is not installed on the worker. */
  unknownNode: 'UnknownNodeTypeError',
  /** The run cannot start: journey, version or contact missing, or the document is invalid. */
  runSetup: 'RunSetupError',
} as const;

/** Why a run ended early. */
export type RunErrorCode =
  'node_config' | 'node_failed' | 'unknown_node' | 'run_setup' | 'invalid_graph' | 'retries_exhausted' | 'cancelled' | 'internal';

/** An error recorded on `journey_runs.error`. */
export interface RunError {
  code: RunErrorCode;
  message: string;
  nodeId?: string;
}

function codeOfType(type: string | undefined | null): RunErrorCode {
  switch (type) {
    case RUN_FAILURE_TYPES.nodeConfig:
      return 'node_config';
    case RUN_FAILURE_TYPES.nodeFailed:
      return 'node_failed';
    case RUN_FAILURE_TYPES.unknownNode:
      return 'unknown_node';
    case RUN_FAILURE_TYPES.runSetup:
      return 'run_setup';
    default:
      return 'retries_exhausted';
  }
}

/**
 * Turns whatever stopped the interpreter into a run error: activity failures by their
 * `ApplicationFailure` type, cancellation, and anything else (a bad graph, a bug) as
 * `invalid_graph` / `internal`.
 */
export function classifyRunError(error: unknown, nodeId?: string): RunError {
  const at = nodeId === undefined ? {} : { nodeId };
  if (isCancellation(error)) return { code: 'cancelled', message: 'the run was cancelled', ...at };
  if (error instanceof ActivityFailure) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure) return { code: codeOfType(cause.type), message: cause.message, ...at };
    if (cause instanceof TimeoutFailure) return { code: 'retries_exhausted', message: `activity timed out (${cause.timeoutType})`, ...at };
    return { code: 'retries_exhausted', message: cause?.message ?? error.message, ...at };
  }
  // A local activity's failure arrives as the ApplicationFailure itself.
  if (error instanceof ApplicationFailure && error.type) return { code: codeOfType(error.type), message: error.message, ...at };
  if (error instanceof InvalidGraphError) return { code: 'invalid_graph', message: error.message, ...at };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), ...at };
}

/** The graph cannot be walked (missing node, endless loop, a flow node without a step). */
export class InvalidGraphError extends Error {
  override readonly name = 'InvalidGraphError';
}

/** The final status of a run that ended with `code`: exhaustive, so a new code must be placed. */
export function runStatusForError(code: RunErrorCode): 'failed' | 'cancelled' {
  switch (code) {
    case 'cancelled':
      return 'cancelled';
    case 'node_config':
    case 'node_failed':
    case 'unknown_node':
    case 'run_setup':
    case 'invalid_graph':
    case 'retries_exhausted':
    case 'internal':
      return 'failed';
  }
}
