import { BadRequestException, Injectable } from '@nestjs/common';
import type { AlertDto, AlertListDto, AlertsQuery, MarkAlertsReadRequest } from '@tandem/api-contract';
import { type AlertInput, raiseAlert, type RaisedAlert } from '@tandem/db';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller.types';
import { queryRows } from '../common/sql.util';

interface AlertRow {
  id: string;
  kind: string;
  subject: string;
  severity: AlertDto['severity'];
  title: string;
  body: string;
  data: Record<string, unknown>;
  raise_count: number;
  raised_at: Date;
  last_raised_at: Date;
  resolved_at: Date | null;
  read: boolean;
}

/**
 * The notification centre: alerts of the caller's workspace with per-member read marks. Alerts
 * are raised by the code that notices the problem, through {@link AlertsService.raise} (or
 * `raiseAlert` from @tandem/db where there is no Nest container), in its own transaction.
 */
@Injectable()
export class AlertsService {
  constructor(private readonly ds: DataSource) {}

  /** Raises an alert in `m` (the caller's transaction), deduplicated per kind and subject. */
  raise(m: EntityManager, input: AlertInput): Promise<RaisedAlert> {
    return raiseAlert(m, input);
  }

  async list(caller: Caller, query: AlertsQuery): Promise<AlertListDto> {
    const userId = caller.userId;
    const rows = await queryRows<AlertRow>(
      this.ds.manager,
      `SELECT a.*, (r.alert_id IS NOT NULL) AS read FROM alerts a
       LEFT JOIN alert_reads r ON r.alert_id = a.id AND r.user_id = $2
       WHERE a.workspace_id = $1 AND ($3::boolean IS NOT TRUE OR r.alert_id IS NULL)
       ORDER BY a.last_raised_at DESC, a.id LIMIT $4`,
      [caller.workspaceId, userId, query.unread === 'true', query.limit],
    );
    const [{ count }] = await queryRows<{ count: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS count FROM alerts a
       WHERE a.workspace_id = $1 AND NOT EXISTS (SELECT 1 FROM alert_reads r WHERE r.alert_id = a.id AND r.user_id = $2)`,
      [caller.workspaceId, userId],
    );
    return { items: rows.map(toDto), unread: count };
  }

  /** Marks alerts read for the calling member; ids of other workspaces are ignored like unknown ones. */
  async markRead(caller: Caller, request: MarkAlertsReadRequest): Promise<{ marked: number }> {
    if (!caller.userId) throw new BadRequestException('Read marks belong to a person: this API token has no member behind it');
    const ids = 'ids' in request ? request.ids : null;
    const rows = await queryRows<{ alert_id: string }>(
      this.ds.manager,
      `INSERT INTO alert_reads (alert_id, user_id)
       SELECT id, $2 FROM alerts WHERE workspace_id = $1 AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
       ON CONFLICT DO NOTHING RETURNING alert_id`,
      [caller.workspaceId, caller.userId, ids],
    );
    return { marked: rows.length };
  }
}

function toDto(r: AlertRow): AlertDto {
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    severity: r.severity,
    title: r.title,
    body: r.body,
    data: r.data,
    raiseCount: r.raise_count,
    raisedAt: r.raised_at.toISOString(),
    lastRaisedAt: r.last_raised_at.toISOString(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    read: r.read,
  };
}
