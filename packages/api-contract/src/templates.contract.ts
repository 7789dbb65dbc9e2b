import { z } from 'zod';

/** `GET /api/templates` and `POST /api/templates/sync`: the number whose account is meant. */
export const templatesQuerySchema = z.object({ numberId: z.string().uuid() });

/** A message template of a number's WhatsApp Business Account, as last synced or reported by Meta. */
export const templateSchema = z.object({
  id: z.string().uuid(),
  wabaId: z.string(),
  /** Meta's template id. */
  templateId: z.string().nullable(),
  name: z.string(),
  language: z.string(),
  category: z.string().nullable(),
  /** `APPROVED`, `PENDING`, `REJECTED`, `PAUSED`, `DISABLED` … (`DELETED` once gone from Meta). Only approved ones can be sent. */
  status: z.string(),
  statusReason: z.string().nullable(),
  /** Meta's explanation of the last status (e.g. a pause's title and description), when it gave one. */
  statusDetail: z.string().nullable().optional(),
  /** Meta's quality rating: GREEN, YELLOW, RED or UNKNOWN (null until Meta rates it). */
  qualityScore: z.string().nullable().optional(),
  /** The category before Meta last changed it. */
  previousCategory: z.string().nullable().optional(),
  /** Meta's component definitions (header, body with `{{1}}` placeholders, footer, buttons). */
  components: z.array(z.unknown()),
  updatedAt: z.string(),
});

/** `GET /api/templates?numberId=`: by name, then language. */
export const templateListSchema = z.object({ items: z.array(templateSchema) });

/** `POST /api/templates/sync?numberId=`: the account's templates after pulling them from the Graph API. */
export const templateSyncResponseSchema = templateListSchema.extend({
  created: z.number().int(),
  updated: z.number().int(),
  /** Templates Tandem knew that Meta no longer lists (now `DELETED`). */
  removed: z.number().int(),
});

/** A message template. */
export type TemplateDto = z.infer<typeof templateSchema>;
/** Answer of a template sync. */
export type TemplateSyncResponseDto = z.infer<typeof templateSyncResponseSchema>;

/** A button of a new template, as Meta takes it. */
export const templateButtonDefinitionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('QUICK_REPLY'), text: z.string().min(1).max(25) }),
  z.strictObject({
    type: z.literal('URL'),
    text: z.string().min(1).max(25),
    url: z.string().min(1).max(2000),
    /** Example of the URL's `{{1}}` suffix, required when the URL has one. */
    example: z.array(z.string().min(1).max(2000)).length(1).optional(),
  }),
  z.strictObject({ type: z.literal('PHONE_NUMBER'), text: z.string().min(1).max(25), phone_number: z.string().regex(/^\+?\d{6,20}$/) }),
]);

/** A component of a new template, in Meta's shape (`example` gives sample values of each `{{…}}`). */
export const templateComponentDefinitionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('HEADER'),
    format: z.enum(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']),
    text: z.string().min(1).max(60).optional(),
    example: z
      .strictObject({
        header_text: z.array(z.string().min(1).max(60)).length(1).optional(),
        header_text_named_params: z
          .array(z.strictObject({ param_name: z.string(), example: z.string().min(1) }))
          .length(1)
          .optional(),
        /** A sample media handle or URL for media headers. */
        header_handle: z.array(z.string().min(1).max(2000)).length(1).optional(),
      })
      .optional(),
  }),
  z.strictObject({
    type: z.literal('BODY'),
    text: z.string().min(1).max(1024),
    example: z
      .strictObject({
        body_text: z
          .array(z.array(z.string().min(1).max(1024)).min(1).max(100))
          .length(1)
          .optional(),
        body_text_named_params: z
          .array(z.strictObject({ param_name: z.string(), example: z.string().min(1).max(1024) }))
          .min(1)
          .max(100)
          .optional(),
      })
      .optional(),
  }),
  z.strictObject({ type: z.literal('FOOTER'), text: z.string().min(1).max(60) }),
  z.strictObject({ type: z.literal('BUTTONS'), buttons: z.array(templateButtonDefinitionSchema).min(1).max(10) }),
]);
export type TemplateComponentDefinition = z.infer<typeof templateComponentDefinitionSchema>;

/**
 * `POST /api/templates`: a new template submitted to Meta for review on the number's account.
 * Authentication templates use Meta's preset text and are not created here.
 */
export const createTemplateRequestSchema = z.strictObject({
  numberId: z.uuid(),
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and underscores (at most 512)'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as en, en_US or pt_BR'),
  category: z.enum(['MARKETING', 'UTILITY']),
  parameterFormat: z.enum(['POSITIONAL', 'NAMED']).default('POSITIONAL'),
  components: z.array(templateComponentDefinitionSchema).min(1).max(4),
});
export type CreateTemplateRequest = z.infer<typeof createTemplateRequestSchema>;
