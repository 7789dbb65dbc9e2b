import { raiseAlert, resolveAlerts } from '@tandem/db';
import type { EntityManager } from 'typeorm';
import { journeysUsingTemplate } from './template-usage.util';

/** Statuses after which a template can no longer be sent and its journeys must be looked at. */
const BLOCKING = { PAUSED: 'template.paused', DISABLED: 'template.disabled' } as const;

export interface TemplateStatusChange {
  workspaceId: string;
  wabaId: string;
  name: string;
  language: string;
  status: string;
  reason: string | null;
  detail?: string | null;
}

/**
 * Raises (PAUSED, DISABLED) or resolves (APPROVED again) the alert of a template in the
 * status change's transaction, naming the journeys whose sends of it now take their
 * `failed` port.
 */
export async function alertTemplateStatus(m: EntityManager, change: TemplateStatusChange): Promise<void> {
  const subject = `template:${change.wabaId}:${change.name}:${change.language}`;
  if (change.status === 'APPROVED') {
    await resolveAlerts(m, change.workspaceId, Object.values(BLOCKING), subject);
    return;
  }
  const kind = BLOCKING[change.status as keyof typeof BLOCKING];
  if (!kind) return;
  const journeys = await journeysUsingTemplate(m, change.workspaceId, change);
  const label = `${change.name} (${change.language})`;
  const why = [change.reason, change.detail].filter(Boolean).join(': ');
  const uses =
    journeys.length === 0
      ? 'No journey uses it.'
      : `Its sends in ${journeys.map((j) => `"${j.name}"`).join(', ')} take the node's failed port until Meta approves it again.`;
  await raiseAlert(m, {
    workspaceId: change.workspaceId,
    kind,
    subject,
    severity: change.status === 'DISABLED' ? 'critical' : 'warning',
    title: `Template ${label} ${change.status.toLowerCase()}`,
    body: `Meta ${change.status.toLowerCase()} template ${label}${why ? ` (${why})` : ''}. ${uses}`,
    data: { ...change, journeys },
  });
}
