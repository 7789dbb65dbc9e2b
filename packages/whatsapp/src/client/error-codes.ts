/**
 * The one table of Graph / WhatsApp error codes the engine reacts to (reference §7).
 * Used for synchronous API errors and for asynchronous `failed` statuses alike: branch on
 * the code, never on the message (which may contain the recipient's number).
 */

export type GraphErrorClassification = 'retry_later' | 'rate_limited' | 'window_closed' | 'template_problem' | 'auth' | 'permanent';

/** What a code means for the number or contact beyond the one message. */
export type ErrorEffect =
  | 'none'
  | 'stop_number'
  | 'pause_number'
  | 'retry_recipient'
  | 'suppress_marketing'
  | 'suppress_marketing_24h'
  | 'flag_contact'
  | 'config_error';

export interface ErrorCodeInfo {
  classification: GraphErrorClassification;
  effect: ErrorEffect;
  /** Short description for logs and the studio (our words, never Meta's `message`). */
  meaning: string;
}

/** Code used for failures before any Graph answer (DNS, reset, timeout). */
export const NETWORK_ERROR_CODE = -1;
/** Code used when Graph answered with something that is not a Graph error or success body. */
export const INVALID_RESPONSE_CODE = -2;
/** Code used when no access token could be found for the call (the WABA has none stored). */
export const MISSING_TOKEN_CODE = -3;

const info = (classification: GraphErrorClassification, effect: ErrorEffect, meaning: string): ErrorCodeInfo => ({
  classification,
  effect,
  meaning,
});

export const GRAPH_ERROR_CODES: Readonly<Record<number, ErrorCodeInfo>> = {
  [NETWORK_ERROR_CODE]: info('retry_later', 'none', 'network failure'),
  [MISSING_TOKEN_CODE]: info('auth', 'stop_number', 'no Meta token stored for the number (connect it again)'),
  1: info('retry_later', 'none', 'unknown API error'),
  2: info('retry_later', 'none', 'service temporarily unavailable'),
  131000: info('retry_later', 'none', 'something went wrong'),
  131016: info('retry_later', 'none', 'service unavailable'),
  131057: info('retry_later', 'none', 'account in maintenance'),
  130429: info('rate_limited', 'none', 'number throughput exceeded'),
  131056: info('rate_limited', 'retry_recipient', 'pair rate limit (same recipient)'),
  4: info('rate_limited', 'none', 'app call rate limit'),
  80007: info('rate_limited', 'none', 'WABA rate limit'),
  131048: info('rate_limited', 'pause_number', 'spam rate limit (number quality)'),
  131047: info('window_closed', 'none', 'customer service window closed'),
  132000: info('template_problem', 'config_error', 'template parameter count mismatch'),
  132001: info('template_problem', 'config_error', 'template missing or not approved in this language'),
  132005: info('template_problem', 'config_error', 'hydrated template text too long'),
  132007: info('template_problem', 'config_error', 'template format violates policy'),
  132012: info('template_problem', 'config_error', 'template parameter format mismatch'),
  132015: info('template_problem', 'config_error', 'template paused'),
  132016: info('template_problem', 'config_error', 'template disabled'),
  0: info('auth', 'stop_number', 'authentication failed'),
  10: info('auth', 'stop_number', 'permission denied'),
  190: info('auth', 'stop_number', 'access token expired or invalid'),
  131026: info('permanent', 'flag_contact', 'message undeliverable'),
  131049: info('permanent', 'suppress_marketing_24h', 'per-user marketing limit'),
  131050: info('permanent', 'suppress_marketing', 'user stopped marketing messages'),
  131051: info('permanent', 'config_error', 'unsupported message type'),
  131052: info('permanent', 'none', 'media download error'),
  131053: info('permanent', 'config_error', 'media upload error'),
  100: info('permanent', 'config_error', 'invalid parameter'),
  131008: info('permanent', 'config_error', 'required parameter missing'),
  131009: info('permanent', 'config_error', 'parameter value invalid'),
  130472: info('permanent', 'none', 'recipient in a marketing experiment'),
  131062: info('permanent', 'config_error', 'authentication template to a business-scoped user id'),
  368: info('permanent', 'stop_number', 'temporarily blocked for policy violation'),
  131031: info('permanent', 'stop_number', 'account locked'),
  133010: info('permanent', 'stop_number', 'phone number not registered on Cloud API'),
  131064: info('permanent', 'none', 'messaging limit reduced'),
};

const AUTH_RANGE = info('auth', 'stop_number', 'permission missing or revoked');
const UNKNOWN_SERVER = info('retry_later', 'none', 'unknown server error');
const UNKNOWN = info('permanent', 'none', 'unclassified error');

/** Table lookup with the 200–299 permission range and a fallback for unknown codes. */
export function lookupErrorCode(code: number, httpStatus?: number): ErrorCodeInfo {
  const known = GRAPH_ERROR_CODES[code];
  if (known) return known;
  if (code >= 200 && code <= 299) return AUTH_RANGE;
  // An unlisted code on a 5xx/429 answer is Meta's (or a proxy's) trouble, not ours.
  return httpStatus !== undefined && (httpStatus >= 500 || httpStatus === 429) ? UNKNOWN_SERVER : UNKNOWN;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Back-off for rate-limited codes. `attempt` counts earlier tries of the same send (0 = first retry).
 * 131056: Meta's rule, 4^X seconds. 130429: short (the governor should prevent it).
 * 4 / 80007 / 131048: app, WABA or quality limits, minutes to hours.
 */
export function rateLimitBackoffMs(code: number, attempt = 0): number {
  const x = Math.max(0, Math.min(Math.floor(attempt), 8));
  switch (code) {
    case 131056:
      return 4 ** Math.min(x, 6) * SECOND;
    case 130429:
      return Math.min(SECOND * 2 ** x, 30 * SECOND);
    case 131048:
      return Math.min(15 * MINUTE * 2 ** x, 4 * 60 * MINUTE);
    default:
      return Math.min(MINUTE * 2 ** x, 60 * MINUTE);
  }
}

/** Back-off for `retry_later` (transient server/network trouble): 2^X s, capped at 5 min. */
export function transientBackoffMs(attempt = 0): number {
  return Math.min(SECOND * 2 ** Math.max(0, Math.floor(attempt)), 5 * MINUTE);
}
