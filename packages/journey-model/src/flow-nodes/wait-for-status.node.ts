import { z } from 'zod';
import { durationSchema, durationToMs } from '../document/common.schema';
import { defineFlowNode } from './define-flow-node.util';
import { STATUS_ORDER } from '../eval/status-match.util';
import { STATUS_TIMEOUT_PORT } from './flow-ports';

export { STATUS_TIMEOUT_PORT };
export { matchStatus, type StatusEvent } from '../eval/status-match.util';

/**
 * Config of `core.wait-for-status@1`: which statuses of the run's previous send to wait for.
 * `failedErrorCodes` narrows `failed` to some Cloud API error codes (e.g. 131047 window closed).
 */
export const waitForStatusConfigSchema = z.strictObject({
  awaiting: z
    .array(z.enum(STATUS_ORDER))
    .min(1)
    .refine((s) => new Set(s).size === s.length, 'each status once'),
  failedErrorCodes: z.array(z.number().int()).max(50).optional(),
  timeout: durationSchema.default({ amount: 24, unit: 'hours' }),
});

/** Config of a status wait. */
export type WaitForStatusConfig = z.infer<typeof waitForStatusConfigSchema>;

/** Ports of a status wait: awaited statuses in `delivered, read, failed` order, then `timeout`. */
function statusPorts(config: WaitForStatusConfig): string[] {
  return [...STATUS_ORDER.filter((s) => config.awaiting.includes(s)), STATUS_TIMEOUT_PORT];
}

/** `core.wait-for-status@1`: waits for the previous send of this run to be delivered, read or to fail. */
export const waitForStatusSpec = defineFlowNode({
  type: 'core.wait-for-status',
  version: 1,
  label: 'Wait for status',
  category: 'Flow',
  icon: 'check-check',
  description: 'Waits until the previous message is delivered, read or fails (optionally with given error codes); `timeout` otherwise.',
  configSchema: waitForStatusConfigSchema,
  ports: statusPorts,
  // Statuses may arrive at once (or already have); only `timeout` guarantees a pause.
  delay: (config, port) => {
    const timeoutMs = durationToMs(config.timeout);
    return { minMs: port === STATUS_TIMEOUT_PORT ? timeoutMs : 0, maxMs: timeoutMs };
  },
});
