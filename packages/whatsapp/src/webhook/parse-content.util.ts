import { z } from 'zod';
import type { MediaKind, MediaRef, MessageContent, MessageType } from './events.types';
import { isRecord, nonEmpty, pick } from './webhook-common.util';

/**
 * Normalizes the type-specific part of a message item. Shared by live inbound messages,
 * echoes, history items and history media follow-ups, which all use the same shapes.
 */

const KNOWN_TYPES: ReadonlySet<string> = new Set<MessageType>([
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'button',
  'reaction',
  'order',
  'system',
  'request_welcome',
  'unsupported',
  'unknown',
  'edit',
  'revoke',
  'media_placeholder',
]);
const MEDIA_KINDS: ReadonlySet<string> = new Set<MediaKind>(['image', 'video', 'audio', 'document', 'sticker']);

const optStr = z.string().optional();
const textSchema = z.looseObject({ body: z.string() });
const mediaSchema = z.looseObject({
  id: optStr,
  url: optStr,
  mime_type: optStr,
  sha256: optStr,
  caption: optStr,
  filename: optStr,
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});
const locationSchema = z.looseObject({
  latitude: z.coerce.number(),
  longitude: z.coerce.number(),
  name: optStr,
  address: optStr,
  url: optStr,
});
const reply = z.looseObject({ id: z.string(), title: optStr, description: optStr });
const interactiveSchema = z.looseObject({
  type: z.string(),
  button_reply: reply.optional(),
  list_reply: reply.optional(),
  nfm_reply: z.looseObject({ response_json: optStr, body: optStr, name: optStr }).optional(),
});
const buttonSchema = z.looseObject({ payload: optStr, text: optStr });
const reactionSchema = z.looseObject({ message_id: z.string(), emoji: optStr });
const systemSchema = z.looseObject({ body: optStr, type: optStr, wa_id: optStr, user_id: optStr });
const orderSchema = z.looseObject({ text: optStr });
const editSchema = z.looseObject({ original_message_id: z.string(), message: z.unknown().optional() });

export function parseContent(item: Record<string, unknown>): MessageContent {
  const rawType = typeof item.type === 'string' ? item.type : 'unknown';
  const type: MessageType = KNOWN_TYPES.has(rawType) ? (rawType as MessageType) : 'unknown';
  const content: MessageContent = { type, rawType };
  const body = item[rawType];
  if (MEDIA_KINDS.has(rawType)) return withMedia(content, rawType as MediaKind, body);
  switch (type) {
    case 'text':
      return { ...content, text: pick(textSchema, body)?.body };
    case 'location': {
      const location = pick(locationSchema, body);
      return location ? { ...content, location: stripUndefined(location), text: location.name } : content;
    }
    case 'interactive':
      return withInteractive(content, body);
    case 'button': {
      const button = pick(buttonSchema, body);
      return { ...content, buttonPayload: button?.payload, text: button?.text };
    }
    case 'reaction': {
      const reaction = pick(reactionSchema, body);
      return reaction ? { ...content, reaction: { messageId: reaction.message_id, emoji: nonEmpty(reaction.emoji) } } : content;
    }
    case 'order':
      return { ...content, text: nonEmpty(pick(orderSchema, body)?.text) };
    case 'system':
      return withSystem(content, body);
    case 'edit':
    case 'revoke':
      return withEdit(content, body);
    default:
      return content;
  }
}

function withMedia(content: MessageContent, kind: MediaKind, body: unknown): MessageContent {
  const m = pick(mediaSchema, body);
  if (!m) return content;
  const media: MediaRef = stripUndefined({
    kind,
    id: m.id,
    url: m.url,
    mimeType: m.mime_type,
    sha256: m.sha256,
    caption: m.caption,
    filename: m.filename,
    voice: m.voice,
    animated: m.animated,
  });
  return { ...content, media, text: nonEmpty(m.caption) };
}

function withInteractive(content: MessageContent, body: unknown): MessageContent {
  const i = pick(interactiveSchema, body);
  if (!i) return content;
  const out: MessageContent = { ...content, interactiveType: i.type };
  if (i.type === 'button_reply' && i.button_reply) return { ...out, buttonId: i.button_reply.id, text: i.button_reply.title };
  if (i.type === 'list_reply' && i.list_reply) return { ...out, listRowId: i.list_reply.id, text: i.list_reply.title };
  if (i.type === 'nfm_reply' && i.nfm_reply) return { ...out, flowResponse: parseJson(i.nfm_reply.response_json), text: i.nfm_reply.body };
  return out;
}

function withSystem(content: MessageContent, body: unknown): MessageContent {
  const s = pick(systemSchema, body);
  if (!s) return content;
  const system = stripUndefined({ type: s.type, body: s.body, newWaId: nonEmpty(s.wa_id), newUserId: nonEmpty(s.user_id) });
  return { ...content, system, text: s.body };
}

function withEdit(content: MessageContent, body: unknown): MessageContent {
  const e = pick(editSchema, body);
  if (!e) return content;
  const out: MessageContent = { ...content, originalWamid: e.original_message_id };
  if (content.type === 'edit' && isRecord(e.message)) {
    const edited = parseContent(e.message);
    return { ...out, edited, text: edited.text };
  }
  return out;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
