import { STATUS_TIMEOUT_PORT } from '../flow-nodes/flow-ports';
import type { WaitForStatusConfig } from '../flow-nodes/wait-for-status.node';

/** Statuses `core.wait-for-status@1` can wait for, in the order they happen. */
export const STATUS_ORDER = ['delivered', 'read', 'failed'] as const;

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
