import type { ConnectionState, NumberMode } from '@tandem/db';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Warn this long after the last phone-app activity… */
export const APP_INACTIVE_WARN_DAYS = 12;
/** …because around this long the coexistence link breaks (primary device inactive). */
export const APP_INACTIVE_LIMIT_DAYS = 14;

export type NumberHealthStatus = 'connected' | 'at_risk' | 'disconnected' | 'offboarded';

export interface HealthIssue {
  code: 'app_inactive' | 'silent_inbox';
  message: string;
  /** The last sign of life the rule looked at (ISO), or null if there never was one. */
  since: string | null;
  /** For app_inactive: when the link is expected to break. */
  deadline?: string;
}

export interface NumberHealth {
  status: NumberHealthStatus;
  connectionState: ConnectionState;
  /** Why the number is disconnected/offboarded (Meta's reason), else null. */
  reason: string | null;
  issues: HealthIssue[];
  checkedAt: string;
}

export interface HealthInput {
  mode: NumberMode;
  connectionState: ConnectionState;
  connectionReason: string | null;
  onboardedAt: Date | null;
  createdAt: Date;
  lastWebhookAt: Date | null;
  lastEchoAt: Date | null;
}

/**
 * Health of a number at `now`: its connection, plus two early warnings while connected —
 * a coexistence number whose phone app has not sent anything for 12 days (the link breaks
 * at about 14), and any number that has received no webhook for `silentAfterMs`.
 */
export function computeNumberHealth(n: HealthInput, now: Date, silentAfterMs: number): NumberHealth {
  const checkedAt = now.toISOString();
  if (n.connectionState !== 'connected') {
    return { status: n.connectionState, connectionState: n.connectionState, reason: n.connectionReason, issues: [], checkedAt };
  }
  const issues: HealthIssue[] = [];
  const appSince = n.lastEchoAt ?? n.onboardedAt ?? n.createdAt;
  const appIdleMs = now.getTime() - appSince.getTime();
  if (n.mode === 'coexistence' && appIdleMs >= APP_INACTIVE_WARN_DAYS * DAY_MS) {
    const deadline = new Date(appSince.getTime() + APP_INACTIVE_LIMIT_DAYS * DAY_MS);
    issues.push({
      code: 'app_inactive',
      message:
        `No activity from the WhatsApp Business app for ${Math.floor(appIdleMs / DAY_MS)} days: ` +
        `open the app on the phone before day ${APP_INACTIVE_LIMIT_DAYS} (${deadline.toISOString()}) or the coexistence link breaks.`,
      since: n.lastEchoAt?.toISOString() ?? null,
      deadline: deadline.toISOString(),
    });
  }
  const heardAt = n.lastWebhookAt ?? n.onboardedAt ?? n.createdAt;
  const silentMs = now.getTime() - heardAt.getTime();
  if (silentMs >= silentAfterMs) {
    issues.push({
      code: 'silent_inbox',
      message: `No webhook received for ${humanDuration(silentMs)}: check the number's connection and webhook subscription.`,
      since: n.lastWebhookAt?.toISOString() ?? null,
    });
  }
  return { status: issues.length > 0 ? 'at_risk' : 'connected', connectionState: 'connected', reason: null, issues, checkedAt };
}

/** `45 minutes`, `5 hours`, `30 days`: the largest whole unit, for health messages. */
export function humanDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const [amount, unit] =
    minutes >= 2 * 24 * 60
      ? [Math.floor(minutes / 1440), 'day']
      : minutes >= 120
        ? [Math.floor(minutes / 60), 'hour']
        : [minutes, 'minute'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
