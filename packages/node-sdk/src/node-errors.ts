/** How the engine treats a node error: `config` and `non_retryable` fail the step at once; `retryable` is retried. */
export type NodeErrorKind = 'config' | 'non_retryable' | 'retryable';

/**
 * Base of the errors a node may throw. The engine reads `kind` (not `instanceof`, which
 * breaks when a node package carries its own copy of the SDK) via {@link isNodeError}.
 */
export abstract class NodeError extends Error {
  abstract readonly kind: NodeErrorKind;
  /** JSON-safe details recorded on the run step. */
  readonly details?: unknown;

  protected constructor(message: string, options: { cause?: unknown; details?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details;
  }
}

/** One problem in a node's config, as zod reports it. */
export interface ConfigProblem {
  path: (string | number)[];
  message: string;
}

/**
 * The node's config is invalid (or names something that does not exist, like an unknown
 * credential). Not retried: the journey must be fixed.
 * @example throw new NodeConfigError('credential "crm" is not set up');
 */
export class NodeConfigError extends NodeError {
  override readonly name = 'NodeConfigError';
  readonly kind = 'config';
  readonly problems: ConfigProblem[];

  constructor(message: string, problems: ConfigProblem[] = []) {
    super(message, { details: { problems } });
    this.problems = problems;
  }
}

/**
 * A failure that retrying cannot fix (e.g. the CRM answered 400). The step fails.
 * Prefer an `error` port when the journey should go on.
 */
export class NonRetryableNodeError extends NodeError {
  override readonly name = 'NonRetryableNodeError';
  readonly kind = 'non_retryable';

  constructor(message: string, options: { cause?: unknown; details?: unknown } = {}) {
    super(message, options);
  }
}

/**
 * A transient failure (timeout, 503, rate limit): the engine retries the step with
 * back-off, no sooner than `retryAfterMs` when given.
 * @example throw new RetryableNodeError('CRM rate limit', { retryAfterMs: 30_000 });
 */
export class RetryableNodeError extends NodeError {
  override readonly name = 'RetryableNodeError';
  readonly kind = 'retryable';
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryAfterMs?: number; cause?: unknown; details?: unknown } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The shape shared by node errors from any copy of the SDK. */
export interface NodeErrorLike {
  name: string;
  message: string;
  kind: NodeErrorKind;
  retryAfterMs?: number;
  details?: unknown;
}

const KINDS: ReadonlySet<unknown> = new Set<NodeErrorKind>(['config', 'non_retryable', 'retryable']);

/** True for errors thrown as {@link NodeConfigError}, {@link NonRetryableNodeError} or {@link RetryableNodeError}. */
export function isNodeError(error: unknown): error is NodeErrorLike {
  return error instanceof Error && KINDS.has((error as Partial<NodeErrorLike>).kind);
}
