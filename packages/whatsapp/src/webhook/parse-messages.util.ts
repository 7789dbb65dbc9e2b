import { z } from 'zod';
import type { MessageContext, MessageReceivedEvent, MessageStatusEvent, NormalizedEvent, Referral } from './events.types';
import { parseContent } from './parse-content.util';
import {
  type ChangeContext,
  entryTimeMs,
  eventBase,
  asArray,
  mapErrors,
  nonEmpty,
  parseContacts,
  pick,
  resolveContact,
  stableHash,
  toMs,
  unknownEvent,
} from './webhook-common.util';
import { type ContactItem, inboundItemSchema, statusItemSchema } from './webhook-payload.schema';

const optStr = z.string().optional();
const contextSchema = z.looseObject({
  id: optStr,
  from: optStr,
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
});
const referralSchema = z.looseObject({
  source_url: optStr,
  source_id: optStr,
  source_type: optStr,
  headline: optStr,
  body: optStr,
  media_type: optStr,
  image_url: optStr,
  video_url: optStr,
  thumbnail_url: optStr,
  ctwa_clid: optStr,
});

/** The `messages` field: inbound messages, statuses and value-level errors, in any combination. */
export function parseMessagesValue(ctx: ChangeContext, value: Record<string, unknown>): NormalizedEvent[] {
  const contacts = parseContacts(value.contacts);
  const events: NormalizedEvent[] = [];
  for (const item of asArray(value.messages)) events.push(parseInbound(ctx, contacts, item));
  for (const item of asArray(value.statuses)) events.push(parseStatus(ctx, contacts, item));
  const errors = mapErrors(value.errors);
  if (errors) {
    events.push({
      ...eventBase(ctx, `${ctx.wabaId}:messages.errors:${stableHash(value.errors)}`, entryTimeMs(ctx)),
      kind: 'account.errors',
      errors,
    });
  }
  return events;
}

function parseInbound(ctx: ChangeContext, contacts: ContactItem[], raw: unknown): NormalizedEvent {
  const item = pick(inboundItemSchema, raw);
  if (!item) return unknownEvent(ctx, 'unknown_item', raw);
  // Groups API traffic never changes a 1:1 conversation or the service window.
  if (item.group_id) return unknownEvent(ctx, 'group_message', raw);
  const event: MessageReceivedEvent = {
    ...eventBase(ctx, item.id, toMs(item.timestamp, ctx.receivedAt)),
    kind: 'message.received',
    ...parseContent(item),
    wamid: item.id,
    contact: resolveContact(contacts, item.from, item.from_user_id),
    raw,
  };
  const context = parseContext(item.context);
  if (context) event.context = context;
  const referral = parseReferral(item.referral);
  if (referral) event.referral = referral;
  const errors = mapErrors(item.errors);
  if (errors) event.errors = errors;
  return event;
}

function parseStatus(ctx: ChangeContext, contacts: ContactItem[], raw: unknown): NormalizedEvent {
  const s = pick(statusItemSchema, raw);
  if (!s) return unknownEvent(ctx, 'unknown_item', raw);
  const event: MessageStatusEvent = {
    ...eventBase(ctx, `${s.id}:${s.status}`, toMs(s.timestamp, ctx.receivedAt)),
    kind: 'message.status',
    wamid: s.id,
    status: s.status,
    recipient: resolveContact(contacts, s.recipient_id, s.recipient_user_id),
    raw,
  };
  const errors = mapErrors(s.errors);
  if (errors) event.errors = errors;
  if (s.pricing) {
    event.pricing = {
      billable: s.pricing.billable,
      pricingModel: s.pricing.pricing_model,
      type: s.pricing.type,
      category: s.pricing.category,
    };
  }
  if (s.conversation) {
    const expires = s.conversation.expiration_timestamp;
    event.conversation = {
      id: s.conversation.id,
      expiresAt: expires === undefined ? undefined : toMs(expires, 0),
      originType: s.conversation.origin?.type,
    };
  }
  if (s.biz_opaque_callback_data !== undefined) event.bizOpaqueCallbackData = s.biz_opaque_callback_data;
  return event;
}

export function parseContext(value: unknown): MessageContext | undefined {
  const c = pick(contextSchema, value);
  if (!c) return undefined;
  const context: MessageContext = {};
  if (c.id) context.wamid = c.id;
  if (c.from) context.from = c.from;
  if (c.forwarded) context.forwarded = true;
  if (c.frequently_forwarded) context.frequentlyForwarded = true;
  return Object.keys(context).length > 0 ? context : undefined;
}

function parseReferral(value: unknown): Referral | undefined {
  const r = pick(referralSchema, value);
  if (!r) return undefined;
  return {
    sourceUrl: nonEmpty(r.source_url),
    sourceId: nonEmpty(r.source_id),
    sourceType: nonEmpty(r.source_type),
    headline: nonEmpty(r.headline),
    body: nonEmpty(r.body),
    mediaType: nonEmpty(r.media_type),
    imageUrl: nonEmpty(r.image_url),
    videoUrl: nonEmpty(r.video_url),
    thumbnailUrl: nonEmpty(r.thumbnail_url),
    ctwaClid: nonEmpty(r.ctwa_clid),
  };
}
