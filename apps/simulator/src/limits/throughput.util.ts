/**
 * Sliding-window counter of send arrivals per number. Every attempt is recorded, refused
 * ones included, because Meta counts what arrives, not what it accepted: a client that
 * keeps hammering past the cap stays throttled.
 */
export class SlidingWindowCounter {
  private readonly arrivals = new Map<string, number[]>();

  constructor(private readonly windowMs = 1000) {}

  /** Records an arrival at `now`; true while the window (now - windowMs, now] holds ≤ cap. */
  hit(key: string, now: number, cap: number): boolean {
    const list = this.arrivals.get(key) ?? [];
    while (list.length > 0 && list[0] <= now - this.windowMs) list.shift();
    list.push(now);
    this.arrivals.set(key, list);
    return list.length <= cap;
  }

  clear(): void {
    this.arrivals.clear();
  }
}
