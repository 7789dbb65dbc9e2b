import { flowNodes, journeyBuilder, toRunDocument, type FlowRunNode } from '@tandem/journey-model';
import type { RunInbox } from '../run-input.types';
import type { FlowContext, FlowDecision, FlowWait } from './flow-step.types';
import { decideFlowNode, FLOW_STEPS } from './flow-steps';

const NOW = Date.parse('2025-06-06T16:30:00Z'); // a Friday
const ctx: FlowContext = {
  nowMs: NOW,
  journeyId: 'j1',
  nodeId: 'n',
  timezone: 'Europe/Lisbon',
  contact: { id: 'c1', attributes: { plan: 'pro', visits: '3' }, tags: ['vip'], optedOut: false, humanOwned: false, windowOpenUntil: null },
  vars: { score: 7 },
  trigger: { kind: 'message.received', eventId: 'e1', text: 'Price please' },
};
/** A flow node as the run's first activity hands it over: parsed and defaulted. */
const node = (type: string, config: Record<string, unknown> = {}) =>
  toRunDocument(journeyBuilder().node('n', type, config).raw()).nodes[0] as FlowRunNode;
const waitOf = (decision: FlowDecision): FlowWait => {
  if (decision.kind !== 'wait') throw new Error(`expected a wait, got ${decision.kind}`);
  return decision.wait;
};
const iso = (ms: number) => new Date(ms).toISOString();
const empty: RunInbox = { replies: [], statuses: [] };

describe('the step registry', () => {
  it('has one step for every flow node of @tandem/journey-model, under the same key, and nothing else', () => {
    const specKeys = Object.values(flowNodes).map((spec) => spec.key);
    expect(Object.keys(FLOW_STEPS).sort()).toEqual([...specKeys].sort());
    for (const [key, step] of Object.entries(FLOW_STEPS)) expect(step.type).toBe(key);
  });
});

describe('core.wait@1', () => {
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
    const wait = waitOf(decideFlowNode(node('core.wait@1', config), ctx));
    expect([wait.on, iso(wait.untilMs)]).toEqual(['timer', expected]);
    expect(wait.ready({ inbox: empty })).toBe(false);
    expect(wait.end({ inbox: empty })).toEqual({ port: 'main' });
  });

  it('reads a window in the journey timezone when the node has none', () => {
    const friday = node('core.wait@1', { mode: 'window', window: { days: ['fri'], start: '17:00', end: '18:00' } });
    expect(iso(waitOf(decideFlowNode(friday, { ...ctx, timezone: 'Asia/Tokyo' })).untilMs)).toBe('2025-06-13T08:00:00.000Z');
    expect(iso(waitOf(decideFlowNode(friday, ctx)).untilMs)).toBe('2025-06-06T16:30:00.000Z');
  });
});

describe('core.wait-for-reply@1', () => {
  const ask = node('core.wait-for-reply@1', {
    branches: [{ port: 'yes', match: { kind: 'choice', ids: ['btn-yes'] } }],
    saveReplyAs: 'answer',
  });
  const yes = { eventId: 'e2', wamid: 'w2', buttonId: 'btn-yes', text: 'Yes' };

  it('waits 24 h by default and is ready once any reply is buffered', () => {
    const wait = waitOf(decideFlowNode(node('core.wait-for-reply@1'), ctx));
    expect([wait.on, wait.untilMs - NOW]).toEqual(['reply', 86_400_000]);
    expect(wait.ready({ inbox: empty })).toBe(false);
    expect(wait.ready({ inbox: { ...empty, replies: [yes] } })).toBe(true);
  });

  it('takes the matching reply, saves its text and empties the reply buffer', () => {
    const other = { eventId: 'e1', wamid: 'w1', text: 'hm' };
    const ended = waitOf(decideFlowNode(ask, ctx)).end({ inbox: { ...empty, replies: [other, yes] } });
    expect(ended).toEqual({
      port: 'yes',
      output: { reply: yes },
      vars: { answer: 'Yes' },
      inbox: { ...empty, replies: [], seen: ['e1', 'e2'] },
    });
  });

  it('ends on timeout with nothing to take', () => {
    expect(waitOf(decideFlowNode(ask, ctx)).end({ inbox: empty })).toEqual({ port: 'timeout' });
  });
});

