import type { TemplateRef } from '@tandem/journey-model';
import type { JsonSchema, ObjectField } from '../forms/json-schema.types';
import { schemaToField } from '../forms/schema-field.util';
import { defaultValue } from '../forms/schema-value.util';

/** The config key free-form send nodes read their window-closed fallback from. */
export const FALLBACK_KEY = 'fallbackTemplate';

/**
 * The node's config with `fallbackTemplate` set to `template`. If the node type's schema
 * gives the fallback more required fields (e.g. parameters), their defaults are kept, so
 * the form shows them for the user to complete.
 */
export function fallbackConfig(
  config: Record<string, unknown>,
  schema: Record<string, unknown> | undefined,
  template: TemplateRef,
): Record<string, unknown> {
  let base: Record<string, unknown> = {};
  if (schema) {
    const field = schemaToField(schema as JsonSchema);
    const prop = field.kind === 'object' ? (field as ObjectField).properties.find((p) => p.key === FALLBACK_KEY) : undefined;
    const fresh = prop ? defaultValue(prop.field) : undefined;
    if (fresh && typeof fresh === 'object' && !Array.isArray(fresh)) base = fresh as Record<string, unknown>;
  }
  const current = config[FALLBACK_KEY];
  const previous = current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  return { ...config, [FALLBACK_KEY]: { ...base, ...previous, name: template.name, language: template.language } };
}
