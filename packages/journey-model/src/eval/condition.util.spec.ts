import type { ConditionRule } from '../document/condition.schema';
import { conditionSchema } from '../document/condition.schema';
import { evaluateCondition, evaluateRule } from './condition.util';
import { resolvePath } from './field-path.util';

const scope = {
  contact: {
    id: 'c1',
    profileName: 'Ana',
    tags: ['vip', 'Lisbon'],
    attributes: { plan: 'Pro', seats: '12', score: 7.5, churned: false, empty: '' },
  },
  vars: { order: { total: 120, items: ['shoe'] } },
  trigger: { kind: 'message.received', text: 'Quero cancelar o pedido' },
};

describe('evaluateRule', () => {
  test.each<[ConditionRule, boolean]>([
    [{ field: 'contact.attributes.plan', op: 'eq', value: 'pro' }, true],
    [{ field: 'contact.attributes.plan', op: 'eq', value: 'pro', ignoreCase: false }, false],
    [{ field: 'contact.attributes.plan', op: 'neq', value: 'free' }, true],
    [{ field: 'contact.attributes.seats', op: 'eq', value: 12 }, true],
    [{ field: 'contact.attributes.seats', op: 'gt', value: 10 }, true],
    [{ field: 'contact.attributes.seats', op: 'lte', value: 11 }, false],
    [{ field: 'contact.attributes.score', op: 'gte', value: 7.5 }, true],
    [{ field: 'contact.attributes.score', op: 'lt', value: '8' }, true],
    [{ field: 'contact.attributes.plan', op: 'gt', value: 1 }, false],
    [{ field: 'contact.attributes.churned', op: 'eq', value: false }, true],
    [{ field: 'contact.attributes.churned', op: 'eq', value: 'false' }, true],
    [{ field: 'contact.tags', op: 'contains', value: 'VIP' }, true],
    [{ field: 'contact.tags', op: 'not_contains', value: 'blocked' }, true],
    [{ field: 'contact.tags', op: 'eq', value: 'lisbon' }, true],
    [{ field: 'contact.tags', op: 'neq', value: 'lisbon' }, false],
    [{ field: 'trigger.text', op: 'contains', value: 'cancelar' }, true],
    [{ field: 'trigger.text', op: 'starts_with', value: 'quero' }, true],
    [{ field: 'trigger.text', op: 'matches', value: '^quero\\s+cancel' }, true],
    [{ field: 'trigger.text', op: 'matches', value: '^Quero', ignoreCase: false }, true],
    [{ field: 'trigger.text', op: 'matches', value: '^QUERO', ignoreCase: false }, false],
    [{ field: 'contact.attributes.plan', op: 'in', value: ['basic', 'pro'] }, true],
    [{ field: 'contact.attributes.plan', op: 'in', value: ['basic'] }, false],
    [{ field: 'vars.order.total', op: 'gte', value: 100 }, true],
    [{ field: 'vars.order.items', op: 'contains', value: 'shoe' }, true],
    [{ field: 'contact.attributes.plan', op: 'exists' }, true],
    [{ field: 'contact.attributes.empty', op: 'exists' }, false],
    [{ field: 'contact.attributes.missing', op: 'not_exists' }, true],
    [{ field: 'contact.attributes.missing', op: 'eq', value: 'x' }, false],
  ])('%j → %s', (rule, expected) => {
    expect(evaluateRule(rule, scope)).toBe(expected);
  });
});

describe('evaluateCondition', () => {
  const pro = { field: 'contact.attributes.plan', op: 'eq', value: 'pro' } as const;
  const free = { field: 'contact.attributes.plan', op: 'eq', value: 'free' } as const;

  test.each([
    ['all', [pro, free], false],
    ['any', [pro, free], true],
    ['all', [pro], true],
  ] as const)('%s of %j → %s', (combinator, rules, expected) => {
    expect(evaluateCondition({ combinator, rules: [...rules] }, scope)).toBe(expected);
  });
});

describe('conditionSchema', () => {
  test.each([
    [{ rules: [{ field: 'contact.attributes.plan', op: 'eq' }] }, 'needs a value'],
    [{ rules: [{ field: 'contact.attributes.plan', op: 'in', value: 'pro' }] }, 'list of values'],
    [{ rules: [{ field: 'contact.attributes.plan', op: 'matches', value: '([' }] }, 'valid regular expression'],
    [{ rules: [{ field: 'process.env.SECRET', op: 'exists' }] }, 'contact.attributes.plan'],
    [{ rules: [] }, 'Too small'],
  ])('rejects %j', (config, message) => {
    const result = conditionSchema.safeParse(config);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' | ')).toContain(message);
  });
});

describe('resolvePath', () => {
  test.each([
    ['vars.order.total', 120],
    ['vars.order.items.0', 'shoe'],
    ['contact.__proto__', undefined],
    ['contact.constructor', undefined],
    ['vars.order.total.toFixed', undefined],
    ['contact.attributes.plan.length', undefined],
  ])('%s → %j', (path, expected) => {
    expect(resolvePath(scope, path)).toBe(expected);
  });
});