describe('core.wait-for-status@1', () => {
  const seen = node('core.wait-for-status@1', { awaiting: ['read'], timeout: { amount: 2, unit: 'hours' } });
  const lastSend = { status: 'accepted' as const, wamid: 'w1' };

  it('waits for a status of the latest send, and records which send it watched', () => {
    const wait = waitOf(decideFlowNode(seen, ctx));
    expect([wait.on, wait.untilMs - NOW]).toEqual(['status', 7_200_000]);
    const delivered = { ...empty, statuses: [{ wamid: 'w1', status: 'delivered' as const }] };
    const read = { ...empty, statuses: [{ wamid: 'w1', status: 'read' as const }] };
    expect(wait.ready({ inbox: delivered, lastSend })).toBe(false);
    expect(wait.ready({ inbox: read, lastSend })).toBe(true);
    expect(wait.end({ inbox: read, lastSend })).toEqual({ port: 'read', output: { wamid: 'w1' } });
    expect(wait.end({ inbox: delivered, lastSend })).toEqual({ port: 'timeout', output: { wamid: 'w1' } });
  });

  it('is ready at once, on timeout, when the run sent nothing', () => {
    const wait = waitOf(decideFlowNode(seen, ctx));
    expect(wait.ready({ inbox: empty })).toBe(true);
    expect(wait.end({ inbox: empty })).toEqual({ port: 'timeout', output: { wamid: null } });
  });
});

describe('nodes that decide at once', () => {
  test.each([
    ['condition true', node('core.condition@1', { rules: [{ field: 'contact.attributes.visits', op: 'gte', value: 3 }] }), 'true'],
    [
      'condition on vars and trigger',
      node('core.condition@1', {
        rules: [
          { field: 'vars.score', op: 'lt', value: 5 },
          { field: 'trigger.text', op: 'contains', value: 'price' },
        ],
      }),
      'false',
    ],
  ])('%s', (_name, n, port) => {
    expect(decideFlowNode(n, ctx)).toEqual({ kind: 'continue', port });
  });

  test.each([
    ['goal', node('core.goal@1', { name: ' Bought ' }), { kind: 'continue', port: 'main', output: { goal: 'Bought' } }],
    [
      'exit with a reason',
      node('core.exit@1', { reason: 'not interested' }),
      { kind: 'finish', status: 'exited', output: { reason: 'not interested' } },
    ],
    ['exit', node('core.exit@1'), { kind: 'finish', status: 'exited' }],
    ['end', node('core.end@1'), { kind: 'finish', status: 'completed' }],
  ])('%s', (_name, n, expected) => {
    expect(decideFlowNode(n, ctx)).toEqual(expected);
  });

  it('splits by contact and node: stable for one contact, spread over many (default 50/50 when unconfigured)', () => {
    const weighted = node('core.split@1', {
      variants: [
        { port: 'a', weight: 1 },
        { port: 'b', weight: 3 },
      ],
    });
    const portFor = (split: FlowRunNode, id: string) => {
      const d = decideFlowNode(split, { ...ctx, contact: { ...ctx.contact, id } });
      return d.kind === 'continue' ? d.port : 'none';
    };
    expect(portFor(weighted, 'c1')).toBe(portFor(weighted, 'c1'));
    const share = (split: FlowRunNode) =>
      Array.from({ length: 400 }, (_, i) => portFor(split, `contact-${i}`)).filter((p) => p === 'b').length / 400;
    expect(share(weighted)).toBeGreaterThan(0.65);
    expect(share(weighted)).toBeLessThan(0.85);
    expect(share(node('core.split@1'))).toBeGreaterThan(0.4);
    expect(share(node('core.split@1'))).toBeLessThan(0.6);
  });
});
