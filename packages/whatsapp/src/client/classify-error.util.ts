import { type ErrorEffect, type GraphErrorClassification, lookupErrorCode, rateLimitBackoffMs, transientBackoffMs } from './error-codes';

/** Verdict on one error code, the same for a sync Graph error and an async `failed` status. */
export interface GraphErrorVerdict {
  code: number;
  subcode?: number;
  classification: GraphErrorClassification;
  effect: ErrorEffect;
  meaning: string;
  /** Set for `rate_limited` and `retry_later`: how long to wait before this attempt. */
  retryAfterMs?: number;
}

/**
 * Classifies a Graph/WhatsApp error code. Pure.
 * @param attempt earlier tries of the same send (0 = the first retry), drives back-off.
 * @param httpStatus only used for codes not in the table (5xx/429 → `retry_later`).
 */
export function classifyGraphError(code: number, subcode?: number, attempt = 0, httpStatus?: number): GraphErrorVerdict {
  const info = lookupErrorCode(code, httpStatus);
  const verdict: GraphErrorVerdict = { code, classification: info.classification, effect: info.effect, meaning: info.meaning };
  if (subcode !== undefined) verdict.subcode = subcode;
  if (info.classification === 'rate_limited') verdict.retryAfterMs = rateLimitBackoffMs(code, attempt);
  if (info.classification === 'retry_later') verdict.retryAfterMs = transientBackoffMs(attempt);
  return verdict;
}
