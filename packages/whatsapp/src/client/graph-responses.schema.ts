import { z } from 'zod';

/** Graph response bodies the client reads. Lenient: Meta adds fields freely. */

export const graphErrorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.number(),
    error_subcode: z.number().optional(),
    type: z.string().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});

export const sendResponseSchema = z.looseObject({
  contacts: z
    .array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional(), user_id: z.string().optional() }))
    .optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});

export const successResponseSchema = z.looseObject({ success: z.boolean() });

export const mediaInfoSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  file_size: z.union([z.number(), z.string()]).optional(),
});

export const mediaUploadResponseSchema = z.looseObject({ id: z.string().min(1) });

export const templateButtonSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  url: z.string().optional(),
});

export const templateDefinitionComponentSchema = z.looseObject({
  /** HEADER, BODY, FOOTER, BUTTONS. */
  type: z.string(),
  /** Header: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION. */
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(templateButtonSchema).optional(),
});

/** A message template as `GET /{waba-id}/message_templates` returns it. */
export const messageTemplateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED … */
  status: z.string(),
  category: z.string().optional(),
  /** POSITIONAL (`{{1}}`) or NAMED (`{{first_name}}`). */
  parameter_format: z.string().optional(),
  components: z.array(templateDefinitionComponentSchema).default([]),
});

export const templatePageSchema = z.looseObject({
  data: z.array(z.unknown()),
  paging: z.looseObject({ next: z.string().optional() }).optional(),
});

/** `POST /{waba-id}/message_templates`: the new template's id, its review status and category. */
export const createdTemplateSchema = z.looseObject({ id: z.string(), status: z.string(), category: z.string().optional() });
export type CreatedTemplate = z.infer<typeof createdTemplateSchema>;

export const phoneNumberInfoSchema = z.looseObject({ id: z.string() });

export type MessageTemplate = z.infer<typeof messageTemplateSchema>;
export type TemplateDefinitionComponent = z.infer<typeof templateDefinitionComponentSchema>;
/** `GET /{phone-number-id}?fields=…`: `id` plus the requested fields as Meta names them. */
export type PhoneNumberInfo = z.infer<typeof phoneNumberInfoSchema>;
