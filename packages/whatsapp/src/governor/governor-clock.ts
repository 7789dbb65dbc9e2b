import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Time as the throughput governor sees it, injected by the governor's owner. Production
 * uses {@link systemClock}; tests use a logical clock so slot times are exact and no test
 * waits for real time to pass.
 */
export interface GovernorClock {
  /** Epoch ms on this process's clock. */
  now(): number;
  /** Resolves `ms` from now on this clock; rejects with an `AbortError` when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * "Now" of the shared schedule, epoch µs, handed to the Redis scripts. `undefined`: the
   * scripts read Redis's own `TIME`, the one clock every process shares (production).
   */
  scheduleNowUs(): number | undefined;
}

/** The wall clock, with Redis's clock for the shared schedule. */
export const systemClock: GovernorClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
  scheduleNowUs: () => undefined,
};
