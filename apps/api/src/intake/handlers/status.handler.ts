import { type NewEngineEvent, recomputeMessageStatuses } from '@tandem/db';
import type { MessageStatusEvent } from '@tandem/whatsapp';
import { lockContact } from '../contact-store.util';
import { statusIsListenedTo } from './status-interest.util';
import { queryRows } from '../sql.util';
import { type HandlerContext, type HandlerResult, NOTHING } from './handler.types';

/**
 * A delivery status: recorded once per (wamid, status), then folded into the message (the
 * fold is order-independent: forward-only, `failed` terminal). A status for a wamid we do
 * not know is kept and applied when the message appears; it never fails the delivery. It
 * becomes a `message.status` engine event only when something acts on it (see `statusIsListenedTo`).
 */
export async function handleMessageStatus(ctx: HandlerContext, event: MessageStatusEvent): Promise<HandlerResult> {
  const { m, number } = ctx;
  const at = new Date(event.timestamp);
  const error = event.errors?.[0];
  const detail = {
    errors: event.errors,
    pricing: event.pricing,
    conversation: event.conversation,
    bizOpaqueCallbackData: event.bizOpaqueCallbackData,
    recipient: event.recipient,
  };
  const inserted = await queryRows<{ id: string }>(
    m,
    `INSERT INTO message_status_events (workspace_id, number_id, wamid, status, occurred_at, error_code, error_title,
       pricing_category, pricing_type, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (number_id, wamid, status) DO NOTHING RETURNING id`,
    [
      ctx.workspaceId, number.id, event.wamid, event.status, at, error?.code ?? null, error?.title ?? null,
      event.pricing?.category ?? null, event.pricing?.type ?? null, detail,
    ],
  );
  if (inserted.length === 0) return NOTHING;
  // Lock the contact before touching the message: the same order as inbound handling and merges.
  const contactId = await lockStatusContact(ctx, event);
  const [folded] = await recomputeMessageStatuses(m, number.id, [event.wamid]);
  if (!(await statusIsListenedTo(m, ctx.workspaceId, folded?.id ?? null, event.bizOpaqueCallbackData))) return NOTHING;
  const engineEvent: NewEngineEvent = {
    kind: 'message.status',
    contactKey: contactId ?? `number:${number.id}`,
    numberId: number.id,
    payload: {
      numberId: number.id,
      wamid: event.wamid,
      status: event.status,
      messageId: folded?.id ?? null,
      contactId,
      messageStatus: folded?.status ?? null,
      occurredAt: at.toISOString(),
      errors: event.errors?.map(({ code, title, details }) => ({ code, title, details })),
      pricing: event.pricing
        ? { category: event.pricing.category, type: event.pricing.type, billable: event.pricing.billable }
        : undefined,
      bizOpaqueCallbackData: event.bizOpaqueCallbackData,
    },
  };
  return { engineEvents: [engineEvent] };
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
  const known = await lockContact(ctx.m, { workspaceId: ctx.workspaceId, numberId: ctx.number.id }, event.recipient, false);
  return known?.contact.id ?? null;
}
