/** When failed events are tried again, and when they are given up. */
export interface RetryPolicy {
  /** Handler runs before an event is dead-lettered (default 10). */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one (default 1 s). */
  baseDelayMs: number;
  /** Longest wait between two attempts (default 5 min). */
  maxDelayMs: number;
}

/** Ten attempts over about 8½ minutes: long enough to ride out a Temporal or database restart. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/** When attempt `attempt` (1-based) failed at `now`: the time of the next attempt, or null to dead-letter. */
export function nextAttemptAt(policy: RetryPolicy, attempt: number, now: Date): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return new Date(now.getTime() + delay);
}
