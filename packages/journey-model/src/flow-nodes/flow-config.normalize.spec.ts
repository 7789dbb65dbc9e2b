import { conditionSchema } from '../document/condition.schema';
import {
  FlowConfigError,
  normalizeConditionConfig,
  normalizeExitConfig,
  normalizeGoalConfig,
  normalizeSplitConfig,
  normalizeWaitConfig,
  normalizeWaitForReplyConfig,
  normalizeWaitForStatusConfig,
} from './flow-config.normalize';
import { splitConfigSchema } from './split.node';
import { exitConfigSchema, goalConfigSchema } from './terminal.node';
import { waitForReplyConfigSchema } from './wait-for-reply.node';
import { waitForStatusConfigSchema } from './wait-for-status.node';
import { waitConfigSchema } from './wait.node';

// The interpreter normalizes configs without zod; for every valid config the result must be
// exactly what the node's schema parses it to (defaults, trimming, key order, absent keys).
const cases: [string, { parse(v: unknown): unknown }, (v: unknown) => unknown, unknown[]][] = [
  [
    'core.wait@1',
    waitConfigSchema,
    normalizeWaitConfig,
    [
      { mode: 'duration', duration: { amount: 90, unit: 'minutes' } },
      { mode: 'until', at: '2026-12-24T18:00:00+00:00' },
      { mode: 'window', window: { start: '09:00', end: '18:00' } },
      { mode: 'window', window: { days: ['sat', 'sun'], start: '22:00', end: '06:00' }, timezone: 'Europe/Lisbon' },
    ],
  ],
  [
    'core.wait-for-reply@1',
    waitForReplyConfigSchema,
    normalizeWaitForReplyConfig,
    [
      {},
      { timeout: { amount: 2, unit: 'days' }, saveReplyAs: 'answer' },
      {
        branches: [
          { port: 'yes', match: { kind: 'choice', ids: ['btn-yes', 'row-yes'] } },
          { port: 'price', match: { kind: 'keyword', keywords: ['  price ', 'cost'] } },
          { port: 'start', match: { kind: 'keyword', keywords: ['go'], mode: 'starts_with' } },
          { port: 'any', match: { kind: 'any' } },
        ],
      },
    ],
  ],
  [
    'core.wait-for-status@1',
    waitForStatusConfigSchema,
    normalizeWaitForStatusConfig,
    [{ awaiting: ['read'] }, { awaiting: ['delivered', 'failed'], failedErrorCodes: [131047], timeout: { amount: 10, unit: 'minutes' } }],
  ],
  [
    'core.condition@1',
    conditionSchema,
    normalizeConditionConfig,
    [
      { rules: [{ field: 'contact.tags', op: 'contains', value: 'vip' }] },
      {
        combinator: 'any',
        rules: [
          { field: 'vars.n', op: 'gt', value: 2 },
          { field: 'trigger.text', op: 'eq', value: 'Hi', ignoreCase: true },
          { field: 'contact.attributes.plan', op: 'exists' },
          { field: 'contact.attributes.city', op: 'in', value: ['Lisbon', 'Porto'] },
        ],
      },
    ],
  ],
  [
    'core.split@1',
    splitConfigSchema,
    normalizeSplitConfig,
    [
      {},
      {
        variants: [
          { port: 'x', weight: 1 },
          { port: 'y', weight: 3 },
          { port: 'z', weight: 6 },
        ],
      },
    ],
  ],
  ['core.goal@1', goalConfigSchema, normalizeGoalConfig, [{ name: ' signed up ' }]],
  ['core.exit@1', exitConfigSchema, normalizeExitConfig, [{}, { reason: ' not interested ' }]],
];

describe.each(cases)('%s config without zod', (_type, schema, normalize, configs) => {
  it.each(configs.map((c) => [JSON.stringify(c), c]))('%s → exactly what the schema parses', (_label, config) => {
    const parsed = schema.parse(structuredClone(config));
    const normalized = normalize(structuredClone(config));
    expect(normalized).toStrictEqual(parsed);
    expect(JSON.stringify(normalized)).toBe(JSON.stringify(parsed)); // same key order
  });
});

describe('configs that cannot be run', () => {
  it.each<[string, () => unknown]>([
    ['a wait without a mode', () => normalizeWaitConfig({ duration: { amount: 1, unit: 'hours' } })],
    ['a duration in weeks', () => normalizeWaitConfig({ mode: 'duration', duration: { amount: 1, unit: 'weeks' } })],
    ['a status wait for nothing', () => normalizeWaitForStatusConfig({ awaiting: [] })],
    ['a condition without rules', () => normalizeConditionConfig({ rules: [] })],
    ['a reply branch of an unknown kind', () => normalizeWaitForReplyConfig({ branches: [{ port: 'x', match: { kind: 'emoji' } }] })],
    ['a config that is not an object', () => normalizeSplitConfig('a/b')],
  ])('%s → FlowConfigError', (_label, run) => {
    expect(run).toThrow(FlowConfigError);
  });
});
