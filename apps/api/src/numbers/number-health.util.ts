import type { ConnectionState, HistorySyncState, NumberMode, StoredNumberHealth } from '@tandem/db';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Warn this long after the last phone-app activity… */
export const APP_INACTIVE_WARN_DAYS = 12;
/** …because around this long the coexistence link breaks (primary device inactive). */
export const APP_INACTIVE_LIMIT_DAYS = 14;

export type NumberHealthStatus = 'connected' | 'at_risk' | 'send_blocked' | 'disconnected' | 'offboarded';

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
  /** Why the number is disconnected/offboarded (Meta's reason) or its sends are blocked, else null. */
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
  /** Last address-book change from the phone (`smb_app_state_sync`). */
  contactSyncAt?: Date | null;
  /** The history import: its chunks are uploaded by the phone app. */
  historySync?: HistorySyncState | null;
  /** The stored health: only its `sendBlocked` (set by the worker) is read here. */
  health?: StoredNumberHealth | null;
}

/**
 * The last sign that the WhatsApp Business app is in use on the phone: a message sent
 * from it (echo, edits and revokes included), an address-book change it synced
 * (`smb_app_state_sync`), or a history chunk it uploaded. Null when there was none.
 */
export function lastAppActivity(n: HealthInput): Date | null {
  const historyAt = n.historySync?.updatedAt && n.historySync.status !== 'declined' ? new Date(n.historySync.updatedAt) : null;
  const signs = [n.lastEchoAt, n.contactSyncAt ?? null, historyAt].filter((d): d is Date => d !== null && !Number.isNaN(d.getTime()));
  return signs.length === 0 ? null : new Date(Math.max(...signs.map((d) => d.getTime())));
}

/**
 * Health of a number at `now`: its connection; while connected, a send block left by an
 * auth/policy error (until a send succeeds again), and two early warnings — a coexistence
 * number whose phone app shows no activity ({@link lastAppActivity}) for 12 days (the link
 * breaks at about 14), and any number that has received no webhook for `silentAfterMs`.
 */
export function computeNumberHealth(n: HealthInput, now: Date, silentAfterMs: number): NumberHealth {
  const checkedAt = now.toISOString();
  if (n.connectionState !== 'connected') {
    return { status: n.connectionState, connectionState: n.connectionState, reason: n.connectionReason, issues: [], checkedAt };
  }
  const issues: HealthIssue[] = [];
  const appSeen = lastAppActivity(n);
  const appSince = appSeen ?? n.onboardedAt ?? n.createdAt;
  const appIdleMs = now.getTime() - appSince.getTime();
  if (n.mode === 'coexistence' && appIdleMs >= APP_INACTIVE_WARN_DAYS * DAY_MS) {
    const deadline = new Date(appSince.getTime() + APP_INACTIVE_LIMIT_DAYS * DAY_MS);
    issues.push({
      code: 'app_inactive',
      message:
        `No activity from the WhatsApp Business app for ${Math.floor(appIdleMs / DAY_MS)} days: ` +
        `open the app on the phone before day ${APP_INACTIVE_LIMIT_DAYS} (${deadline.toISOString()}) or the coexistence link breaks.`,
      since: appSeen?.toISOString() ?? null,
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
  const blocked = n.health?.sendBlocked;
  if (blocked) return { status: 'send_blocked', connectionState: 'connected', reason: blocked.reason, issues, checkedAt };
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
