import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

/** Everything one post needs, loaded fresh for each attempt (an endpoint may change in between). */
export interface AlertPost {
  deliveryId: string;
  workspaceId: string;
  event: string;
  status: string;
  endpoint: { id: string; url: string; enabled: boolean; secretName: string };
  alert: {
    id: string;
    kind: string;
    subject: string;
    severity: string;
    title: string;
    body: string;
    data: Record<string, unknown>;
    raisedAt: Date;
    resolvedAt: Date | null;
  };
}

export async function loadAlertPost(m: EntityManager, deliveryId: string): Promise<AlertPost | undefined> {
  const [row] = await queryRows<Record<string, never>>(
    m,
    `SELECT d.id, d.workspace_id, d.event, d.status, e.id AS endpoint_id, e.url, e.enabled, e.secret_name,
            a.id AS alert_id, a.kind, a.subject, a.severity, a.title, a.body, a.data, a.raised_at, a.resolved_at
     FROM alert_deliveries d JOIN alert_endpoints e ON e.id = d.endpoint_id JOIN alerts a ON a.id = d.alert_id
     WHERE d.id = $1`,
    [deliveryId],
  );
  if (!row) return undefined;
  return {
    deliveryId: row.id,
    workspaceId: row.workspace_id,
    event: row.event,
    status: row.status,
    endpoint: { id: row.endpoint_id, url: row.url, enabled: row.enabled, secretName: row.secret_name },
    alert: {
      id: row.alert_id,
      kind: row.kind,
      subject: row.subject,
      severity: row.severity,
      title: row.title,
      body: row.body,
      data: row.data,
      raisedAt: row.raised_at,
      resolvedAt: row.resolved_at,
    },
  };
}

/**
 * The JSON a receiver gets. Stable across attempts (the delivery id lets a receiver drop a
 * repeat); only the timestamp header and the signature change per attempt.
 */
export function alertPostBody(post: AlertPost): string {
  const { alert } = post;
  return JSON.stringify({
    event: post.event,
    deliveryId: post.deliveryId,
    workspaceId: post.workspaceId,
    alert: {
      id: alert.id,
      kind: alert.kind,
      subject: alert.subject,
      severity: alert.severity,
      title: alert.title,
      body: alert.body,
      data: alert.data,
      raisedAt: alert.raisedAt.toISOString(),
    },
  });
}

/** Secret of an endpoint in the secrets store: the reserved `tandem.` prefix keeps it out of node credentials. */
export const endpointSecretName = (endpointId: string): string => `tandem.alert-endpoint.${endpointId}`;
