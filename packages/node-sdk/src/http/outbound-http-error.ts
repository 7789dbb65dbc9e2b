import { NodeError, type NodeErrorKind } from '../node-errors';

/** Why an outbound HTTP call did not produce a response. */
export type OutboundHttpErrorCode =
  'invalid_url' | 'blocked_scheme' | 'blocked_address' | 'too_many_redirects' | 'too_large' | 'timeout' | 'unreachable';

// Network trouble may pass on a retry; a refusal by the guard never does.
const RETRYABLE: ReadonlySet<OutboundHttpErrorCode> = new Set(['timeout', 'unreachable']);

/**
 * The guarded HTTP client's only error. Its message is written for the person who built
 * the journey ("the address 127.0.0.1 is private and not allowed") and names at most a
 * host and an address — never the URL (it may hold a credential), never the system's own
 * error text.
 */
export class OutboundHttpError extends NodeError {
  override readonly name = 'OutboundHttpError';
  readonly kind: NodeErrorKind;

  constructor(
    readonly code: OutboundHttpErrorCode,
    message: string,
    details: Record<string, string | number> = {},
  ) {
    super(message, { details: { code, ...details } });
    this.kind = RETRYABLE.has(code) ? 'retryable' : 'non_retryable';
  }
}

/** What every copy of the SDK's `OutboundHttpError` has (a node package may carry its own copy). */
export interface OutboundHttpErrorLike {
  name: 'OutboundHttpError';
  code: OutboundHttpErrorCode;
  message: string;
}

function isOutboundHttpError(e: Error): e is Error & OutboundHttpErrorLike {
  return e.name === 'OutboundHttpError' && typeof (e as { code?: unknown }).code === 'string';
}

/**
 * The guard's error in `error` or its `cause` chain (undici wraps connection errors),
 * recognised by name and code rather than `instanceof`, like `isNodeError`.
 * @example const refused = findOutboundHttpError(error); if (refused) return { port: 'error', output: { error: refused.message } };
 */
export function findOutboundHttpError(error: unknown): (Error & OutboundHttpErrorLike) | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (isOutboundHttpError(e)) return e;
  }
  return undefined;
}
