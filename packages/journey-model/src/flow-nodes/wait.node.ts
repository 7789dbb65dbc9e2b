import { z } from 'zod';
import { durationSchema, durationToMs } from '../document/common.schema';
import { isValidTimeZone } from '../document/journey.schema';
import { timeWindowSchema } from '../eval/time-window.schema';
import { longestClosedGapMs } from '../eval/time-window.util';
import type { PortDelay } from '../catalogue/node-spec.types';
import { defineFlowNode } from './define-flow-node.util';

/** DST can stretch a gap between windows by up to an hour. */
const DST_MARGIN_MS = 3_600_000;

/**
 * Config of `core.wait@1`:
 * - `duration`: wait a fixed time;
 * - `until`: wait until an instant (ISO 8601 with offset); past instants continue at once;
 * - `window`: wait until the next moment inside a daily time window, read in `timezone`
 *   or, when absent, the journey's `settings.timezone`.
 */
export const waitConfigSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('duration'), duration: durationSchema }),
  z.strictObject({ mode: z.literal('until'), at: z.iso.datetime({ offset: true }) }),
  z.strictObject({
    mode: z.literal('window'),
    window: timeWindowSchema,
    timezone: z.string().refine(isValidTimeZone, 'not an IANA time zone such as Europe/Lisbon').optional(),
  }),
]);

/** Config of a wait node. */
export type WaitConfig = z.infer<typeof waitConfigSchema>;

/**
 * How long a wait holds a run. `until` and `window` may continue at once (instant passed,
 * window open); `until` has no upper bound because it depends on when the run arrives.
 */
function waitDelay(config: WaitConfig): PortDelay {
  switch (config.mode) {
    case 'duration': {
      const ms = durationToMs(config.duration);
      return { minMs: ms, maxMs: ms };
    }
    case 'until':
      return { minMs: 0, maxMs: null };
    case 'window':
      return { minMs: 0, maxMs: longestClosedGapMs(config.window) + DST_MARGIN_MS };
  }
}

/** `core.wait@1`: pauses the run for a duration, until an instant, or until a time window opens. */
export const waitSpec = defineFlowNode({
  type: 'core.wait',
  version: 1,
  label: 'Wait',
  category: 'Flow',
  icon: 'clock',
  description: 'Pauses for a time, until a date, or until the next opening of a daily time window (e.g. weekdays 09:00–18:00).',
  configSchema: waitConfigSchema,
  ports: () => ['main'],
  staticPorts: ['main'],
  delay: waitDelay,
});
