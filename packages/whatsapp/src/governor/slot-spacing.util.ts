/**
 * How far apart a number's sends are reserved so that Meta, counting *arrivals* in any
 * sliding second, never sees more than the cap.
 *
 * A send arrives some delay after its slot (waking up, the request, Meta's edge stamping
 * it). If the delays of two sends differ by at most J (the jitter budget), then `cap + 1`
 * arrivals fit in one second only if their slots fit in `1 s + J`. So the governor keeps
 * at most `cap` slots in any window of `1000 + J` ms (a sliding-window reservation, not
 * only a spacing) and spaces them `(1000 + J) / cap` apart. The cost is a rate of
 * `cap × 1000 / (1000 + J)`; in slots, the margin is `cap × J / 1000` — it scales with the cap.
 * The spacing is the plan; the guarantee is the last check before each send (a log of sends
 * scored by when their answers came back, governor-scripts.util.ts): a send `cap` slots
 * later goes on time only if that earlier one was answered within J of its slot — so J is
 * the room for waking up late plus the round trip before sends start to slip (never to
 * bunch: a slipping send waits, it is not sent over the cap).
 *
 * J itself is larger at small caps: there each send is a large share of the second and
 * sends are sparse, so more of them are "cold" (an idle process woken, a socket reopened)
 * and arrive later than the ones after them — the 30 ms that put 6 sends into 995 ms at
 * 5 mps. Half a slot, at least 25 ms (what busy 2-core boxes showed at 50 mps and above),
 * at most 80 ms so every cap keeps ≥ 92.5 % of its rate.
 */
export const JITTER_BUDGET = { slotFraction: 0.5, minMs: 25, maxMs: 80 } as const;

export interface SlotSpacing {
  /** J: how much later than a following send a send may arrive without breaking the cap. */
  jitterBudgetMs: number;
  /** The reservation window: at most `cap` slots in any `(t − window, t]`. */
  windowUs: number;
  /** Even spacing between consecutive slots. */
  intervalUs: number;
  /** The rate this spacing achieves at most, messages per second. */
  ratePerSecond: number;
}

/** The default jitter budget for a cap (see {@link JITTER_BUDGET}). */
export function defaultJitterBudgetMs(capPerSecond: number): number {
  const { slotFraction, minMs, maxMs } = JITTER_BUDGET;
  return Math.min(maxMs, Math.max(minMs, (slotFraction * 1000) / capPerSecond));
}

/** The reservation window and spacing for `capPerSecond` with a jitter budget (default per cap). */
export function slotSpacing(capPerSecond: number, jitterBudgetMs = defaultJitterBudgetMs(capPerSecond)): SlotSpacing {
  if (!Number.isFinite(capPerSecond) || capPerSecond <= 0) throw new RangeError(`capPerSecond must be > 0, got ${capPerSecond}`);
  if (!(jitterBudgetMs >= 0 && jitterBudgetMs < 1000)) throw new RangeError(`jitter budget must be in [0, 1000) ms, got ${jitterBudgetMs}`);
  const windowUs = Math.round((1000 + jitterBudgetMs) * 1000);
  return {
    jitterBudgetMs,
    windowUs,
    intervalUs: Math.ceil(windowUs / capPerSecond),
    ratePerSecond: (capPerSecond * 1000) / (1000 + jitterBudgetMs),
  };
}
