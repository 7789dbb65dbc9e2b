import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../auth/audit.service';
import type { Caller } from '../../auth/caller.types';
import { queryRows } from '../../common/sql.util';
import type { ConversationSettingsDto } from '@tandem/api-contract';

interface SettingsRow {
  name: string;
  bot_returns_after_hours: number | null;
  bot_returns_on_window_close: boolean;
}

/** The workspace's return-to-bot setting (admins change it; audited as `workspace.changed`). */
@Injectable()
export class ConversationSettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(workspaceId: string): Promise<ConversationSettingsDto> {
    const [row] = await queryRows<SettingsRow>(
      this.ds.manager,
      'SELECT name, bot_returns_after_hours, bot_returns_on_window_close FROM workspaces WHERE id = $1',
      [workspaceId],
    );
    return toDto(row);
  }

  async update(caller: Caller, patch: Partial<ConversationSettingsDto>): Promise<ConversationSettingsDto> {
    return this.ds.transaction(async (m) => {
      const [before] = await queryRows<SettingsRow>(
        m,
        'SELECT name, bot_returns_after_hours, bot_returns_on_window_close FROM workspaces WHERE id = $1 FOR UPDATE',
        [caller.workspaceId],
      );
      const next = { ...toDto(before), ...patch };
      await m.query(
        'UPDATE workspaces SET bot_returns_after_hours = $2, bot_returns_on_window_close = $3, updated_at = now() WHERE id = $1',
        [caller.workspaceId, next.botReturnsAfterHours, next.botReturnsOnWindowClose],
      );
      await this.audit.record(m, caller, {
        action: 'workspace.changed',
        targetType: 'workspace',
        targetId: caller.workspaceId,
        targetLabel: before.name,
        before: { conversations: toDto(before) },
        after: { conversations: next },
      });
      return next;
    });
  }
}

function toDto(row: SettingsRow): ConversationSettingsDto {
  return { botReturnsAfterHours: row.bot_returns_after_hours, botReturnsOnWindowClose: row.bot_returns_on_window_close };
}
