import type { TemplateRef } from '@tandem/journey-model';
import { scopeOf, type NodeContext, type SendOptions } from '@tandem/node-sdk';
import { renderTemplate, type TemplateConfig } from './template-config.schema';

/**
 * Send options carrying the rendered fallback template, if one is configured. A fallback
 * that cannot be filled for this contact is dropped with a warning: the free-form
 * message is still tried, and takes `window_closed` if the window is closed.
 */
export function fallbackOptions(ctx: NodeContext, fallback: TemplateConfig | undefined): SendOptions | undefined {
  if (!fallback) return undefined;
  const rendered = renderTemplate(fallback, scopeOf(ctx));
  if (rendered.ok) return { fallbackTemplate: rendered.template };
  ctx.logger.warn('fallback template dropped: parameters are empty for this contact', {
    template: fallback.name,
    missing: rendered.missing,
  });
  return undefined;
}

/** The template reference of a configured fallback, for the journey lints. */
export function fallbackRef(config: { fallbackTemplate?: TemplateConfig }): TemplateRef | undefined {
  return config.fallbackTemplate ? { name: config.fallbackTemplate.name, language: config.fallbackTemplate.language } : undefined;
}
