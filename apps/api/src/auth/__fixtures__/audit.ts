import type { DataSource } from 'typeorm';

/** An audit_log row as stored. */
export interface AuditRow {
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  target_type: string;
  target_id: string | null;
  target_label: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** The newest entry of an action in a workspace, or undefined. */
export async function latestAudit(ds: DataSource, workspaceId: string, action: string): Promise<AuditRow | undefined> {
  const [row] = await ds.query('SELECT * FROM audit_log WHERE workspace_id = $1 AND action = $2 ORDER BY id DESC LIMIT 1', [
    workspaceId,
    action,
  ]);
  return row;
}

/** How many entries a workspace's audit log holds. */
export async function auditCount(ds: DataSource, workspaceId: string): Promise<number> {
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM audit_log WHERE workspace_id = $1', [workspaceId]);
  return n;
}
