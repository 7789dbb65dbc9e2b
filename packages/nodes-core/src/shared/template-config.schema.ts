import { templateRefSchema } from '@tandem/journey-model';
import { interpolate, type TemplateScope } from '@tandem/node-sdk';
import type { TemplateComponent, TemplateSend } from '@tandem/whatsapp';
import { z } from 'zod';

/**
 * One template parameter. `value` may hold `{{contact.attributes.x}}` / `{{vars.y}}`
 * placeholders; `fallback` is used when the value comes out empty (e.g. "there" for a
 * missing first name). `name` is set for templates with named parameters.
 */
export const templateParamSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and _')
    .optional(),
  value: z.string().max(1024),
  fallback: z.string().max(1024).optional(),
});

const templateHeaderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), param: templateParamSchema }),
  z.strictObject({
    kind: z.enum(['image', 'video', 'document']),
    link: z.string().min(1).max(2000),
    filename: z.string().max(240).optional(),
  }),
]);

const templateButtonSchema = z.strictObject({
  /** Position of the button in the template (0-based). */
  index: z.number().int().min(0).max(9),
  /** `url`: the dynamic URL suffix; `quick_reply`: the payload sent back on tap; `copy_code`: the coupon. */
  subType: z.enum(['url', 'quick_reply', 'copy_code']),
  value: z.string().min(1).max(1000),
});

/** A template to send, with its parameters. Used by `core.send-template@1` and as `fallbackTemplate` of free-form sends. */
export const templateConfigSchema = z.strictObject({
  ...templateRefSchema.shape,
  header: templateHeaderSchema.optional(),
  body: z.array(templateParamSchema).max(100).default([]),
  buttons: z.array(templateButtonSchema).max(10).default([]),
});

/** A configured template send. */
export type TemplateConfig = z.infer<typeof templateConfigSchema>;
type TemplateParam = z.infer<typeof templateParamSchema>;

/** Result of rendering a template config for one contact. */
export type RenderedTemplate = { ok: true; template: TemplateSend } | { ok: false; missing: string[] };

function renderParam(param: TemplateParam, scope: TemplateScope): string {
  const value = interpolate(param.value, scope).trim();
  return value !== '' ? value : interpolate(param.fallback ?? '', scope).trim();
}

function headerComponent(header: NonNullable<TemplateConfig['header']>, scope: TemplateScope, missing: string[]): TemplateComponent {
  if (header.kind === 'text') {
    const text = renderParam(header.param, scope);
    if (text === '') missing.push('header');
    return { type: 'header', parameters: [{ type: 'text', text, ...(header.param.name ? { parameter_name: header.param.name } : {}) }] };
  }
  const link = interpolate(header.link, scope).trim();
  if (link === '') missing.push('header');
  if (header.kind === 'document')
    return {
      type: 'header',
      parameters: [{ type: 'document', document: { link, ...(header.filename ? { filename: header.filename } : {}) } }],
    };
  return {
    type: 'header',
    parameters: header.kind === 'image' ? [{ type: 'image', image: { link } }] : [{ type: 'video', video: { link } }],
  };
}

function buttonComponent(button: TemplateConfig['buttons'][number], scope: TemplateScope, missing: string[]): TemplateComponent {
  const value = interpolate(button.value, scope).trim();
  if (value === '') missing.push(`buttons.${button.index}`);
  const parameter =
    button.subType === 'quick_reply'
      ? { type: 'payload' as const, payload: value }
      : button.subType === 'url'
        ? { type: 'text' as const, text: value }
        : { type: 'coupon_code' as const, coupon_code: value };
  return { type: 'button', sub_type: button.subType, index: String(button.index), parameters: [parameter] };
}

/**
 * Fills a template config for one contact. Parameters that stay empty after their
 * fallback are reported in `missing` (by position: `body.2`, `header`, `buttons.0`)
 * instead of sending a template Meta would reject.
 */
export function renderTemplate(config: TemplateConfig, scope: TemplateScope): RenderedTemplate {
  const missing: string[] = [];
  const components: TemplateComponent[] = [];
  if (config.header) components.push(headerComponent(config.header, scope, missing));
  if (config.body.length > 0) {
    const parameters = config.body.map((param, i) => {
      const text = renderParam(param, scope);
      if (text === '') missing.push(`body.${i + 1}`);
      return { type: 'text' as const, text, ...(param.name ? { parameter_name: param.name } : {}) };
    });
    components.push({ type: 'body', parameters });
  }
  for (const button of config.buttons) components.push(buttonComponent(button, scope, missing));
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    template: { name: config.name, language: { code: config.language }, ...(components.length > 0 ? { components } : {}) },
  };
}
