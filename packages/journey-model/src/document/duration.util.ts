// Durations without zod: the workflow sandbox imports this through `../runtime`.

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** WhatsApp's customer service window: free-form messages only within 24 h of the customer's last message. */
export const SERVICE_WINDOW_MS = DAY_MS;

/** Units a marketer picks in a form; converted with {@link durationToMs}. */
export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

/** A span of time as configured on a node. */
export interface Duration {
  amount: number;
  unit: (typeof DURATION_UNITS)[number];
}

const UNIT_MS: Record<Duration['unit'], number> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/**
 * Milliseconds in a {@link Duration}, rounded to whole milliseconds.
 * @example durationToMs({ amount: 90, unit: 'minutes' }) // 5_400_000
 */
export function durationToMs(duration: Duration): number {
  return Math.round(duration.amount * UNIT_MS[duration.unit]);
}
