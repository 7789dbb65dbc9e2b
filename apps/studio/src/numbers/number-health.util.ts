import type { NumberDto } from '../api/intake.api';

const DAY_MS = 86_400_000;

/** A number's health as a card shows it. */
export interface HealthView {
  tone: 'ok' | 'warn' | 'bad';
  /** `Connected`, `At risk`, `Disconnected`, `Offboarded`. */
  label: string;
  /** One line per reason (disconnection reason, app inactivity, silent inbox). */
  details: string[];
  /** Days since the WhatsApp Business app on the phone last sent anything (coexistence only). */
  daysSincePhoneActivity: number | null;
  silent: boolean;
}

const LABELS: Record<NumberDto['health']['status'], string> = {
  connected: 'Connected',
  at_risk: 'At risk',
  send_blocked: 'Sends blocked',
  disconnected: 'Disconnected',
  offboarded: 'Offboarded',
};

/** `PARTNER_REMOVED` / `account_deleted` → `partner removed` / `account deleted`. */
function readable(reason: string): string {
  return reason.replace(/_/g, ' ').toLowerCase();
}

/**
 * Health of a number: the api's verdict, plus the days since phone-app activity (the
 * coexistence link breaks after about 14 days without it) and whether the inbox is silent.
 */
export function healthView(n: NumberDto, now = Date.now()): HealthView {
  const status = n.health.status;
  const tone = status === 'connected' ? 'ok' : status === 'at_risk' ? 'warn' : 'bad';
  const appSince = n.lastAppActivityAt ?? n.lastEchoAt ?? n.onboardedAt ?? n.createdAt;
  const days = n.mode === 'coexistence' && appSince ? Math.max(0, Math.floor((now - Date.parse(appSince)) / DAY_MS)) : null;
  const details: string[] = [];
  const reason = n.health.reason ?? n.connection.reason;
  if ((status === 'disconnected' || status === 'offboarded') && reason) details.push(`Reason: ${readable(reason)}`);
  if (status === 'send_blocked' && reason) details.push(`Meta refused a send (${reason}); lifted by the next accepted send.`);
  for (const issue of n.health.issues) details.push(issue.message);
  return {
    tone,
    label: LABELS[status] ?? status,
    details,
    daysSincePhoneActivity: days,
    silent: n.health.issues.some((i) => i.code === 'silent_inbox'),
  };
}

/** History sync as a card shows it: percent 0–100 and a label. */
export function historySyncView(sync: NumberDto['historySync']): { percent: number | null; label: string } {
  switch (sync.status) {
    case 'none':
      return { percent: null, label: 'No history sync yet' };
    case 'declined':
      return { percent: null, label: 'History sharing declined on the phone' };
    case 'complete':
      return {
        percent: 100,
        label: `History synced${sync.messageCount !== undefined ? ` (${sync.messageCount} message${sync.messageCount === 1 ? '' : 's'})` : ''}`,
      };
    default: {
      const percent = Math.max(0, Math.min(100, Math.round(sync.progress ?? 0)));
      return { percent, label: `Syncing history… ${percent}%${sync.phase !== undefined ? ` (phase ${sync.phase + 1})` : ''}` };
    }
  }
}
