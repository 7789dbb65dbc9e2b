import type { ArrayField, FieldModel, FieldPath, NumberField, ObjectField, StringField } from './json-schema.types';
import { matchVariant, pathKey } from './schema-value.util';

/** A problem with one field of a form. */
export interface FormIssue {
  path: (string | number)[];
  message: string;
}

/** Messages by {@link pathKey}; the form shows them under the matching field. */
export type IssueMap = ReadonlyMap<string, string[]>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkString(field: StringField, value: string, path: FieldPath): FormIssue[] {
  const at = [...path];
  if (field.minLength !== undefined && value.length < field.minLength) {
    return [{ path: at, message: field.minLength === 1 ? 'Required' : `At least ${field.minLength} characters` }];
  }
  if (field.maxLength !== undefined && value.length > field.maxLength)
    return [{ path: at, message: `At most ${field.maxLength} characters (${value.length})` }];
  if (field.pattern && value !== '') {
    try {
      if (!new RegExp(field.pattern, 'u').test(value)) return [{ path: at, message: formatHint(field) }];
    } catch {
      return [];
    }
  }
  return [];
}

/** A readable hint for a failed pattern: common formats by name, else the pattern itself. */
function formatHint(field: StringField): string {
  if (field.format === 'date-time') return 'A date and time';
  if (field.format === 'email') return 'An email address';
  if (field.format === 'uri' || field.format === 'url') return 'A URL';
  if (field.pattern === '^([01]\\d|2[0-3]):[0-5]\\d$') return 'A time such as 09:30';
  return `Does not match the expected format (${field.pattern})`;
}

function checkNumber(field: NumberField, value: number, path: FieldPath): FormIssue[] {
  const at = [...path];
  if (field.integer && !Number.isInteger(value)) return [{ path: at, message: 'A whole number' }];
  if (field.minimum !== undefined && value < field.minimum) return [{ path: at, message: `At least ${field.minimum}` }];
  if (field.exclusiveMinimum !== undefined && value <= field.exclusiveMinimum)
    return [{ path: at, message: `More than ${field.exclusiveMinimum}` }];
  if (field.maximum !== undefined && value > field.maximum) return [{ path: at, message: `At most ${field.maximum}` }];
  if (field.exclusiveMaximum !== undefined && value >= field.exclusiveMaximum)
    return [{ path: at, message: `Less than ${field.exclusiveMaximum}` }];
  return [];
}

function checkObject(field: ObjectField, value: Record<string, unknown>, path: FieldPath): FormIssue[] {
  return field.properties.flatMap((prop) => {
    const child = value[prop.key];
    const at = [...path, prop.key];
    if (child === undefined || child === null || child === '') {
      if (child === null && prop.field.nullable) return [];
      return prop.required && prop.field.default === undefined ? [{ path: at, message: 'Required' }] : [];
    }
    return validateValue(prop.field, child, at);
  });
}

function checkCount(field: Pick<ArrayField, 'minItems' | 'maxItems'>, count: number, path: FieldPath): FormIssue[] {
  if (field.minItems !== undefined && count < field.minItems)
    return [{ path: [...path], message: field.minItems === 1 ? 'Add at least one' : `Add at least ${field.minItems}` }];
  if (field.maxItems !== undefined && count > field.maxItems) return [{ path: [...path], message: `At most ${field.maxItems}` }];
  return [];
}

/**
 * Checks a value against its field model the way the server's zod schema will, so the
 * form can show problems while typing: required, lengths, patterns, bounds, item counts,
 * enum membership, union variants. Refinements only the server knows arrive with its issues.
 */
export function validateValue(field: FieldModel, value: unknown, path: FieldPath = []): FormIssue[] {
  if (value === null && field.nullable) return [];
  const wrongType = (expected: string): FormIssue[] => [{ path: [...path], message: `Expected ${expected}` }];
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' ? checkString(field, value, path) : wrongType('text');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? checkNumber(field, value, path) : wrongType('a number');
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrongType('yes or no');
    case 'enum':
      return field.options.includes(value as string) ? [] : [{ path: [...path], message: `Choose one of ${field.options.join(', ')}` }];
    case 'multiselect':
      return Array.isArray(value) ? checkCount(field, value.length, path) : wrongType('a list');
    case 'object':
      return isRecord(value) ? checkObject(field, value, path) : wrongType('an object');
    case 'record':
      return isRecord(value)
        ? Object.entries(value).flatMap(([k, v]) => validateValue(field.value, v, [...path, k]))
        : wrongType('an object');
    case 'array':
      return Array.isArray(value)
        ? [...checkCount(field, value.length, path), ...value.flatMap((item, i) => validateValue(field.item, item, [...path, i]))]
        : wrongType('a list');
    case 'union': {
      const index = matchVariant(field, value);
      if (index < 0) return [{ path: [...path], message: 'Choose an option' }];
      return validateValue(field.variants[index].field, value, path);
    }
    default:
      return [];
  }
}

/** Groups issues by field path; with `prefix`, keeps only issues under it, relative to it. */
export function groupIssues(issues: readonly FormIssue[], prefix: FieldPath = []): IssueMap {
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    if (prefix.some((part, i) => String(issue.path[i]) !== String(part))) continue;
    const key = pathKey(issue.path.slice(prefix.length));
    map.set(key, [...(map.get(key) ?? []), issue.message]);
  }
  return map;
}

/**
 * Messages that belong to no field of the form (paths the model does not know), so the
 * form can list them at the top instead of losing them.
 */
export function unplacedIssues(field: FieldModel, issues: IssueMap): string[] {
  const known = new Set<string>();
  const walk = (f: FieldModel, path: (string | number)[]) => {
    known.add(pathKey(path));
    if (f.kind === 'object') f.properties.forEach((p) => walk(p.field, [...path, p.key]));
    if (f.kind === 'union') f.variants.forEach((v) => walk(v.field, path));
    if (f.kind === 'array' || f.kind === 'record') known.add(`${pathKey(path)}.*`);
  };
  walk(field, []);
  const placed = (key: string) => known.has(key) || [...known].some((k) => k.endsWith('.*') && key.startsWith(k.slice(0, -1)));
  return [...issues.entries()].filter(([key]) => !placed(key)).flatMap(([, messages]) => messages);
}
