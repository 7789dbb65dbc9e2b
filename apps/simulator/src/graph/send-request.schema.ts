import { z } from 'zod';

const mediaObject = z
  .object({
    id: z.string().min(1).optional(),
    link: z.url().optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().min(1).optional(),
  })
  .refine((m) => (m.id === undefined) !== (m.link === undefined), { message: 'exactly one of id or link is required' });

const header = z.object({ type: z.enum(['text', 'image', 'video', 'document']), text: z.string().max(60).optional() }).loose();
const body = z.object({ text: z.string().min(1).max(1024) });
const footer = z.object({ text: z.string().min(1).max(60) });

const buttonInteractive = z.object({
  type: z.literal('button'),
  header: header.optional(),
  body,
  footer: footer.optional(),
  action: z.object({
    buttons: z
      .array(z.object({ type: z.literal('reply'), reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }) }))
      .min(1)
      .max(3)
      .refine((b) => new Set(b.map((x) => x.reply.title)).size === b.length, { message: 'button titles must be unique' })
      .refine((b) => new Set(b.map((x) => x.reply.id)).size === b.length, { message: 'button ids must be unique' }),
  }),
});

const listInteractive = z.object({
  type: z.literal('list'),
  header: header.optional(),
  body,
  footer: footer.optional(),
  action: z.object({
    button: z.string().min(1).max(20),
    sections: z
      .array(
        z.object({
          title: z.string().max(24).optional(),
          rows: z
            .array(
              z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() }),
            )
            .min(1),
        }),
      )
      .min(1)
      .max(10)
      .refine((s) => s.reduce((n, section) => n + section.rows.length, 0) <= 10, { message: 'a list holds at most 10 rows in total' }),
  }),
});

const templateParameter = z
  .object({
    type: z.enum(['text', 'currency', 'date_time', 'image', 'video', 'document', 'location', 'payload', 'coupon_code', 'action']),
    parameter_name: z.string().min(1).optional(),
    text: z.string().optional(),
    payload: z.string().optional(),
  })
  .loose();

export const templateRequestSchema = z.object({
  name: z.string().min(1),
  language: z.object({ code: z.string().min(1), policy: z.string().optional() }),
  components: z
    .array(
      z.object({
        type: z.enum(['header', 'body', 'button', 'footer']),
        sub_type: z.enum(['quick_reply', 'url', 'copy_code', 'flow', 'catalog']).optional(),
        index: z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).optional(),
        parameters: z.array(templateParameter).default([]),
      }),
    )
    .optional(),
});

export type TemplateRequest = z.infer<typeof templateRequestSchema>;

const base = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().min(1),
  context: z.object({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};

/** Request body of `POST /{phone-number-id}/messages`, one schema per `type`. */
export const SEND_SCHEMAS = {
  text: z.object({
    ...base,
    type: z.literal('text'),
    text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
  }),
  image: z.object({ ...base, type: z.literal('image'), image: mediaObject }),
  video: z.object({ ...base, type: z.literal('video'), video: mediaObject }),
  audio: z.object({ ...base, type: z.literal('audio'), audio: mediaObject }),
  document: z.object({ ...base, type: z.literal('document'), document: mediaObject }),
  sticker: z.object({ ...base, type: z.literal('sticker'), sticker: mediaObject }),
  template: z.object({ ...base, type: z.literal('template'), template: templateRequestSchema }),
  interactive: z.object({
    ...base,
    type: z.literal('interactive'),
    interactive: z.discriminatedUnion('type', [buttonInteractive, listInteractive]),
  }),
  reaction: z.object({ ...base, type: z.literal('reaction'), reaction: z.object({ message_id: z.string().min(1), emoji: z.string() }) }),
} as const;

export type SendType = keyof typeof SEND_SCHEMAS;
export type SendRequest = { [K in SendType]: z.infer<(typeof SEND_SCHEMAS)[K]> }[SendType];

/** `{ messaging_product, status: "read", message_id }` — mark an inbound message as read. */
export const markReadSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

/** Union for the OpenAPI document (validation goes through {@link parseSendRequest}). */
export const sendOrMarkReadSchema = z.union([...Object.values(SEND_SCHEMAS), markReadSchema]);
