import { Injectable } from '@nestjs/common';
import type { AuditEntryDto, AuditQuery } from '@tandem/api-contract';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from './caller.types';

/** One audited change. `before`/`after` hold only the fields that matter, not whole rows. */
export interface AuditRecord {
  action: string;
  targetType: string;
  targetId?: string | null;
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Actions the audit log records, for the studio's filter. */
export const AUDIT_ACTIONS = [
  'journey.published',
  'journey.rolled_back',
  'journey.paused',
  'journey.resumed',
  'journey.archived',
  'campaign.started',
  'campaign.cancelled',
  'number.added',
  'number.changed',
  'member.added',
  'member.role_changed',
  'member.removed',
  'member.password_link_created',
  'token.created',
  'token.revoked',
  'credential.changed',
  'workspace.created',
  'workspace.changed',
  'media.uploaded',
  'conversation.taken',
  'conversation.given_back',
  'conversation.closed',
  'conversation.assigned',
  'conversation.tagged',
  'workspace.opt_out_settings_changed',
  'contact.opt_in',
  'contact.opt_out',
  'contact.changed',
  'contacts.imported',
  'contacts.exported',
  'contact.erased',
  'alert_endpoint.created',
  'alert_endpoint.changed',
  'alert_endpoint.secret_rotated',
  'alert_endpoint.deleted',
  'template.created',
] as const;

/**
 * The audit log: written in the same transaction as the change it records (pass that
 * transaction's manager), so a change and its entry exist together or not at all.
 */
@Injectable()
export class AuditService {
  constructor(private readonly ds: DataSource) {}

  async record(m: EntityManager | DataSource, caller: Caller, entry: AuditRecord): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (workspace_id, actor_type, actor_id, actor_label, action, target_type, target_id, target_label,
                              before, after, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        caller.workspaceId,
        caller.kind === 'token' ? 'token' : 'user',
        caller.kind === 'token' ? caller.tokenId : caller.userId,
        caller.label,
        entry.action,
        entry.targetType,
        entry.targetId ?? null,
        entry.targetLabel ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        caller.ip,
        caller.userAgent,
      ],
    );
  }

  /** Newest first, filtered; the cursor is the last id seen. */
  async list(workspaceId: string, q: AuditQuery): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> {
    const where = ['workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.action) add('action = ?', q.action);
    if (q.actor) add('actor_label ILIKE ?', `%${q.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (q.targetType) add('target_type = ?', q.targetType);
    if (q.targetId) add('target_id = ?', q.targetId);
    if (q.since) add('at >= ?', q.since);
    if (q.until) add('at < ?', q.until);
    if (q.cursor && /^\d+$/.test(q.cursor)) add('id < ?', q.cursor);
    params.push(q.limit + 1);
    const rows: AuditRow[] = await this.ds.query(
      `SELECT id::text, at, actor_type, actor_id, actor_label, action, target_type, target_id, target_label, before, after, ip, user_agent
         FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, q.limit);
    return { items: page.map(toDto), nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
  }
}

interface AuditRow {
  id: string;
  at: Date;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string | null;
  target_label: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  user_agent: string | null;
}

function toDto(r: AuditRow): AuditEntryDto {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: { type: r.actor_type, id: r.actor_id, label: r.actor_label },
    action: r.action,
    target: { type: r.target_type, id: r.target_id, label: r.target_label },
    before: r.before ?? null,
    after: r.after ?? null,
    ip: r.ip,
    userAgent: r.user_agent,
  };
}
