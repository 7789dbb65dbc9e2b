import { z } from 'zod';
import { templateSchema } from './template-message.types';

/**
 * Outbound message shapes Tandem sends through `POST /{phone-number-id}/messages`.
 * Field names follow Meta's request body (snake_case) so a validated message is posted
 * as-is; `messaging_product`, `recipient_type` and `to` are added by the client.
 * Limits are Meta's (reference §6.1, §12): breaking one here gives a clear zod error
 * instead of an opaque Graph error 100/131009 later.
 */

const common = {
  /** Reply to a message (not allowed on reactions). */
  context: z.strictObject({ message_id: z.string().min(1).max(128) }).optional(),
  /** Echoed back on every status webhook; carry the run/step id here. */
  biz_opaque_callback_data: z.string().max(512).optional(),
};

const mediaSource = { id: z.string().min(1).optional(), link: z.url().optional() };
const oneSource = (m: { id?: string; link?: string }) => (m.id === undefined) !== (m.link === undefined);
const oneSourceError = { message: 'give exactly one of `id` (uploaded media) or `link` (https URL)' };

const caption = z.string().max(1024).optional();
const bareMedia = z.strictObject(mediaSource).refine(oneSource, oneSourceError);
const captionedMedia = z.strictObject({ ...mediaSource, caption }).refine(oneSource, oneSourceError);
const documentMedia = z
  .strictObject({ ...mediaSource, caption, filename: z.string().min(1).max(240).optional() })
  .refine(oneSource, oneSourceError);

export const textMessageSchema = z.strictObject({
  type: z.literal('text'),
  text: z.strictObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
  ...common,
});

export const imageMessageSchema = z.strictObject({
  type: z.literal('image'),
  image: captionedMedia,
  ...common,
});

export const videoMessageSchema = z.strictObject({
  type: z.literal('video'),
  video: captionedMedia,
  ...common,
});

export const audioMessageSchema = z.strictObject({
  type: z.literal('audio'),
  audio: bareMedia,
  ...common,
});

export const documentMessageSchema = z.strictObject({
  type: z.literal('document'),
  document: documentMedia,
  ...common,
});

export const stickerMessageSchema = z.strictObject({
  type: z.literal('sticker'),
  sticker: bareMedia,
  ...common,
});

export const templateMessageSchema = z.strictObject({
  type: z.literal('template'),
  template: templateSchema,
  ...common,
});

export const reactionMessageSchema = z.strictObject({
  type: z.literal('reaction'),
  /** Empty `emoji` removes an earlier reaction. */
  reaction: z.strictObject({ message_id: z.string().min(1).max(128), emoji: z.string().max(16) }),
  biz_opaque_callback_data: common.biz_opaque_callback_data,
});

const interactiveHeader = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(60) }),
  z.strictObject({ type: z.literal('image'), image: bareMedia }),
  z.strictObject({ type: z.literal('video'), video: bareMedia }),
  z.strictObject({ type: z.literal('document'), document: documentMedia }),
]);
const interactiveBody = z.strictObject({ text: z.string().min(1).max(1024) });
const interactiveFooter = z.strictObject({ text: z.string().min(1).max(60) });

const replyButton = z.strictObject({
  type: z.literal('reply'),
  reply: z.strictObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
});

export const interactiveButtonsSchema = z.strictObject({
  type: z.literal('button'),
  header: interactiveHeader.optional(),
  body: interactiveBody,
  footer: interactiveFooter.optional(),
  action: z.strictObject({
    buttons: z
      .array(replyButton)
      .min(1)
      .max(3)
      .refine((b) => new Set(b.map((x) => x.reply.title)).size === b.length, 'button titles must be unique')
      .refine((b) => new Set(b.map((x) => x.reply.id)).size === b.length, 'button ids must be unique'),
  }),
});

const listRow = z.strictObject({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});
const listSection = z.strictObject({ title: z.string().min(1).max(24).optional(), rows: z.array(listRow).min(1) });

export const interactiveListSchema = z.strictObject({
  type: z.literal('list'),
  header: z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(60) }).optional(),
  body: interactiveBody,
  footer: interactiveFooter.optional(),
  action: z
    .strictObject({ button: z.string().min(1).max(20), sections: z.array(listSection).min(1).max(10) })
    .refine((a) => a.sections.reduce((n, s) => n + s.rows.length, 0) <= 10, 'a list holds at most 10 rows in total')
    .refine((a) => a.sections.length === 1 || a.sections.every((s) => s.title), 'every section needs a title when there are several')
    .refine((a) => {
      const ids = a.sections.flatMap((s) => s.rows.map((r) => r.id));
      return new Set(ids).size === ids.length;
    }, 'row ids must be unique'),
});

export const interactiveMessageSchema = z.strictObject({
  type: z.literal('interactive'),
  interactive: z.discriminatedUnion('type', [interactiveButtonsSchema, interactiveListSchema]),
  ...common,
});

/** Schema of every message Tandem can send. Use `outboundMessageSchema.safeParse` at boundaries. */
export const outboundMessageSchema = z.discriminatedUnion('type', [
  textMessageSchema,
  imageMessageSchema,
  videoMessageSchema,
  audioMessageSchema,
  documentMessageSchema,
  stickerMessageSchema,
  templateMessageSchema,
  interactiveMessageSchema,
  reactionMessageSchema,
]);

export type TextMessage = z.infer<typeof textMessageSchema>;
export type ImageMessage = z.infer<typeof imageMessageSchema>;
export type VideoMessage = z.infer<typeof videoMessageSchema>;
export type AudioMessage = z.infer<typeof audioMessageSchema>;
export type DocumentMessage = z.infer<typeof documentMessageSchema>;
export type StickerMessage = z.infer<typeof stickerMessageSchema>;
export type MediaMessage = ImageMessage | VideoMessage | AudioMessage | DocumentMessage | StickerMessage;
export type TemplateMessage = z.infer<typeof templateMessageSchema>;
export type InteractiveMessage = z.infer<typeof interactiveMessageSchema>;
export type InteractiveButtons = z.infer<typeof interactiveButtonsSchema>;
export type InteractiveList = z.infer<typeof interactiveListSchema>;
export type ReactionMessage = z.infer<typeof reactionMessageSchema>;
/** Any message Tandem sends. Discriminated on `type`. */
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
export type OutboundMessageType = OutboundMessage['type'];
