import { journeyBuilder, type JourneyNode } from '@tandem/journey-model';
import { decideFlowNode, waitUntil, type FlowScope } from './flow-step.util';

const NOW = Date.parse('2025-06-06T16:30:00Z'); // a Friday
const scope: FlowScope = {
  nowMs: NOW,
  journeyId: 'j1',
  timezone: 'Europe/Lisbon',
  contact: { id: 'c1', attributes: { plan: 'pro', visits: '3' }, tags: ['vip'], optedOut: false, humanOwned: false, windowOpenUntil: null },
  vars: { score: 7 },
  trigger: { kind: 'message.received', eventId: 'e1', text: 'Price please' },
};
const node = (type: string, config: Record<string, unknown>): JourneyNode => journeyBuilder().node('n', type, config).build().nodes[0];

describe('waitUntil', () => {
  test.each([
    ['90 minutes later', { mode: 'duration', duration: { amount: 90, unit: 'minutes' } }, '2025-06-06T18:00:00.000Z'],
    ['an instant', { mode: 'until', at: '2025-06-07T08:00:00+01:00' }, '2025-06-07T07:00:00.000Z'],
    ['an instant already past (go on at once)', { mode: 'until', at: '2025-01-01T00:00:00Z' }, '2025-01-01T00:00:00.000Z'],
    ['inside the window: now', { mode: 'window', window: { days: ['fri'], start: '09:00', end: '18:00' } }, '2025-06-06T16:30:00.000Z'],
    [
      'after hours on Friday: Monday 09:00 Lisbon (WEST, UTC+1)',
      { mode: 'window', window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }, timezone: 'Europe/Lisbon' },
      '2025-06-09T08:00:00.000Z',
    ],
    [
      'the node timezone wins over the journey timezone',
      { mode: 'window', window: { days: ['sat'], start: '10:00', end: '12:00' }, timezone: 'America/New_York' },
      '2025-06-07T14:00:00.000Z',
    ],
  ])('%s', (_name, config, expected) => {
    expect(new Date(waitUntil(config, scope)).toISOString()).toBe(expected);
  });

  it('reads a window in the journey timezone when the node has none', () => {
    const config = { mode: 'window', window: { days: ['fri'], start: '17:00', end: '18:00' } };
    expect(new Date(waitUntil(config, { ...scope, timezone: 'Asia/Tokyo' })).toISOString()).toBe('2025-06-13T08:00:00.000Z');
    expect(new Date(waitUntil(config, scope)).toISOString()).toBe('2025-06-06T16:30:00.000Z');
  });
});

describe('decideFlowNode', () => {
  test.each([
    [
      'condition true',
      node('core.condition@1', { rules: [{ field: 'contact.attributes.visits', op: 'gte', value: 3 }] }),
      { kind: 'continue', port: 'true' },
    ],
    [
      'condition on vars and trigger',
      node('core.condition@1', {
        combinator: 'all',
        rules: [
          { field: 'vars.score', op: 'lt', value: 5 },
          { field: 'trigger.text', op: 'contains', value: 'price' },
        ],
      }),
      { kind: 'continue', port: 'false' },
    ],
    ['goal', node('core.goal@1', { name: 'Bought' }), { kind: 'continue', port: 'main', output: { goal: 'Bought' } }],
    ['exit', node('core.exit@1', {}), { kind: 'finish', status: 'exited' }],
    ['end', node('core.end@1', {}), { kind: 'finish', status: 'completed' }],
    [
      'wait for a reply (defaults: 24 h)',
      node('core.wait-for-reply@1', {}),
      { kind: 'await_reply', timeoutMs: 86_400_000, config: { timeout: { amount: 24, unit: 'hours' }, branches: [] } },
    ],
    [
      'wait for status',
      node('core.wait-for-status@1', { awaiting: ['read'], timeout: { amount: 2, unit: 'hours' } }),
      { kind: 'await_status', timeoutMs: 7_200_000, config: { awaiting: ['read'], timeout: { amount: 2, unit: 'hours' } } },
    ],
  ])('%s', (_name, n, expected) => {
    expect(decideFlowNode(n, scope)).toEqual(expected);
  });

  it('splits by contact and journey: stable for one contact, spread over many', () => {
    const split = node('core.split@1', {
      variants: [
        { port: 'a', weight: 1 },
        { port: 'b', weight: 3 },
      ],
    });
    const portFor = (id: string) => {
      const d = decideFlowNode(split, { ...scope, contact: { ...scope.contact, id } });
      return d.kind === 'continue' ? d.port : 'none';
    };
    expect(portFor('c1')).toBe(portFor('c1'));
    const ports = Array.from({ length: 400 }, (_, i) => portFor(`contact-${i}`));
    const share = ports.filter((p) => p === 'b').length / ports.length;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.85);
  });

  it('throws on an invalid flow config instead of guessing', () => {
    expect(() => decideFlowNode(node('core.condition@1', { rules: [] }), scope)).toThrow();
  });
});
