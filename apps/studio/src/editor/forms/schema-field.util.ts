import type { FieldModel, JsonSchema, ObjectField, UnionField, UnionVariant } from './json-schema.types';

/** `fallbackTemplate` → `Fallback template`, `save_reply_as` → `Save reply as`. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

/** `Buttons` → `Button`, `Branches` → `Branch`, `Categories` → `Category`; other words unchanged. */
export function singular(title: string): string {
  if (/ies$/i.test(title)) return title.slice(0, -3) + 'y';
  if (/(ch|sh|x|ss)es$/i.test(title)) return title.slice(0, -2);
  if (/[^s]s$/i.test(title)) return title.slice(0, -1);
  return title;
}

/** Keys whose strings are message bodies: shown as a text area even without a large `maxLength`. */
const LONG_TEXT_KEYS = /^(text|body|message|caption|description|content|footer|header)$/i;
/** Strings longer than this get a text area. */
const MULTILINE_MIN_LENGTH = 300;

/** Resolves a local `$ref` (`#/$defs/x`, `#/definitions/x`) against the root schema. */
function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref?.startsWith('#/')) return schema;
  const target = schema.$ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), root);
  if (!target || typeof target !== 'object') return {};
  const { $ref: _ref, ...rest } = schema;
  return { ...(target as JsonSchema), ...rest };
}

/** Merges `allOf` members shallowly (properties and required lists are combined). */
function mergeAllOf(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.allOf?.length) return schema;
  const { allOf, ...rest } = schema;
  return allOf
    .map((s) => resolveRef(s, root))
    .reduce<JsonSchema>(
      (acc, part) => ({
        ...acc,
        ...part,
        properties: { ...acc.properties, ...part.properties },
        required: [...(acc.required ?? []), ...(part.required ?? [])],
      }),
      rest,
    );
}

const isNullSchema = (s: JsonSchema) => s.type === 'null' || (s.const === null && s.type === undefined);

/** `{ type: ['string', 'number'] }` (zod's form of a union of scalars) as one schema per type. */
function splitTypes(schema: JsonSchema): JsonSchema[] | null {
  if (!Array.isArray(schema.type) || schema.type.length < 2) return null;
  return schema.type.map((type) => ({ ...schema, type, title: undefined, description: undefined, default: undefined }));
}

/** Nested `anyOf`s and multi-type schemas flattened into one list of alternatives. */
function flattenAlternatives(list: JsonSchema[], root: JsonSchema): JsonSchema[] {
  return list.flatMap((s) => {
    const resolved = mergeAllOf(resolveRef(s, root), root);
    const inner = resolved.anyOf ?? resolved.oneOf ?? splitTypes(resolved);
    return inner && !resolved.properties ? flattenAlternatives(inner, root) : [resolved];
  });
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function baseOf(schema: JsonSchema, key: string | undefined) {
  return {
    title: schema.title ?? (key ? humanize(key) : ''),
    description: schema.description,
    default: schema.default,
    nullable: Array.isArray(schema.type) && schema.type.includes('null') ? true : undefined,
  };
}

/** A property whose value is fixed in every variant: the discriminator of a union of objects. */
function findDiscriminator(variants: FieldModel[]): string | undefined {
  const objects = variants.filter((v): v is ObjectField => v.kind === 'object');
  if (objects.length !== variants.length || objects.length < 2) return undefined;
  const candidates = objects[0].properties.filter((p) => p.field.kind === 'const').map((p) => p.key);
  return candidates.find((key) => {
    const values = objects.map((o) => o.properties.find((p) => p.key === key && p.field.kind === 'const'));
    if (values.some((v) => !v)) return false;
    const tags = values.map((v) => JSON.stringify(v?.field.kind === 'const' ? v.field.value : undefined));
    return new Set(tags).size === tags.length;
  });
}

const TYPE_LABELS: Record<string, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'Yes / no',
  array: 'List',
  multiselect: 'List',
  object: 'Object',
  enum: 'Choice',
};

function variantLabel(field: FieldModel, index: number, discriminator: string | undefined): { label: string; tag?: unknown } {
  if (discriminator && field.kind === 'object') {
    const prop = field.properties.find((p) => p.key === discriminator);
    const tag = prop?.field.kind === 'const' ? prop.field.value : undefined;
    return { label: field.title && field.title !== '' ? field.title : humanize(String(tag)), tag };
  }
  if (field.title) return { label: field.title };
  return { label: TYPE_LABELS[field.kind] ?? `Option ${index + 1}` };
}

