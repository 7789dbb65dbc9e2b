export interface GcraDecision {
  allowed: boolean;
  /** How long until the next message to this pair would be allowed (0 when allowed). */
  retryAfterMs: number;
}

/**
 * Generic cell rate algorithm for the pair limit: one message per `intervalMs` on average,
 * with up to `burst` back to back borrowed from future quota (Meta: 1 per 6 s, bursts of 45;
 * after a burst of 20 the pair waits ≈ 2 min).
 */
export class PairRateLimiter {
  private readonly theoreticalArrival = new Map<string, number>();

  take(key: string, now: number, intervalMs: number, burst: number): GcraDecision {
    const tolerance = (burst - 1) * intervalMs;
    const tat = Math.max(this.theoreticalArrival.get(key) ?? now, now);
    if (tat - now > tolerance) return { allowed: false, retryAfterMs: tat - now - tolerance };
    this.theoreticalArrival.set(key, tat + intervalMs);
    return { allowed: true, retryAfterMs: 0 };
  }

  clear(): void {
    this.theoreticalArrival.clear();
  }
}
