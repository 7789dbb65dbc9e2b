import { z } from 'zod';

export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED'] as const;
export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;

/** Template components in the shape `GET /message_templates` returns them. */
export const templateComponentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('HEADER'),
    format: z.enum(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']),
    text: z.string().max(60).optional(),
  }),
  z.object({ type: z.literal('BODY'), text: z.string().min(1).max(1024) }),
  z.object({ type: z.literal('FOOTER'), text: z.string().max(60) }),
  z.object({
    type: z.literal('BUTTONS'),
    buttons: z
      .array(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('QUICK_REPLY'), text: z.string().min(1).max(25) }),
          z.object({ type: z.literal('URL'), text: z.string().min(1).max(25), url: z.string().min(1) }),
          z.object({ type: z.literal('PHONE_NUMBER'), text: z.string().min(1).max(25), phone_number: z.string() }),
        ]),
      )
      .min(1)
      .max(10),
  }),
]);

export type TemplateComponent = z.infer<typeof templateComponentSchema>;

export const createTemplateSchema = z.object({
  wabaId: z.string().regex(/^\d+$/),
  id: z.string().regex(/^\d+$/).optional().describe('Template id; generated when absent'),
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and underscores'),
  language: z.string().min(2).max(10),
  category: z.enum(TEMPLATE_CATEGORIES),
  status: z.enum(TEMPLATE_STATUSES).default('APPROVED'),
  parameterFormat: z.enum(['POSITIONAL', 'NAMED']).default('POSITIONAL'),
  components: z.array(templateComponentSchema).min(1),
});

export type CreateTemplateInput = z.input<typeof createTemplateSchema>;
