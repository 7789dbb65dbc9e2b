import { z } from 'zod';

/**
 * Lenient schemas for Meta's webhook payloads: they require only what routing and
 * identity need and let every other key through (`looseObject`), because Meta adds
 * fields without notice. An item that fails its schema becomes an `unknown` event,
 * never an exception.
 */

/** Unix seconds as a string ("1781000000") or a number. */
export const unixSecondsSchema = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]);

/**
 * Longest id (WABA, number, message, user) read from a payload. Meta's are under a hundred
 * characters; ids are indexed (unique wamid per number, contacts, templates), and PostgreSQL
 * refuses an index entry past ~2.7 kB, so an item naming a longer one is unreadable (an
 * `unknown` event, kept on the delivery) rather than a delivery that fails until it is dead.
 */
export const MAX_ID_LENGTH = 256;
const idText = z.string().min(1).max(MAX_ID_LENGTH);

const id = z.union([idText, z.number()]).transform(String);

export const envelopeSchema = z.looseObject({
  object: z.string().optional(),
  entry: z.array(z.unknown()),
});

export const entrySchema = z.looseObject({
  id,
  time: z.number().optional(),
  changes: z.array(z.unknown()).optional(),
  /** Meta's own `account_update` example puts `field` here instead of inside `changes[]`. */
  field: z.string().optional(),
});

export const changeSchema = z.looseObject({
  field: z.string().optional(),
  value: z.unknown(),
});

export const metadataSchema = z.looseObject({
  phone_number_id: id,
  display_phone_number: z.string().optional(),
});

export const errorItemSchema = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

export const contactItemSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

export const inboundItemSchema = z.looseObject({
  id: idText,
  from: z.string().default(''),
  from_user_id: z.string().optional(),
  timestamp: unixSecondsSchema,
  type: z.string().min(1),
  group_id: z.string().optional(),
});

export const echoItemSchema = z.looseObject({
  id: idText,
  from: z.string().default(''),
  to: z.string().default(''),
  to_user_id: z.string().optional(),
  timestamp: unixSecondsSchema,
  type: z.string().min(1),
});

export const statusItemSchema = z.looseObject({
  id: idText,
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'played']),
  timestamp: unixSecondsSchema,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(errorItemSchema).optional(),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      type: z.string().optional(),
      category: z.string().optional(),
    })
    .optional(),
  conversation: z
    .looseObject({
      id: z.string().optional(),
      expiration_timestamp: unixSecondsSchema.optional(),
      origin: z.looseObject({ type: z.string().optional() }).optional(),
    })
    .optional(),
});

export const historyMessageSchema = z.looseObject({
  id: idText,
  from: z.string().default(''),
  to: z.string().optional(),
  timestamp: unixSecondsSchema,
  type: z.string().min(1),
  history_context: z.looseObject({ status: z.string().optional() }).optional(),
});

export const historyThreadSchema = z.looseObject({
  id: z.string().default(''),
  context: z.looseObject({ wa_id: z.string().optional(), user_id: z.string().optional(), username: z.string().optional() }).optional(),
  messages: z.array(z.unknown()).default([]),
});

export const historyChunkSchema = z.looseObject({
  metadata: z.looseObject({ phase: z.number(), chunk_order: z.number(), progress: z.number() }),
  threads: z.array(historyThreadSchema).default([]),
});

export const historyErrorsSchema = z.looseObject({ errors: z.array(errorItemSchema).min(1) });

export const stateSyncItemSchema = z.looseObject({
  type: z.literal('contact'),
  action: z.enum(['add', 'remove']),
  contact: z.looseObject({
    phone_number: z.string().optional(),
    user_id: z.string().optional(),
    full_name: z.string().optional(),
    first_name: z.string().optional(),
  }),
  metadata: z.looseObject({ timestamp: unixSecondsSchema.optional() }).optional(),
});

export const userPreferenceItemSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  detail: z.string().optional(),
  category: z.string(),
  value: z.string(),
  timestamp: unixSecondsSchema.optional(),
});

export const accountUpdateSchema = z.looseObject({
  event: z.string().min(1),
  phone_number: z.string().optional(),
  waba_info: z
    .looseObject({
      waba_id: z.string().optional(),
      owner_business_id: z.string().optional(),
      partner_app_id: z.string().optional(),
    })
    .optional(),
  disconnection_info: z.looseObject({ reason: z.string().optional(), initiated_by: z.string().optional() }).optional(),
});

export const templateStatusSchema = z.looseObject({
  event: z.string().min(1),
  message_template_id: id,
  message_template_name: z.string().max(512),
  message_template_language: z.string().max(MAX_ID_LENGTH),
  message_template_category: z.string().optional(),
  reason: z.string().nullable().optional(),
  other_info: z.looseObject({ title: z.string().optional(), description: z.string().optional() }).optional(),
});

/** `message_template_quality_update`: Meta's rating of a template from its recipients' feedback. */
export const templateQualitySchema = z.looseObject({
  previous_quality_score: z.string().max(32).optional(),
  new_quality_score: z.string().min(1).max(32),
  message_template_id: id,
  message_template_name: z.string().max(512),
  message_template_language: z.string().max(MAX_ID_LENGTH),
});

/** `template_category_update`: Meta re-categorised a template (or will: `correct_category`). */
export const templateCategorySchema = z.looseObject({
  message_template_id: id,
  message_template_name: z.string().max(512),
  message_template_language: z.string().max(MAX_ID_LENGTH),
  previous_category: z.string().max(32).optional(),
  new_category: z.string().max(32).optional(),
  correct_category: z.string().max(32).optional(),
});

export type ErrorItem = z.infer<typeof errorItemSchema>;
export type ContactItem = z.infer<typeof contactItemSchema>;
export type InboundItem = z.infer<typeof inboundItemSchema>;
export type EchoItem = z.infer<typeof echoItemSchema>;
export type StatusItem = z.infer<typeof statusItemSchema>;
export type HistoryItem = z.infer<typeof historyMessageSchema>;
