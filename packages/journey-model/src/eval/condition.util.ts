import type { Condition, ConditionRule } from '../document/condition.schema';
import { testAuthorRegex } from './author-regex.util';
import { resolvePath } from './field-path.util';

/**
 * What conditions read: `contact` (id, profileName, attributes, tags, …), `vars` (run
 * variables) and `trigger` (the starting `EngineEvent`).
 */
export interface ConditionScope {
  contact?: unknown;
  vars?: Record<string, unknown>;
  trigger?: unknown;
}

/**
 * Evaluates a rule group without `eval`: `all` needs every rule, `any` one of them.
 * Numbers and numeric strings compare numerically; strings ignore case unless a rule
 * says `ignoreCase: false`; list fields (`contact.tags`) work with `contains`/`not_contains`
 * and `eq` (list includes the value).
 * @example evaluateCondition({ combinator: 'all', rules: [{ field: 'contact.attributes.plan', op: 'eq', value: 'pro' }] }, { contact: { attributes: { plan: 'Pro' } } }) // true
 */
export function evaluateCondition(condition: Condition, scope: ConditionScope): boolean {
  const results = condition.rules.map((rule) => evaluateRule(rule, scope));
  return condition.combinator === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** Evaluates one rule against the scope. */
export function evaluateRule(rule: ConditionRule, scope: ConditionScope): boolean {
  const actual = resolvePath(scope, rule.field);
  const ignoreCase = rule.ignoreCase ?? true;
  switch (rule.op) {
    case 'exists':
      return isPresent(actual);
    case 'not_exists':
      return !isPresent(actual);
    case 'eq':
      return Array.isArray(actual) ? actual.some((item) => same(item, rule.value, ignoreCase)) : same(actual, rule.value, ignoreCase);
    case 'neq':
      return Array.isArray(actual) ? !actual.some((item) => same(item, rule.value, ignoreCase)) : !same(actual, rule.value, ignoreCase);
    case 'contains':
      return contains(actual, rule.value, ignoreCase);
    case 'not_contains':
      return !contains(actual, rule.value, ignoreCase);
    case 'starts_with':
      return typeof actual === 'string' && fold(actual, ignoreCase).startsWith(fold(String(rule.value), ignoreCase));
    case 'in':
      return Array.isArray(rule.value) && rule.value.some((candidate) => same(actual, candidate, ignoreCase));
    case 'matches':
      return typeof actual === 'string' && typeof rule.value === 'string' && testAuthorRegex(rule.value, ignoreCase, actual);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compareNumbers(rule.op, actual, rule.value);
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function fold(text: string, ignoreCase: boolean): string {
  return ignoreCase ? text.toLowerCase() : text;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function same(actual: unknown, expected: unknown, ignoreCase: boolean): boolean {
  const a = toNumber(actual);
  const b = toNumber(expected);
  if (a !== undefined && b !== undefined) return a === b;
  if (typeof actual === 'string' && typeof expected === 'string') return fold(actual, ignoreCase) === fold(expected, ignoreCase);
  if (typeof actual === 'boolean' || typeof expected === 'boolean') {
    return (typeof actual === 'string' || typeof actual === 'boolean') && String(actual).toLowerCase() === String(expected).toLowerCase();
  }
  return actual === expected;
}

function contains(actual: unknown, expected: unknown, ignoreCase: boolean): boolean {
  if (Array.isArray(actual)) return actual.some((item) => same(item, expected, ignoreCase));
  if (typeof actual === 'string' && expected !== undefined) return fold(actual, ignoreCase).includes(fold(String(expected), ignoreCase));
  return false;
}

function compareNumbers(op: 'gt' | 'gte' | 'lt' | 'lte', actual: unknown, expected: unknown): boolean {
  const a = toNumber(actual);
  const b = toNumber(expected);
  if (a === undefined || b === undefined) return false;
  if (op === 'gt') return a > b;
  if (op === 'gte') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}
