/**
 * Sliding-window counter of send arrivals per number. Every attempt is recorded, refused
 * ones included, because Meta counts what arrives, not what it accepted: a client that
 * keeps hammering past the cap stays throttled.
 */
export class SlidingWindowCounter {
  private readonly arrivals = new Map<string, number[]>();

  constructor(private readonly windowMs = 1000) {}

  /**
   * Records an arrival at `now`; true while the window (now - windowMs, now] holds ≤ cap.
   * Arrival stamps can reach here slightly out of order (requests are stamped when their
   * headers arrive, then handled), so the list is kept sorted.
   */
  hit(key: string, now: number, cap: number): boolean {
    const list = this.arrivals.get(key) ?? [];
    let i = list.length;
    while (i > 0 && list[i - 1] > now) i--;
    list.splice(i, 0, now);
    const newest = list[list.length - 1];
    while (list.length > 0 && list[0] <= newest - this.windowMs) list.shift();
    this.arrivals.set(key, list);
    return list.filter((t) => t > now - this.windowMs && t <= now).length <= cap;
  }

  clear(): void {
    this.arrivals.clear();
  }
}
