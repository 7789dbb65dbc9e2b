import { segmentSchema, triggerSchema, type EngineEvent, type Trigger } from '../document/trigger.schema';
import { matchSegment, matchTrigger, triggerOpensWindow } from './trigger-match.util';

const trigger = (input: unknown): Trigger => triggerSchema.parse({ id: 't1', ...(input as object) });

describe('matchTrigger', () => {
  test.each<[string, unknown, EngineEvent, boolean]>([
    ['any inbound', { kind: 'message.received', match: { kind: 'any' } }, { kind: 'message.received', text: 'hi' }, true],
    ['kind must match', { kind: 'message.received', match: { kind: 'any' } }, { kind: 'message.echo', text: 'hi' }, false],
    [
      'keyword exact',
      { kind: 'message.received', match: { kind: 'keywords', keywords: ['menu', 'start'] } },
      { kind: 'message.received', text: 'START' },
      true,
    ],
    [
      'keyword exact, longer text',
      { kind: 'message.received', match: { kind: 'keywords', keywords: ['menu'] } },
      { kind: 'message.received', text: 'show menu' },
      false,
    ],
    [
      'keyword contains',
      { kind: 'message.received', match: { kind: 'keywords', keywords: ['menu'], mode: 'contains' } },
      { kind: 'message.received', text: 'show menu' },
      true,
    ],
    [
      'keyword on a media message without caption',
      { kind: 'message.received', match: { kind: 'keywords', keywords: ['menu'] } },
      { kind: 'message.received' },
      false,
    ],
    [
      'regex',
      { kind: 'message.received', match: { kind: 'regex', pattern: '^order\\s+#?\\d+$' } },
      { kind: 'message.received', text: 'ORDER #123' },
      true,
    ],
    [
      'regex, case-sensitive',
      { kind: 'message.received', match: { kind: 'regex', pattern: '^order', ignoreCase: false } },
      { kind: 'message.received', text: 'ORDER 1' },
      false,
    ],
    [
      'template button payload',
      { kind: 'message.received', match: { kind: 'button', payloads: ['promo_yes'] } },
      { kind: 'message.received', buttonPayload: 'promo_yes' },
      true,
    ],
    [
      'interactive button id',
      { kind: 'message.received', match: { kind: 'button', payloads: ['promo_yes'] } },
      { kind: 'message.received', buttonId: 'promo_yes' },
      true,
    ],
    [
      'other button',
      { kind: 'message.received', match: { kind: 'button', payloads: ['promo_yes'] } },
      { kind: 'message.received', buttonPayload: 'promo_no' },
      false,
    ],
    [
      'first message',
      { kind: 'message.received', match: { kind: 'first_message' } },
      { kind: 'message.received', isFirstMessage: true },
      true,
    ],
    [
      'not the first message',
      { kind: 'message.received', match: { kind: 'first_message' } },
      { kind: 'message.received', isFirstMessage: false },
      false,
    ],
    ['echo, any', { kind: 'message.echo' }, { kind: 'message.echo', text: 'Hi, Ana here' }, true],
    [
      'echo, teammate keyword',
      { kind: 'message.echo', match: { kind: 'keywords', keywords: ['#survey'] } },
      { kind: 'message.echo', text: '#survey' },
      true,
    ],
    ['status read', { kind: 'message.status', statuses: ['read'] }, { kind: 'message.status', status: 'read' }, true],
    [
      'status delivered not listened to',
      { kind: 'message.status', statuses: ['read'] },
      { kind: 'message.status', status: 'delivered' },
      false,
    ],
    [
      'status failed, any code',
      { kind: 'message.status', statuses: ['failed'] },
      { kind: 'message.status', status: 'failed', errorCode: 131026 },
      true,
    ],
    [
      'status failed, listed code',
      { kind: 'message.status', statuses: ['failed'], errorCodes: [131047] },
      { kind: 'message.status', status: 'failed', errorCode: 131047 },
      true,
    ],
    [
      'status failed, other code',
      { kind: 'message.status', statuses: ['failed'], errorCodes: [131047] },
      { kind: 'message.status', status: 'failed', errorCode: 131026 },
      false,
    ],
    ['contact synced', { kind: 'contact.synced' }, { kind: 'contact.synced' }, true],
    ['number disconnected', { kind: 'number.disconnected' }, { kind: 'number.disconnected' }, true],
    ['api start aimed at this trigger', { kind: 'api' }, { kind: 'api', triggerId: 't1' }, true],
    ['api start aimed at another trigger', { kind: 'api' }, { kind: 'api', triggerId: 't2' }, false],
    ['campaign', { kind: 'campaign', segment: {} }, { kind: 'campaign' }, true],
  ])('%s', (_name, input, event, expected) => {
    expect(matchTrigger(trigger(input), event)).toBe(expected);
  });
});

describe('triggerOpensWindow', () => {
  test.each([
    ['message.received', true],
    ['message.echo', false],
    ['message.status', false],
    ['contact.synced', false],
    ['number.disconnected', false],
    ['api', false],
    ['campaign', false],
  ] as const)('%s → %s', (kind, expected) => {
    expect(triggerOpensWindow({ kind })).toBe(expected);
  });
});

describe('matchSegment', () => {
  const contact = { tags: ['VIP', 'lisbon'], attributes: { plan: 'pro', orders: 3 } };
  test.each([
    [{}, true],
    [{ tags: { all: ['vip', 'lisbon'] } }, true],
    [{ tags: { all: ['vip', 'porto'] } }, false],
    [{ tags: { any: ['porto', 'lisbon'] } }, true],
    [{ tags: { none: ['vip'] } }, false],
    [{ conditions: { combinator: 'all', rules: [{ field: 'contact.attributes.orders', op: 'gte', value: 3 }] } }, true],
    [
      { tags: { all: ['vip'] }, conditions: { combinator: 'all', rules: [{ field: 'contact.attributes.plan', op: 'eq', value: 'free' }] } },
      false,
    ],
  ] as const)('%j → %s', (segment, expected) => {
    expect(matchSegment(segmentSchema.parse(segment), contact)).toBe(expected);
  });
});
