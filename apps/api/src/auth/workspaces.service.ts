import { Injectable } from '@nestjs/common';
import type { WorkspaceMembershipDto } from '@tandem/api-contract';
import { DataSource } from 'typeorm';
import { queryRows } from '../common/sql.util';
import { AuditService } from './audit.service';
import type { Caller } from './caller.types';

/** Workspaces: a signed-in person creates one (and becomes its admin); admins rename theirs. */
@Injectable()
export class WorkspacesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller & { userId: string }, name: string): Promise<WorkspaceMembershipDto> {
    return this.ds.transaction(async (m) => {
      const [ws] = await m.query('INSERT INTO workspaces (name) VALUES ($1) RETURNING id, name', [name]);
      await m.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'admin')`, [ws.id, caller.userId]);
      await this.audit.record(
        m,
        { ...caller, workspaceId: ws.id },
        { action: 'workspace.created', targetType: 'workspace', targetId: ws.id, targetLabel: name, after: { name } },
      );
      return { id: ws.id, name: ws.name, role: 'admin' as const };
    });
  }

  async update(caller: Caller, patch: { name?: string; timezone?: string }): Promise<{ id: string; name: string; timezone: string }> {
    return this.ds.transaction(async (m) => {
      const [before] = await m.query('SELECT id, name, timezone FROM workspaces WHERE id = $1 FOR UPDATE', [caller.workspaceId]);
      const [after] = await queryRows<{ id: string; name: string; timezone: string }>(
        m,
        'UPDATE workspaces SET name = COALESCE($2, name), timezone = COALESCE($3, timezone), updated_at = now() WHERE id = $1 RETURNING id, name, timezone',
        [caller.workspaceId, patch.name ?? null, patch.timezone ?? null],
      );
      await this.audit.record(m, caller, {
        action: 'workspace.changed',
        targetType: 'workspace',
        targetId: caller.workspaceId,
        targetLabel: after.name,
        before: { name: before.name, timezone: before.timezone },
        after: { name: after.name, timezone: after.timezone },
      });
      return after;
    });
  }
}
