import { type NewEngineEvent, type RecomputedStatus, recomputeMessageStatuses, statusesListenedTo } from '@tandem/db';
import type { EntityManager } from 'typeorm';
import type { MessageStatusEvent } from '@tandem/whatsapp';
import { lockContact } from '../../conversations/contact-store.util';
import { queryRows } from '../../common/sql.util';
import { type HandlerContext, type HandlerResult, NOTHING } from './handler.types';

/**
 * A delivery status: recorded once per (wamid, status), then folded into the message (the
 * fold is order-independent: forward-only, `failed` terminal). A status for a wamid we do
 * not know is kept and applied when the message appears; it never fails the delivery. It
 * becomes a `message.status` engine event only when something acts on it (see `statusesListenedTo` in @tandem/db).
 */
export async function handleMessageStatus(ctx: HandlerContext, event: MessageStatusEvent): Promise<HandlerResult> {
  const { m, number } = ctx;
  const c = statusColumns(event);
  const inserted = await queryRows<{ id: string }>(
    m,
    `INSERT INTO message_status_events (workspace_id, number_id, wamid, status, occurred_at, error_code, error_title,
       pricing_category, pricing_type, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (number_id, wamid, status) DO NOTHING RETURNING id`,
    [
      ctx.workspaceId,
      number.id,
      event.wamid,
      event.status,
      c.occurredAt,
      c.errorCode,
      c.errorTitle,
      c.pricingCategory,
      c.pricingType,
      c.detail,
    ],
  );
  if (inserted.length === 0) return NOTHING;
  // Lock the contact before touching the message: the same order as inbound handling and merges.
  const contactId = await lockStatusContact(ctx, event);
  const [folded] = await recomputeMessageStatuses(m, number.id, [event.wamid]);
  const [listened] = await statusesListenedTo(m, ctx.workspaceId, [
    { messageId: folded?.id ?? null, callback: event.bizOpaqueCallbackData },
  ]);
  if (!listened) return NOTHING;
  const engineEvent = statusEngineEvent(number.id, event, contactId, folded);
  return { engineEvents: [engineEvent] };
}

/** The `message.status` engine event of a status; `folded` is its message after the fold. */
export function statusEngineEvent(
  numberId: string,
  event: MessageStatusEvent,
  contactId: string | null,
  folded: Pick<RecomputedStatus, 'id' | 'status'> | undefined,
): NewEngineEvent {
  return {
    kind: 'message.status',
    contactKey: contactId ?? `number:${numberId}`,
    numberId,
    payload: {
      numberId,
      wamid: event.wamid,
      status: event.status,
      messageId: folded?.id ?? null,
      contactId,
      messageStatus: folded?.status ?? null,
      occurredAt: new Date(event.timestamp).toISOString(),
      errors: event.errors?.map(({ code, title, details }) => ({ code, title, details })),
      pricing: event.pricing ? { category: event.pricing.category, type: event.pricing.type, billable: event.pricing.billable } : undefined,
      bizOpaqueCallbackData: event.bizOpaqueCallbackData,
    },
  };
}

/** What a status row stores besides its key (the raw detail and the columns the fold reads). */
export function statusColumns(event: MessageStatusEvent) {
  const error = event.errors?.[0];
  return {
    occurredAt: new Date(event.timestamp),
    errorCode: error?.code ?? null,
    errorTitle: error?.title ?? null,
    pricingCategory: event.pricing?.category ?? null,
    pricingType: event.pricing?.type ?? null,
    detail: {
      errors: event.errors,
      pricing: event.pricing,
      conversation: event.conversation,
      bizOpaqueCallbackData: event.bizOpaqueCallbackData,
      recipient: event.recipient,
    },
  };
}

async function lockStatusContact(ctx: HandlerContext, event: MessageStatusEvent): Promise<string | null> {
  // The message's contact, locked in the same statement (a merge that moved the message away
  // re-checks the join after the lock wait, and then we fall back to the recipient).
  const [message] = await queryRows<{ contact_id: string }>(
    ctx.m,
    `SELECT c.id AS contact_id FROM messages msg JOIN contacts c ON c.id = msg.contact_id
     WHERE msg.number_id = $1 AND msg.wamid = $2 FOR UPDATE OF c`,
    [ctx.number.id, event.wamid],
  );
  if (message) return message.contact_id;
  return lockRecipient(ctx.m, { workspaceId: ctx.workspaceId, numberId: ctx.number.id }, event);
}

/** A status whose message is not stored (yet): its recipient's contact, locked, if known. */
export async function lockRecipient(
  m: EntityManager,
  scope: { workspaceId: string; numberId: string },
  event: MessageStatusEvent,
): Promise<string | null> {
  const known = await lockContact(m, scope, event.recipient, false);
  return known?.contact.id ?? null;
}
