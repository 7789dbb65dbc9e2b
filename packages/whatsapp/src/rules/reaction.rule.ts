import { classifyGraphError, type GraphErrorVerdict } from '../client/classify-error.util';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who a retry must wait for: this message only, this recipient only, or the whole number. */
export type RetryScope = 'message' | 'recipient' | 'number';

interface ReactionBase {
  code: number;
  meaning: string;
}

/**
 * What the engine does after a failed send (sync error or async `failed` status).
 * `suppress_marketing` also means the message failed: take the `failed` port as well.
 */
export type SendReaction = ReactionBase &
  (
    | { action: 'retry'; delayMs: number; scope: RetryScope }
    | { action: 'window_closed' }
    | { action: 'fail'; reason: 'config_error' | 'template_problem' | 'undeliverable' | 'retries_exhausted' | 'permanent'; alert: boolean }
    | { action: 'stop_number'; reason: 'auth' | 'policy'; alert: true }
    | { action: 'suppress_marketing'; durationMs?: number }
  );

export interface ReactionOptions {
  /** Earlier tries of this send (0 = first failure). */
  attempt?: number;
  /** Give up after this many retries. Default 6. */
  maxAttempts?: number;
  httpStatus?: number;
}

/** Maps an error code to the engine's reaction. Pure; total over every code. */
export function reactionFor(error: { code: number; subcode?: number; httpStatus?: number }, options: ReactionOptions = {}): SendReaction {
  const attempt = options.attempt ?? 0;
  const v = classifyGraphError(error.code, error.subcode, attempt, options.httpStatus ?? error.httpStatus);
  const base: ReactionBase = { code: v.code, meaning: v.meaning };
  switch (v.classification) {
    case 'retry_later':
    case 'rate_limited':
      if (attempt >= (options.maxAttempts ?? 6)) return { ...base, action: 'fail', reason: 'retries_exhausted', alert: true };
      return { ...base, action: 'retry', delayMs: v.retryAfterMs ?? 0, scope: retryScope(v) };
    case 'window_closed':
      return { ...base, action: 'window_closed' };
    case 'template_problem':
      return { ...base, action: 'fail', reason: 'template_problem', alert: true };
    case 'auth':
      return { ...base, action: 'stop_number', reason: 'auth', alert: true };
    case 'permanent':
      return permanentReaction(base, v);
  }
}

function retryScope(v: GraphErrorVerdict): RetryScope {
  if (v.effect === 'retry_recipient') return 'recipient';
  return v.classification === 'rate_limited' ? 'number' : 'message';
}

function permanentReaction(base: ReactionBase, v: GraphErrorVerdict): SendReaction {
  switch (v.effect) {
    case 'stop_number':
      return { ...base, action: 'stop_number', reason: 'policy', alert: true };
    case 'suppress_marketing':
      return { ...base, action: 'suppress_marketing' };
    case 'suppress_marketing_24h':
      return { ...base, action: 'suppress_marketing', durationMs: DAY_MS };
    case 'config_error':
      return { ...base, action: 'fail', reason: 'config_error', alert: true };
    case 'flag_contact':
      return { ...base, action: 'fail', reason: 'undeliverable', alert: false };
    default:
      return { ...base, action: 'fail', reason: 'permanent', alert: false };
  }
}
