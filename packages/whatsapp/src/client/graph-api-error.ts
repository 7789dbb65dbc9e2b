import type { ErrorEffect, GraphErrorClassification } from './error-codes';
import { classifyGraphError } from './classify-error.util';

export interface GraphApiErrorInit {
  code: number;
  subcode?: number;
  httpStatus?: number;
  /** `error_data.details` — Meta's explanation, safe to log. */
  details?: string;
  fbtraceId?: string;
  /** Earlier tries of the same call, for the back-off in `retryAfterMs`. */
  attempt?: number;
  cause?: unknown;
}

/**
 * A failed Graph call, already classified. Its `message` is built from the code only:
 * Meta's own `message` can contain the recipient's phone number and is never kept.
 */
export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  readonly code: number;
  readonly subcode?: number;
  readonly httpStatus?: number;
  readonly details?: string;
  readonly fbtraceId?: string;
  readonly classification: GraphErrorClassification;
  readonly effect: ErrorEffect;
  readonly retryAfterMs?: number;

  constructor(init: GraphApiErrorInit) {
    const verdict = classifyGraphError(init.code, init.subcode, init.attempt, init.httpStatus);
    const sub = init.subcode === undefined ? '' : `/${init.subcode}`;
    super(`Graph API error ${init.code}${sub}: ${verdict.meaning}`, { cause: init.cause });
    this.code = init.code;
    this.subcode = init.subcode;
    this.httpStatus = init.httpStatus;
    this.details = init.details;
    this.fbtraceId = init.fbtraceId;
    this.classification = verdict.classification;
    this.effect = verdict.effect;
    this.retryAfterMs = verdict.retryAfterMs;
  }
}

export function isGraphApiError(error: unknown): error is GraphApiError {
  return error instanceof GraphApiError;
}
