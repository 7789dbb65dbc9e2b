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
