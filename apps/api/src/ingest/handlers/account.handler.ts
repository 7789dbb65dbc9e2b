import type { BusinessNumber, ConnectionState, DeliveryNote, NewEngineEvent } from '@tandem/db';
import type { AccountUpdatedEvent, TemplateStatusEvent } from '@tandem/whatsapp';
import { alertNumberConnection } from '../../alerts/number-alerts.util';
import { alertTemplateStatus } from '../../alerts/template-alerts.util';
import { queryRows } from '../../common/sql.util';
import type { HandlerResult, WabaHandlerContext } from './handler.types';

/** Meta lifecycle events that change a number's connection; the rest are only noted. */
const TRANSITIONS: Readonly<Record<string, ConnectionState>> = {
  PARTNER_REMOVED: 'disconnected',
  ACCOUNT_OFFBOARDED: 'offboarded',
  ACCOUNT_RECONNECTED: 'connected',
  PARTNER_ADDED: 'connected',
  PARTNER_APP_INSTALLED: 'connected',
};

/**
 * `account_update` for every number of the WABA. Duplicates are normal and order is not
 * guaranteed, so an event older than the number's last applied one (`entry.time`) is stale.
 */
export async function handleAccountUpdated(ctx: WabaHandlerContext, event: AccountUpdatedEvent): Promise<HandlerResult> {
  const state = TRANSITIONS[event.event];
  if (!state)
    return { engineEvents: [], notes: [{ kind: event.kind, reason: `account event ${event.event}: no state change`, wabaId: ctx.wabaId }] };
  const at = new Date(event.timestamp);
  const engineEvents: NewEngineEvent[] = [];
  const notes: DeliveryNote[] = [];
  for (const number of await lockNumbers(ctx, event)) {
    if (number.connectionChangedAt && at < number.connectionChangedAt) {
      notes.push({
        kind: event.kind,
        reason: `stale ${event.event} (older than the last applied account event)`,
        phoneNumberId: number.phoneNumberId,
      });
      continue;
    }
    const reason = state === 'connected' ? null : (event.disconnectionInfo?.reason ?? event.event);
    const initiatedBy = state === 'connected' ? null : (event.disconnectionInfo?.initiatedBy ?? null);
    await ctx.m.query(
      `UPDATE business_numbers SET connection_state = $2, connection_reason = $3, connection_initiated_by = $4,
         connection_changed_at = $5, updated_at = now() WHERE id = $1`,
      [number.id, state, reason, initiatedBy, at],
    );
    if (number.connectionState === state) continue;
    await alertNumberConnection(ctx.m, { workspaceId: ctx.workspaceId, number, state, event: event.event, reason, initiatedBy });
    const base = { numberId: number.id, event: event.event, occurredAt: at.toISOString() };
    engineEvents.push(
      state === 'connected'
        ? { kind: 'number.reconnected', contactKey: `number:${number.id}`, numberId: number.id, payload: base }
        : {
            kind: 'number.disconnected',
            contactKey: `number:${number.id}`,
            numberId: number.id,
            payload: { ...base, state, reason, initiatedBy },
          },
    );
  }
  return { engineEvents, notes };
}

/** Only the numbers the event names (`phone_number`, when present), else the whole WABA. */
async function lockNumbers(ctx: WabaHandlerContext, event: AccountUpdatedEvent): Promise<BusinessNumber[]> {
  const ids = ctx.numbers.map((n) => n.id);
  const locked = await queryRows<{ id: string; connection_state: ConnectionState; connection_changed_at: Date | null }>(
    ctx.m,
    'SELECT id, connection_state, connection_changed_at FROM business_numbers WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  const fresh = ctx.numbers.map((n) => {
    const row = locked.find((r) => r.id === n.id);
    return row ? { ...n, connectionState: row.connection_state, connectionChangedAt: row.connection_changed_at } : n;
  });
  const digits = event.phoneNumber?.replace(/\D/g, '');
  const named = digits ? fresh.filter((n) => n.displayPhoneNumber.replace(/\D/g, '') === digits) : [];
  return named.length > 0 ? named : fresh;
}

/** `message_template_status_update`: upsert the template's status unless a newer one is stored. */
export async function handleTemplateStatus(ctx: WabaHandlerContext, event: TemplateStatusEvent): Promise<HandlerResult> {
  const at = new Date(event.timestamp);
  // REINSTATED is an event meaning "approved again"; the others name the new status.
  const status = event.event === 'REINSTATED' ? 'APPROVED' : event.event;
  const reason = event.reason && event.reason !== 'NONE' ? event.reason : null;
  const applied = await queryRows<{ id: string }>(
    ctx.m,
    `INSERT INTO templates (workspace_id, waba_id, template_id, name, language, category, status, status_reason,
       status_info, status_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (waba_id, name, language) DO UPDATE SET
       template_id = coalesce(EXCLUDED.template_id, templates.template_id),
       category = coalesce(EXCLUDED.category, templates.category),
       status = EXCLUDED.status, status_reason = EXCLUDED.status_reason, status_info = EXCLUDED.status_info,
       status_changed_at = EXCLUDED.status_changed_at, updated_at = now()
     WHERE templates.status_changed_at IS NULL OR templates.status_changed_at <= EXCLUDED.status_changed_at
     RETURNING id`,
    [
      ctx.workspaceId,
      ctx.wabaId,
      event.templateId,
      event.name,
      event.language,
      event.category ?? null,
      status,
      reason,
      { event: event.event, otherInfo: event.otherInfo ?? null },
      at,
    ],
  );
  if (applied.length === 0) {
    return { engineEvents: [], notes: [{ kind: event.kind, reason: `stale template event ${event.event}`, wabaId: ctx.wabaId }] };
  }
  await alertTemplateStatus(ctx.m, {
    workspaceId: ctx.workspaceId,
    wabaId: ctx.wabaId,
    name: event.name,
    language: event.language,
    status,
    reason,
    detail: event.otherInfo?.description ?? null,
  });
  const engineEvent: NewEngineEvent = {
    kind: 'template.status',
    contactKey: `waba:${ctx.wabaId}`,
    numberId: null,
    payload: {
      wabaId: ctx.wabaId,
      templateId: event.templateId,
      name: event.name,
      language: event.language,
      category: event.category ?? null,
      status,
      reason,
      occurredAt: at.toISOString(),
    },
  };
  return { engineEvents: [engineEvent] };
}
