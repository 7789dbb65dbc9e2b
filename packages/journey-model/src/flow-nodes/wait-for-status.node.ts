import { z } from 'zod';
import { durationSchema, durationToMs } from '../document/common.schema';
import type { NodeSpec } from '../catalogue/node-spec.types';

const STATUS_ORDER = ['delivered', 'read', 'failed'] as const;

/** Port taken when the awaited status does not arrive in time (or can no longer arrive). */
export const STATUS_TIMEOUT_PORT = 'timeout';

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

/** A delivery status update of the watched message. */
export interface StatusEvent {
  status: 'sent' | 'delivered' | 'read' | 'failed' | 'played';
  errorCode?: number;
}

/**
 * Port a status update takes, or `undefined` to keep waiting. Statuses may arrive out of
 * order and `read` implies `delivered`, so `read` satisfies a wait for `delivered`. A
 * `failed` that no port awaits ends the wait on `timeout`: the awaited status can no longer come.
 */
export function matchStatus(config: Pick<WaitForStatusConfig, 'awaiting' | 'failedErrorCodes'>, event: StatusEvent): string | undefined {
  const awaits = (s: (typeof STATUS_ORDER)[number]) => config.awaiting.includes(s);
  switch (event.status) {
    case 'sent':
      return undefined;
    case 'delivered':
      return awaits('delivered') ? 'delivered' : undefined;
    case 'read':
    case 'played':
      if (awaits('read')) return 'read';
      return awaits('delivered') ? 'delivered' : undefined;
    case 'failed': {
      const codes = config.failedErrorCodes ?? [];
      const codeMatches = codes.length === 0 || (event.errorCode !== undefined && codes.includes(event.errorCode));
      return awaits('failed') && codeMatches ? 'failed' : STATUS_TIMEOUT_PORT;
    }
  }
}

/** Ports of a status wait: awaited statuses in `delivered, read, failed` order, then `timeout`. */
function statusPorts(config: WaitForStatusConfig): string[] {
  return [...STATUS_ORDER.filter((s) => config.awaiting.includes(s)), STATUS_TIMEOUT_PORT];
}

/** `core.wait-for-status@1`: waits for the previous send of this run to be delivered, read or to fail. */
export const waitForStatusSpec: NodeSpec<WaitForStatusConfig> = {
  type: 'core.wait-for-status',
  version: 1,
  kind: 'flow',
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
};
