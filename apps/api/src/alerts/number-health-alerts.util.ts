import { type AlertInput, raiseAlert, resolveAlerts, type BusinessNumber } from '@tandem/db';
import type { EntityManager } from 'typeorm';
import type { NumberHealth } from '../numbers/number-health.util';
import { syncDeadline } from '../numbers/number-sync.util';

const HOUR_MS = 60 * 60 * 1000;
/** Meta takes the sync request only within 24 h of onboarding (`syncDeadline`): warn this long before. */
export const SYNC_WARN_BEFORE_MS = 6 * HOUR_MS;

const label = (n: Pick<BusinessNumber, 'displayPhoneNumber'>) => `+${n.displayPhoneNumber.replace(/^\+/, '')}`;

/**
 * Whether the number's history sync was asked for: Tandem requested it (`sync_requested_at`,
 * set when connecting or from the number page), or a sync started or contacts arrived anyway
 * (a request made outside Tandem).
 */
function syncRequested(n: Pick<BusinessNumber, 'historySync' | 'contactSyncAt' | 'syncRequestedAt'>): boolean {
  return n.syncRequestedAt !== null || (n.historySync?.status ?? 'none') !== 'none' || n.contactSyncAt !== null;
}

/** The sync-deadline alert a coexistence number needs at `now`, or null (none, or resolve). */
export function syncDeadlineAlert(n: BusinessNumber, now: Date): AlertInput | null {
  const deadline = syncDeadline(n);
  if (!deadline || syncRequested(n)) return null;
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
