/**
 * Largest number of times in any half-open window `[t, t + windowMs)` — how Meta's
 * sliding-second count sees a list of arrival (or slot) times (any unit, the same for both).
 */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi] - sorted[lo] >= windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}
