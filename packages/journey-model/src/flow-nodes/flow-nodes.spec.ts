import { nodeKey } from '../catalogue/describe-node-spec.util';
import { conditionSpec } from './condition.node';
import { FLOW_NODE_TYPES, flowNodes } from './flow-nodes';
import { splitSpec } from './split.node';
import { exitSpec, goalSpec } from './terminal.node';
import { waitSpec } from './wait.node';

describe('core.wait@1', () => {
  test.each([
    [
      { mode: 'duration', duration: { amount: 2, unit: 'days' } },
      { minMs: 172_800_000, maxMs: 172_800_000 },
    ],
    [
      { mode: 'until', at: '2030-01-01T09:00:00+01:00' },
      { minMs: 0, maxMs: null },
    ],
    [
      { mode: 'window', window: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '09:00', end: '21:00' } },
      { minMs: 0, maxMs: 13 * 3_600_000 },
    ],
  ])('%j holds a run for %j', (config, delay) => {
    expect(waitSpec.delay?.(waitSpec.configSchema.parse(config), 'main')).toEqual(delay);
  });

  test.each([
    [{ mode: 'duration', duration: { amount: 0, unit: 'hours' } }],
    [{ mode: 'until', at: 'tomorrow' }],
    [{ mode: 'until', at: '2030-01-01T09:00:00' }],
    [{ mode: 'window', window: { start: '09:00', end: '17:00' }, timezone: 'Lisbon' }],
    [{ mode: 'forever' }],
  ])('rejects %j', (config) => {
    expect(waitSpec.configSchema.safeParse(config).success).toBe(false);
  });
});

describe('core.split@1', () => {
  it('has one port per variant', () => {
    const config = splitSpec.configSchema.parse({
      variants: [
        { port: 'control', weight: 80 },
        { port: 'promo', weight: 20 },
      ],
    });
    expect(splitSpec.ports(config)).toEqual(['control', 'promo']);
  });

  test.each([
    [{ variants: [{ port: 'a', weight: 100 }] }, 'Too small'],
    [
      {
        variants: [
          { port: 'a', weight: 1 },
          { port: 'a', weight: 1 },
        ],
      },
      'variant names must be unique',
    ],
    [
      {
        variants: [
          { port: 'a', weight: 0 },
          { port: 'b', weight: 1 },
        ],
      },
      'Too small',
    ],
  ])('rejects %j', (config, message) => {
    expect(splitSpec.configSchema.safeParse(config).error?.issues[0].message).toContain(message);
  });
});

describe('other flow nodes', () => {
  it('condition branches true/false, goal continues on main, exit ends', () => {
    expect(conditionSpec.staticPorts).toEqual(['true', 'false']);
    expect(goalSpec.ports({ name: 'Booked a demo' })).toEqual(['main']);
    expect(exitSpec.ports({})).toEqual([]);
    expect(goalSpec.configSchema.safeParse({ name: '  ' }).success).toBe(false);
  });
});

describe('the flow node registry', () => {
  it('keys every node by type@version and names that key in FLOW_NODE_TYPES', () => {
    for (const [name, spec] of Object.entries(flowNodes)) {
      expect(spec.key).toBe(nodeKey(spec));
      expect(FLOW_NODE_TYPES[name as keyof typeof FLOW_NODE_TYPES]).toBe(spec.key);
    }
    expect(FLOW_NODE_TYPES.waitForStatus).toBe('core.wait-for-status@1');
  });
});
