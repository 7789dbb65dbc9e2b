import { type AlertInput, raiseAlert, resolveAlerts, type BusinessNumber } from '@tandem/db';
import type { EntityManager } from 'typeorm';
import type { NumberHealth } from '../numbers/number-health.util';

const HOUR_MS = 60 * 60 * 1000;
/** Meta accepts the contacts and history sync request only this long after onboarding… */
export const SYNC_WINDOW_MS = 24 * HOUR_MS;
/** …so warn this long before the window closes while nothing was requested. */
export const SYNC_WARN_BEFORE_MS = 6 * HOUR_MS;

const label = (n: Pick<BusinessNumber, 'displayPhoneNumber'>) => `+${n.displayPhoneNumber.replace(/^\+/, '')}`;

/**
 * Whether the number's sync was requested. Until the `sync_requested_at` column lands (number
 * onboarding), a sync that started (any history state but `none`) or contacts that arrived
 * count as requested.
 */
function syncRequested(n: Pick<BusinessNumber, 'historySync' | 'contactSyncAt'>): boolean {
  return (n.historySync?.status ?? 'none') !== 'none' || n.contactSyncAt !== null;
}

/** The sync-deadline alert a coexistence number needs at `now`, or null (none, or resolve). */
export function syncDeadlineAlert(n: BusinessNumber, now: Date): AlertInput | null {
  if (n.mode !== 'coexistence' || !n.onboardedAt || syncRequested(n)) return null;
  const deadline = new Date(n.onboardedAt.getTime() + SYNC_WINDOW_MS);
  const left = deadline.getTime() - now.getTime();
  if (left <= 0 || left > SYNC_WARN_BEFORE_MS) return null;
  const hours = Math.max(1, Math.round(left / HOUR_MS));
  return {
    workspaceId: n.workspaceId,
    kind: 'number.sync_deadline',
    subject: `number:${n.id}`,
    severity: 'critical',
    title: `Request the history sync of ${label(n)} within ${hours} h`,
    body:
      `Meta accepts the contacts and chat history sync of ${label(n)} only until ${deadline.toISOString()}: ` +
      'request it from the number page now, or that history is lost for good.',
    data: { numberId: n.id, deadline: deadline.toISOString() },
  };
}

/**
 * Raises or resolves a number's health alerts (app not opened for 12 days, sync deadline
 * near) from the scheduled health check. Both are deduplicated per number, so running this
 * on every check tells people once per problem.
 */
export async function alertNumberHealth(m: EntityManager, n: BusinessNumber, health: NumberHealth, now: Date): Promise<void> {
  const subject = `number:${n.id}`;
  const inactive = health.issues.find((i) => i.code === 'app_inactive');
  if (inactive) {
    await raiseAlert(m, {
      workspaceId: n.workspaceId,
      kind: 'number.app_inactive',
      subject,
      severity: 'warning',
      title: `Open the WhatsApp Business app of ${label(n)}`,
      body: inactive.message,
      data: { numberId: n.id, since: inactive.since, deadline: inactive.deadline },
    });
  } else await resolveAlerts(m, n.workspaceId, ['number.app_inactive'], subject, now);
  const deadline = syncDeadlineAlert(n, now);
  if (deadline) await raiseAlert(m, deadline);
  else await resolveAlerts(m, n.workspaceId, ['number.sync_deadline'], subject, now);
}
