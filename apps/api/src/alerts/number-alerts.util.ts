import { type AlertKind, raiseAlert, resolveAlerts } from '@tandem/db';
import type { EntityManager } from 'typeorm';

/** The alerts that stay open while a number cannot send. */
const LOST: readonly AlertKind[] = ['number.disconnected', 'number.offboarded'];

export interface NumberConnectionChange {
  workspaceId: string;
  number: { id: string; displayPhoneNumber: string; phoneNumberId: string };
  state: 'connected' | 'disconnected' | 'offboarded';
  event: string;
  reason: string | null;
  initiatedBy: string | null;
  /** Who reported it, when not Meta's webhook (an offboarding in Tandem names the member). */
  reportedBy?: string;
}

/** Raises the alert of a number that lost its connection, or resolves it when it is back. */
export async function alertNumberConnection(m: EntityManager, change: NumberConnectionChange): Promise<void> {
  const subject = `number:${change.number.id}`;
  if (change.state === 'connected') {
    await resolveAlerts(m, change.workspaceId, LOST, subject);
    return;
  }
  const label = `+${change.number.displayPhoneNumber.replace(/^\+/, '')}`;
  const why = [change.reason, change.initiatedBy && `initiated by ${change.initiatedBy.toLowerCase()}`].filter(Boolean).join(', ');
  await raiseAlert(m, {
    workspaceId: change.workspaceId,
    kind: change.state === 'offboarded' ? 'number.offboarded' : 'number.disconnected',
    subject,
    severity: 'critical',
    title: `Number ${label} ${change.state}`,
    body:
      `${change.reportedBy ?? 'Meta'} reported ${change.event} for ${label}${why ? ` (${why})` : ''}. ` +
      'Nothing can be sent from it until it is connected again.',
    data: { numberId: change.number.id, phoneNumberId: change.number.phoneNumberId, ...change, number: undefined, reportedBy: undefined },
  });
}
