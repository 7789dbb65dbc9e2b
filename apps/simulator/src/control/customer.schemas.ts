import { z } from 'zod';

const media = (type: 'image' | 'video' | 'audio' | 'document' | 'sticker') =>
  z.object({
    type: z.literal(type),
    caption: z.string().max(1024).optional(),
    filename: z.string().optional(),
    mimeType: z.string().optional(),
    voice: z.boolean().optional().describe('audio only: push-to-talk voice note'),
  });

/** What a simulated customer can send. */
export const customerContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(4096) }),
  z.object({
    type: z.literal('button_reply'),
    id: z.string().optional().describe('Button id; or give the title'),
    title: z.string().optional(),
  }),
  z.object({
    type: z.literal('list_reply'),
    id: z.string().optional().describe('Row id; or give the title'),
    title: z.string().optional(),
  }),
  z.object({
    type: z.literal('quick_reply').describe('Tap on a template quick-reply button (webhook type "button")'),
    buttonIndex: z.number().int().min(0).optional(),
    text: z.string().optional(),
    payload: z.string().optional(),
  }),
  media('image'),
  media('video'),
  media('audio'),
  media('document'),
  media('sticker'),
  z.object({
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
  z.object({ type: z.literal('reaction'), messageId: z.string().min(1), emoji: z.string().describe('empty = remove the reaction') }),
  z.object({ type: z.literal('unsupported'), unsupportedType: z.string().default('poll') }),
]);

export type CustomerContent = z.infer<typeof customerContentSchema>;

export const customerMessageSchema = z
  .object({
    phoneNumberId: z.string().min(1),
    waId: z
      .string()
      .regex(/^\d{6,15}$/, 'digits only, no +')
      .optional(),
    userId: z.string().min(1).max(256).optional().describe('BSUID; alone it models a username user whose number is hidden'),
    profileName: z.string().max(256).optional(),
    timestamp: z.number().int().positive().optional().describe('Unix seconds; default now'),
    contextMessageId: z
      .string()
      .optional()
      .describe('wamid being replied to; for button/list/quick replies defaults to the last matching message we sent'),
    message: customerContentSchema,
  })
  .refine((b) => b.waId !== undefined || b.userId !== undefined, { message: 'waId or userId is required', path: ['waId'] });

export type CustomerMessageInput = z.infer<typeof customerMessageSchema>;

const recipient = {
  phoneNumberId: z.string().min(1),
  to: z.string().min(1).describe('Customer wa_id (or BSUID)'),
};

/** A teammate sends from the WhatsApp Business app → `smb_message_echoes`. */
export const businessMessageSchema = z.object({
  ...recipient,
  message: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string().min(1).max(4096) }),
    z.object({ type: z.literal('image'), caption: z.string().max(1024).optional() }),
  ]),
});

export type BusinessMessageInput = z.infer<typeof businessMessageSchema>;

export const businessEditSchema = z.object({ text: z.string().min(1).max(4096) });
