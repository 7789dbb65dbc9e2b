import { resolvePath } from '@tandem/journey-model';
import type { NodeContext } from './context.types';

/** What `{{…}}` placeholders can read: `contact.*`, `vars.*`, `trigger.*`, plus extra roots a node adds. */
export type TemplateScope = Record<string, unknown>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g;

function display(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Options of {@link interpolate}. */
export interface InterpolateOptions {
  /** Transforms each inserted value, e.g. `encodeURIComponent` for URLs. Not applied to literal text. */
  encode?: (value: string, path: string) => string;
}

/**
 * Fills `{{path}}` placeholders from a scope. `{{path | fallback}}` uses the fallback when
 * the value is missing or empty; otherwise a missing value becomes an empty string.
 * Objects are written as JSON. Paths follow own properties only (see `resolvePath`).
 * @example interpolate('Hi {{contact.profileName | there}}, your plan is {{contact.attributes.plan}}', scopeOf(ctx))
 */
export function interpolate(template: string, scope: TemplateScope, options: InterpolateOptions = {}): string {
  return template.replace(PLACEHOLDER, (_match, path: string, fallback: string | undefined) => {
    const value = display(resolvePath(scope, path)) ?? fallback ?? '';
    return options.encode && value !== '' ? options.encode(value, path) : value;
  });
}

/**
 * The raw value of a template that is exactly one placeholder (`"{{vars.order}}"` → the
 * object itself), else the interpolated string. Lets JSON bodies keep numbers and objects.
 */
export function resolveTemplateValue(template: string, scope: TemplateScope): unknown {
  const single = /^\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}$/.exec(template);
  if (single) {
    const value = resolvePath(scope, single[1]);
    return value === undefined ? null : value;
  }
  return interpolate(template, scope);
}

/** Paths a template reads, e.g. to warn about unknown roots. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * The scope templates and conditions read for a step: the contact (id, waId,
 * profileName, attributes, tags…), run variables as `vars` and the trigger event.
 */
export function scopeOf(ctx: Pick<NodeContext, 'contact' | 'run'>): TemplateScope {
  return { contact: ctx.contact, vars: ctx.run.variables, trigger: ctx.run.trigger };
}