function unionField(alternatives: JsonSchema[], schema: JsonSchema, key: string | undefined, root: JsonSchema): FieldModel {
  const nullable = alternatives.some(isNullSchema);
  const rest = alternatives.filter((s) => !isNullSchema(s));
  const base = { ...baseOf(schema, key), nullable: nullable || undefined };
  if (rest.length === 1) {
    const only = schemaToField(rest[0], root, key);
    return {
      ...only,
      ...base,
      title: base.title || only.title,
      description: base.description ?? only.description,
      default: base.default ?? only.default,
    };
  }
  const fields = rest.map((s) => ({ ...schemaToField(s, root), title: s.title ?? '' }));
  const discriminator = findDiscriminator(fields);
  const variants: UnionVariant[] = fields.map((field, i) => ({ ...variantLabel(field, i, discriminator), field }));
  const union: UnionField = { kind: 'union', ...base, variants };
  if (discriminator) union.discriminator = discriminator;
  return union;
}

function objectField(schema: JsonSchema, key: string | undefined, root: JsonSchema): FieldModel {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0 && typeof schema.additionalProperties === 'object') {
    return { kind: 'record', ...baseOf(schema, key), value: schemaToField(schema.additionalProperties, root) };
  }
  return {
    kind: 'object',
    ...baseOf(schema, key),
    properties: entries.map(([name, prop]) => ({ key: name, required: required.has(name), field: schemaToField(prop, root, name) })),
  };
}

function arrayField(schema: JsonSchema, key: string | undefined, root: JsonSchema): FieldModel {
  const item = schemaToField(schema.items ?? {}, root);
  if (item.kind === 'enum' && item.options.every((o) => typeof o !== 'boolean')) {
    return {
      kind: 'multiselect',
      ...baseOf(schema, key),
      options: item.options as (string | number)[],
      minItems: schema.minItems,
      maxItems: schema.maxItems,
    };
  }
  return { kind: 'array', ...baseOf(schema, key), item, minItems: schema.minItems, maxItems: schema.maxItems };
}

function scalarField(schema: JsonSchema, type: string | undefined, key: string | undefined): FieldModel {
  const base = baseOf(schema, key);
  switch (type) {
    case 'string': {
      const multiline =
        (schema.maxLength ?? 0) >= MULTILINE_MIN_LENGTH ||
        (key !== undefined && LONG_TEXT_KEYS.test(key) && schema.maxLength === undefined) ||
        schema.format === 'textarea';
      return {
        kind: 'string',
        ...base,
        format: schema.format,
        pattern: schema.pattern,
        minLength: schema.minLength,
        maxLength: schema.maxLength,
        multiline,
      };
    }
    case 'number':
    case 'integer': {
      const bound = (n: number | undefined) => (n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
      return {
        kind: 'number',
        ...base,
        integer: type === 'integer',
        minimum: bound(schema.minimum),
        maximum: bound(schema.maximum),
        exclusiveMinimum: bound(schema.exclusiveMinimum),
        exclusiveMaximum: bound(schema.exclusiveMaximum),
      };
    }
    case 'boolean':
      return { kind: 'boolean', ...base };
    default:
      return { kind: 'json', ...base };
  }
}

/**
 * Turns a JSON Schema into the field model the form renders: objects, arrays, enums,
 * scalars, discriminated unions (`oneOf` with a `const` property) and unions by value
 * type (`anyOf` of scalars/lists). `key` names the property, for labels and widget hints.
 */
export function schemaToField(input: JsonSchema, root: JsonSchema = input, key?: string): FieldModel {
  const schema = mergeAllOf(resolveRef(input, root), root);
  if (schema.const !== undefined) return { kind: 'const', ...baseOf(schema, key), value: schema.const };
  const alternatives = schema.oneOf ?? schema.anyOf ?? (schema.enum ? null : splitTypes(schema));
  if (alternatives?.length && !schema.properties) return unionField(flattenAlternatives(alternatives, root), schema, key, root);
  if (schema.enum?.length) {
    const options = schema.enum.filter((o): o is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof o));
    return { kind: 'enum', ...baseOf(schema, key), options };
  }
  const type = primaryType(schema);
  if (type === 'object') return objectField(schema, key, root);
  if (type === 'array') return arrayField(schema, key, root);
  return scalarField(schema, type, key);
}
