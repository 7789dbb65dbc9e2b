import { z } from 'zod';

/**
 * Template send body (`type: "template"`). Templates created with named parameters take
 * `parameter_name` on each parameter; positional ones (`{{1}}`) omit it.
 */

const parameterName = z
  .string()
  .regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and _')
  .optional();

const mediaRef = z
  .strictObject({ id: z.string().min(1).optional(), link: z.url().optional(), filename: z.string().optional() })
  .refine((m) => (m.id === undefined) !== (m.link === undefined), {
    message: 'give exactly one of `id` or `link`',
  });

export const textParameterSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1).max(1024),
  parameter_name: parameterName,
});

const currencyParameter = z.strictObject({
  type: z.literal('currency'),
  currency: z.strictObject({ fallback_value: z.string(), code: z.string().length(3), amount_1000: z.number().int() }),
  parameter_name: parameterName,
});

const dateTimeParameter = z.strictObject({
  type: z.literal('date_time'),
  date_time: z.strictObject({ fallback_value: z.string() }),
  parameter_name: parameterName,
});

const headerMediaParameter = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('image'), image: mediaRef }),
  z.strictObject({ type: z.literal('video'), video: mediaRef }),
  z.strictObject({ type: z.literal('document'), document: mediaRef }),
  z.strictObject({
    type: z.literal('location'),
    location: z.strictObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
]);

export const headerComponentSchema = z.strictObject({
  type: z.literal('header'),
  parameters: z.array(z.union([textParameterSchema, headerMediaParameter])).min(1),
});

export const bodyComponentSchema = z.strictObject({
  type: z.literal('body'),
  parameters: z.array(z.discriminatedUnion('type', [textParameterSchema, currencyParameter, dateTimeParameter])).min(1),
});

export const buttonComponentSchema = z.strictObject({
  type: z.literal('button'),
  sub_type: z.enum(['quick_reply', 'url', 'copy_code', 'flow']),
  /** Position of the button in the template, as a string ("0".."9"). */
  index: z.string().regex(/^\d$/, 'a button index "0".."9"'),
  parameters: z
    .array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('payload'), payload: z.string().max(1000) }),
        z.strictObject({ type: z.literal('text'), text: z.string().min(1) }),
        z.strictObject({ type: z.literal('coupon_code'), coupon_code: z.string().min(1).max(15) }),
      ]),
    )
    .min(1),
});

export const templateComponentSchema = z.discriminatedUnion('type', [headerComponentSchema, bodyComponentSchema, buttonComponentSchema]);

export const templateSchema = z.strictObject({
  name: z.string().min(1).max(512),
  language: z.strictObject({ code: z.string().min(2).max(15), policy: z.literal('deterministic').optional() }),
  components: z.array(templateComponentSchema).optional(),
});

export type TemplateComponent = z.infer<typeof templateComponentSchema>;
export type TemplateHeaderComponent = z.infer<typeof headerComponentSchema>;
export type TemplateBodyComponent = z.infer<typeof bodyComponentSchema>;
export type TemplateButtonComponent = z.infer<typeof buttonComponentSchema>;
export type TemplateSend = z.infer<typeof templateSchema>;
