import type { ContactRef, HistoryMediaEvent, MessageEchoEvent, NormalizedEvent } from './events.types';
import { parseContent } from './parse-content.util';
import { parseContext } from './parse-messages.util';
import { asArray, type ChangeContext, eventBase, parseContacts, pick, resolveContact, toMs, unknownEvent } from './webhook-common.util';
import { type ContactItem, type EchoItem, echoItemSchema, type InboundItem, inboundItemSchema } from './webhook-payload.schema';

/** `smb_message_echoes`: messages the business sent from the phone app. The customer is `to`. */
export function parseEchoesValue(ctx: ChangeContext, value: Record<string, unknown>): NormalizedEvent[] {
  const contacts = parseContacts(value.contacts);
  return asArray(value.message_echoes).map((raw) => parseEcho(ctx, contacts, raw));
}

function parseEcho(ctx: ChangeContext, contacts: ContactItem[], raw: unknown): NormalizedEvent {
  const item = pick(echoItemSchema, raw);
  if (!item) return unknownEvent(ctx, 'unknown_item', raw);
  const event: MessageEchoEvent = {
    ...eventBase(ctx, item.id, toMs(item.timestamp, ctx.receivedAt)),
    kind: 'message.echo',
    ...parseContent(item),
    wamid: item.id,
    contact: resolveContact(contacts, item.to, item.to_user_id),
    from: item.from,
    raw,
  };
  const context = parseContext(item.context);
  if (context) event.context = context;
  return event;
}

/**
 * Media follow-ups of the history sync: `value.messages` (customer-sent) and
 * `value.message_echoes` (business-sent) under the `history` field, each with the wamid
 * of an earlier `media_placeholder`.
 */
export function parseHistoryMedia(ctx: ChangeContext, value: Record<string, unknown>): NormalizedEvent[] {
  const contacts = parseContacts(value.contacts);
  const inbound = asArray(value.messages).map((raw) => historyMedia(ctx, contacts, raw, 'inbound'));
  const outbound = asArray(value.message_echoes).map((raw) => historyMedia(ctx, contacts, raw, 'outbound'));
  return [...inbound, ...outbound];
}

function historyMedia(ctx: ChangeContext, contacts: ContactItem[], raw: unknown, direction: 'inbound' | 'outbound'): NormalizedEvent {
  if (direction === 'inbound') {
    const item = pick(inboundItemSchema, raw);
    if (!item) return unknownEvent(ctx, 'unknown_item', raw);
    return historyMediaEvent(ctx, item, direction, resolveContact(contacts, item.from, item.from_user_id), raw);
  }
  const item = pick(echoItemSchema, raw);
  if (!item) return unknownEvent(ctx, 'unknown_item', raw);
  return historyMediaEvent(ctx, item, direction, resolveContact(contacts, item.to, item.to_user_id), raw);
}

function historyMediaEvent(
  ctx: ChangeContext,
  item: InboundItem | EchoItem,
  direction: 'inbound' | 'outbound',
  contact: ContactRef,
  raw: unknown,
): HistoryMediaEvent {
  return {
    ...eventBase(ctx, `history-media:${item.id}`, toMs(item.timestamp, ctx.receivedAt)),
    kind: 'history.media',
    ...parseContent(item),
    wamid: item.id,
    direction,
    contact,
    raw,
  };
}
