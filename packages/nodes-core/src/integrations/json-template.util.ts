import { resolveTemplateValue, type TemplateScope } from '@tandem/node-sdk';

/**
 * Fills a JSON body template: every string leaf is a template, so values never break the
 * JSON (quotes, newlines) and a leaf that is exactly one placeholder keeps its type
 * (`"{{vars.order}}"` inserts the object, `"{{vars.total}}"` the number).
 */
export function fillJsonTemplate(template: unknown, scope: TemplateScope): unknown {
  if (typeof template === 'string') return resolveTemplateValue(template, scope);
  if (Array.isArray(template)) return template.map((item) => fillJsonTemplate(item, scope));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillJsonTemplate(value, scope)]));
  }
  return template;
}

/** Largest response body kept in the step output and variables, in characters of JSON. */
export const MAX_KEPT_BODY = 64 * 1024;

/** The response body as stored: whole when small, else its first characters and `truncated: true`. */
export function keptBody(body: unknown): { body: unknown; truncated?: true } {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
  if (text.length <= MAX_KEPT_BODY) return { body };
  return { body: text.slice(0, MAX_KEPT_BODY), truncated: true };
}
