import { Injectable, NotFoundException } from '@nestjs/common';
import type { OptEventDto, OptHistoryDto, OptInRequest, OptOutRequest, OptOutSettingsDto } from '@tandem/api-contract';
import { recordOptEvent } from '@tandem/db';
import { resolveOptOutSettings } from '@tandem/whatsapp';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { queryRows, toIso } from '../common/sql.util';

interface OptState {
  opted_out: boolean;
  marketing_opted_out: boolean;
  marketing_held_until: Date | null;
}

/** What an undo clears, per scope, and whether it changes anything now. */
const UNDO: Record<OptInRequest['scope'], { set: string; active: (s: OptState, now: Date) => boolean }> = {
  all: { set: 'opted_out = false', active: (s) => s.opted_out },
  marketing: { set: 'marketing_opted_out = false', active: (s) => s.marketing_opted_out },
  hold: { set: 'marketing_held_until = NULL', active: (s, now) => s.marketing_held_until !== null && s.marketing_held_until > now },
};

/**
 * Opt-outs seen and changed by people: a contact's history, an admin's undo, an opt-out on
 * request, and the workspace's keywords and confirmations. Every change is audited and
 * written to the contact's history in one transaction; another workspace's contact is a 404.
 */
@Injectable()
export class OptOutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async history(caller: Caller, contactId: string): Promise<OptHistoryDto> {
    const state = await this.state(this.dataSource.manager, caller, contactId);
    const rows = await queryRows<{ id: string; kind: string; scope: string; source: string; detail: Record<string, unknown> } & Actor>(
      this.dataSource.manager,
      `SELECT e.id, e.kind, e.scope, e.source, e.detail, e.at, u.id AS actor_id, u.name AS actor_name
       FROM contact_opt_events e LEFT JOIN users u ON u.id = e.actor_user_id
       WHERE e.contact_id = $1 AND e.workspace_id = $2 ORDER BY e.at DESC, e.id DESC LIMIT 500`,
      [contactId, caller.workspaceId],
    );
    return {
      optedOut: state.opted_out,
      marketingOptedOut: state.marketing_opted_out,
      marketingHeldUntil: toIso(state.marketing_held_until),
      items: rows.map((r): OptEventDto => ({
        id: r.id,
        kind: r.kind as OptEventDto['kind'],
        scope: r.scope as OptEventDto['scope'],
        source: r.source as OptEventDto['source'],
        detail: r.detail,
        actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
        at: r.at.toISOString(),
      })),
    };
  }

  /** An admin undoes an opt-out or ends Meta's hold; a no-op (nothing to undo) changes and records nothing. */
  async optIn(caller: Caller, contactId: string, input: OptInRequest): Promise<OptHistoryDto> {
    await this.dataSource.transaction(async (m) => {
      const state = await this.state(m, caller, contactId, true);
      const undo = UNDO[input.scope];
      if (!undo.active(state, new Date())) return;
      await m.query(`UPDATE contacts SET ${undo.set}, updated_at = now() WHERE id = $1`, [contactId]);
      const before = {
        optedOut: state.opted_out,
        marketingOptedOut: state.marketing_opted_out,
        marketingHeldUntil: toIso(state.marketing_held_until),
      };
      await recordOptEvent(m, {
        workspaceId: caller.workspaceId,
        contactId,
        kind: 'undo',
        scope: input.scope === 'all' ? 'all' : 'marketing',
        source: caller.kind === 'token' ? 'api' : 'admin',
        detail: { undid: input.scope, reason: input.reason },
        actorUserId: caller.userId,
      });
      await this.audit.record(m, caller, {
        action: 'contact.opt_in',
        targetType: 'contact',
        targetId: contactId,
        before,
        after: { scope: input.scope, reason: input.reason },
      });
    });
    return this.history(caller, contactId);
  }

  /** Opts a contact out on their request (outside WhatsApp); already opted out changes nothing. */
  async optOut(caller: Caller, contactId: string, input: OptOutRequest): Promise<OptHistoryDto> {
    await this.dataSource.transaction(async (m) => {
      const state = await this.state(m, caller, contactId, true);
      const column = input.scope === 'all' ? 'opted_out' : 'marketing_opted_out';
      if (state[column]) return;
      await m.query(`UPDATE contacts SET ${column} = true, updated_at = now() WHERE id = $1`, [contactId]);
      await recordOptEvent(m, {
        workspaceId: caller.workspaceId,
        contactId,
        kind: 'opt_out',
        scope: input.scope,
        source: caller.kind === 'token' ? 'api' : 'admin',
        detail: { reason: input.reason },
        actorUserId: caller.userId,
      });
      await this.audit.record(m, caller, {
        action: 'contact.opt_out',
        targetType: 'contact',
        targetId: contactId,
        after: { scope: input.scope, reason: input.reason },
      });
    });
    return this.history(caller, contactId);
  }

  async settings(caller: Caller): Promise<OptOutSettingsDto> {
    const [row] = await queryRows<{ opt_out_settings: unknown }>(
      this.dataSource.manager,
      'SELECT opt_out_settings FROM workspaces WHERE id = $1',
      [caller.workspaceId],
    );
    const s = resolveOptOutSettings(row?.opt_out_settings);
    return { ...s, optOutKeywords: [...s.optOutKeywords], optInKeywords: [...s.optInKeywords] };
  }

  async updateSettings(caller: Caller, input: OptOutSettingsDto): Promise<OptOutSettingsDto> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.settings(caller);
      await m.query('UPDATE workspaces SET opt_out_settings = $2, updated_at = now() WHERE id = $1', [caller.workspaceId, input]);
      await this.audit.record(m, caller, {
        action: 'workspace.opt_out_settings_changed',
        targetType: 'workspace',
        targetId: caller.workspaceId,
        before,
        after: input,
      });
    });
    return this.settings(caller);
  }

  private async state(m: EntityManager, caller: Caller, contactId: string, lock = false): Promise<OptState> {
    const [row] = await queryRows<OptState>(
      m,
      `SELECT opted_out, marketing_opted_out, marketing_held_until FROM contacts
       WHERE id = $1 AND workspace_id = $2 AND erased_at IS NULL ${lock ? 'FOR UPDATE' : ''}`,
      [contactId, caller.workspaceId],
    );
    if (!row) throw new NotFoundException(`No contact ${contactId}`);
    return row;
  }
}

interface Actor {
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
}
