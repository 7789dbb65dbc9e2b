import type { GovernorClock } from '../governor/governor-clock';

interface Sleeper {
  until: number;
  wake(): void;
}

/**
 * A clock that moves only when the test moves it. The governor's Redis scripts get its
 * "now", so the shared schedule runs on the same logical time as the callers, and slot
 * times are exact. `next()` fires the earliest timer the way an idle event loop would;
 * `advance()` lets time pass with no timer firing, as a blocked event loop does.
 */
export class LogicalClock implements GovernorClock {
  private t: number;
  private sleepers: Sleeper[] = [];

  /** Starts at a realistic epoch: the governor's schedule treats 0 as "never sent". */
  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.t = startMs;
  }

  now(): number {
    return this.t;
  }

  scheduleNowUs(): number {
    return this.t * 1000;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const sleeper: Sleeper = {
        until: this.t + Math.max(0, ms),
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(sleeper);
    });
  }

  /** Timers waiting to fire. */
  get sleeping(): number {
    return this.sleepers.length;
  }

  /** Resolves once `count` timers wait: the calls that set them are parked. */
  whenSleeping(count: number): Promise<void> {
    return parked(() => this.sleepers.length >= count);
  }

  /** Time passes by `ms` while no timer fires (a stalled process); due timers fire on `next()`. */
  advance(ms: number): void {
    this.t += ms;
  }

  /** Moves to the earliest timer's deadline (if still ahead) and fires every timer due then. */
  next(): number {
    if (this.sleepers.length === 0) throw new Error('no timer is waiting');
    this.t = Math.max(this.t, Math.min(...this.sleepers.map((s) => s.until)));
    const due = this.sleepers.filter((s) => s.until <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.until > this.t);
    for (const sleeper of due) sleeper.wake();
    return this.t;
  }

  /**
   * Runs `work` (calls that sleep on this clock) to completion: whenever every call still
   * running is parked on a timer, fires the next one. A call busy with Redis is never
   * overtaken by the clock, so the outcome does not depend on how fast the machine is.
   */
  async run<T>(work: Promise<T>[]): Promise<T[]> {
    let running = work.length;
    const settled = Promise.allSettled(work.map((w) => w.finally(() => running--)));
    for (;;) {
      const finished = await Promise.race([settled.then(() => true), parked(() => this.sleepers.length >= running).then(() => false)]);
      if (finished || running === 0) break;
      this.next();
    }
    return Promise.all(work);
  }
}

/** Resolves once `condition` holds, checked after each turn of the event loop (I/O included). */
async function parked(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
