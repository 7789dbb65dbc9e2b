import type { AccountUpdatedEvent, NormalizedEvent, TemplateStatusEvent } from './events.types';
import { type ChangeContext, entryTimeMs, eventBase, pick, stableHash, unknownEvent } from './webhook-common.util';
import { accountUpdateSchema, templateStatusSchema } from './webhook-payload.schema';

/**
 * Account-level fields carry no metadata: they are routed by `entry.id` (WABA). Their
 * idempotency key is `(entry.id, field, event, entry.time)` (reference §1.3).
 */
export function accountKey(ctx: ChangeContext, event: string, value: unknown, extra = ''): string {
  const time = ctx.entryTime ?? `h${stableHash(value)}`;
  return `${ctx.wabaId}:${ctx.field}:${extra}${event}:${time}`;
}

export function parseAccountUpdate(ctx: ChangeContext, value: unknown): NormalizedEvent[] {
  const v = pick(accountUpdateSchema, value);
  if (!v) return [unknownEvent(ctx, 'invalid_change', value)];
  const event: AccountUpdatedEvent = {
    ...eventBase(ctx, accountKey(ctx, v.event, value), entryTimeMs(ctx)),
    kind: 'account.updated',
    event: v.event,
    raw: value,
  };
  if (v.disconnection_info) {
    event.disconnectionInfo = { reason: v.disconnection_info.reason, initiatedBy: v.disconnection_info.initiated_by };
  }
  if (v.waba_info) {
    event.wabaInfo = {
      wabaId: v.waba_info.waba_id,
      ownerBusinessId: v.waba_info.owner_business_id,
      partnerAppId: v.waba_info.partner_app_id,
    };
  }
  if (v.phone_number) event.phoneNumber = v.phone_number;
  return [event];
}

export function parseTemplateStatus(ctx: ChangeContext, value: unknown): NormalizedEvent[] {
  const v = pick(templateStatusSchema, value);
  if (!v) return [unknownEvent(ctx, 'invalid_change', value)];
  const event: TemplateStatusEvent = {
    ...eventBase(ctx, accountKey(ctx, v.event, value, `${v.message_template_id}:`), entryTimeMs(ctx)),
    kind: 'template.status',
    event: v.event,
    templateId: v.message_template_id,
    name: v.message_template_name,
    language: v.message_template_language,
    raw: value,
  };
  if (v.message_template_category) event.category = v.message_template_category;
  if (v.reason) event.reason = v.reason;
  if (v.other_info) event.otherInfo = { title: v.other_info.title, description: v.other_info.description };
  return [event];
}
