import type { FieldModel, FieldPath, UnionField } from './json-schema.types';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The value a fresh field gets: its schema default; for objects the required properties
 * and those with defaults; the first variant of a union; `undefined` where the user must
 * choose (numbers, optional scalars).
 */
export function defaultValue(field: FieldModel): unknown {
  if (field.default !== undefined) return structuredClone(field.default);
  switch (field.kind) {
    case 'const':
      return field.value;
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const prop of field.properties) {
        const fresh =
          prop.required || prop.field.default !== undefined || prop.field.kind === 'const' ? defaultValue(prop.field) : undefined;
        if (fresh !== undefined) value[prop.key] = fresh;
      }
      return value;
    }
    case 'array':
    case 'multiselect':
      return [];
    case 'record':
      return {};
    case 'string':
      return '';
    case 'boolean':
      return false;
    case 'enum':
      return field.options[0];
    case 'union':
      return field.variants[0] ? defaultValue(field.variants[0].field) : undefined;
    default:
      return undefined;
  }
}

/** True when `value` has the shape of `field` (used to tell which union variant a value is). */
export function matchesField(field: FieldModel, value: unknown): boolean {
  switch (field.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && (!field.integer || Number.isInteger(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return field.options.includes(value as string);
    case 'const':
      return JSON.stringify(value) === JSON.stringify(field.value);
    case 'array':
    case 'multiselect':
      return Array.isArray(value);
    case 'record':
      return isRecord(value);
    case 'object':
      return (
        isRecord(value) &&
        field.properties.every((p) => (p.field.kind === 'const' ? matchesField(p.field, value[p.key]) : !p.required || p.key in value))
      );
    case 'union':
      return matchVariant(field, value) >= 0;
    default:
      return true;
  }
}

/** Index of the variant `value` belongs to: by discriminator when there is one, else by shape; -1 if none. */
export function matchVariant(field: UnionField, value: unknown): number {
  if (field.discriminator) {
    const tag = isRecord(value) ? value[field.discriminator] : undefined;
    return field.variants.findIndex((v) => JSON.stringify(v.tag) === JSON.stringify(tag));
  }
  return field.variants.findIndex((v) => matchesField(v.field, value));
}

/** The value after choosing another variant: its defaults, keeping same-named values that still fit. */
export function switchVariant(field: UnionField, index: number, current: unknown): unknown {
  const variant = field.variants[index];
  if (!variant) return current;
  const fresh = defaultValue(variant.field);
  if (variant.field.kind !== 'object' || !isRecord(fresh) || !isRecord(current)) return fresh;
  for (const prop of variant.field.properties) {
    if (prop.key === field.discriminator || !(prop.key in current)) continue;
    if (matchesField(prop.field, current[prop.key])) fresh[prop.key] = current[prop.key];
  }
  return fresh;
}

/** Reads a nested value (`undefined` on any missing step). */
export function getAt(value: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((node, part) => {
    if (Array.isArray(node) && typeof part === 'number') return node[part];
    if (isRecord(node) && typeof part === 'string') return node[part];
    return undefined;
  }, value);
}

/**
 * Writes a nested value immutably, creating objects/arrays on the way. Writing
 * `undefined` to an object key removes the key (an emptied optional field is absent,
 * not `""`, so `optional()` schemas accept it).
 */
export function setAt(value: unknown, path: FieldPath, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = setAt(list[head], rest, next);
    return list;
  }
  const object = isRecord(value) ? { ...value } : {};
  const child = setAt(object[head], rest, next);
  if (child === undefined) delete object[head];
  else object[head] = child;
  return object;
}

/** Moves an array item (for reordering buttons, branches, rules). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** `['buttons', 0, 'title']` → `buttons.0.title` (the key issues and fields are matched on). */
export function pathKey(path: FieldPath): string {
  return path.join('.');
}
