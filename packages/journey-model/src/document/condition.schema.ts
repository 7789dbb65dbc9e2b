import { z } from 'zod';
import { isValidRegex } from './common.schema';

/**
 * A dotted path into the evaluation scope: `contact.attributes.plan`, `contact.tags`,
 * `vars.order.total`, `trigger.text`. Only these three roots exist.
 */
export const fieldPathSchema = z
  .string()
  .max(200)
  .regex(/^(contact|vars|trigger)(\.[A-Za-z0-9_-]+)+$/, 'a path such as contact.attributes.plan, vars.x or trigger.text');

/** Comparison operators of the rule builder. */
export const conditionOperatorSchema = z.enum([
  'eq',
  'neq',
  'contains',
  'not_contains',
  'starts_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
  'not_exists',
  'in',
  'matches',
]);

/** A comparison operator of the rule builder. */
export type ConditionOperator = z.infer<typeof conditionOperatorSchema>;

const scalarSchema = z.union([z.string().max(1000), z.number(), z.boolean()]);

/**
 * One rule: `field op value`. `value` is required except for `exists`/`not_exists`; `in`
 * takes a list; `matches` takes a regular expression. String comparisons ignore case
 * unless `ignoreCase` is `false`.
 */
export const conditionRuleSchema = z
  .strictObject({
    field: fieldPathSchema,
    op: conditionOperatorSchema,
    value: z.union([scalarSchema, z.array(z.union([z.string().max(1000), z.number()])).max(100)]).optional(),
    ignoreCase: z.boolean().optional(),
  })
  .superRefine((rule, ctx) => {
    const needsValue = rule.op !== 'exists' && rule.op !== 'not_exists';
    if (needsValue && rule.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator "${rule.op}" needs a value` });
    }
    if (rule.op === 'in' && !Array.isArray(rule.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'operator "in" needs a list of values' });
    }
    if (rule.op === 'matches' && (typeof rule.value !== 'string' || !isValidRegex(rule.value))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'operator "matches" needs a valid regular expression (≤ 200 chars)' });
    }
  });

/** One rule of a condition. */
export type ConditionRule = z.infer<typeof conditionRuleSchema>;

/** `all` (AND) or `any` (OR) of up to 20 rules. */
export const conditionSchema = z.strictObject({
  combinator: z.enum(['all', 'any']).default('all'),
  rules: z.array(conditionRuleSchema).min(1).max(20),
});

/** A rule group as configured on `core.condition@1` or a campaign segment. */
export type Condition = z.infer<typeof conditionSchema>;
