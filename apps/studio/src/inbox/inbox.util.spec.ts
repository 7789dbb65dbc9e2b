import { bodyParamCount, originLabel, parseTags, ticksOf, windowCountdown } from './inbox.util';

const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('originLabel', () => {
  test.each([
    [{ origin: 'customer' as const, author: null }, 'Customer'],
    [{ origin: 'customer_history' as const, author: null }, 'Customer · history sync'],
    [{ origin: 'journey' as const, author: null }, 'Journey'],
    [{ origin: 'agent' as const, author: 'Ana' }, 'Ana · inbox'],
    [{ origin: 'phone_app' as const, author: null }, 'Teammate · phone app'],
  ])('%j → %s', (m, expected) => expect(originLabel(m)).toBe(expected));
});

describe('ticksOf', () => {
  test.each([
    [{ origin: 'customer' as const, status: null }, ''],
    [{ origin: 'agent' as const, status: 'accepted' }, 'pending'],
    [{ origin: 'agent' as const, status: 'sent' }, 'sent'],
    [{ origin: 'journey' as const, status: 'delivered' }, 'delivered'],
    [{ origin: 'journey' as const, status: 'read' }, 'read'],
    [{ origin: 'journey' as const, status: 'failed' }, 'failed'],
    [{ origin: 'phone_app' as const, status: null }, ''],
  ])('%j → %s', (m, label) => expect(ticksOf(m).label).toBe(label));
});

describe('windowCountdown', () => {
  test.each([
    [null, 'closed'],
    [new Date(NOW - 1).toISOString(), 'closed'],
    [new Date(NOW + 42 * 60_000).toISOString(), '42m'],
    [new Date(NOW + (5 * 60 + 7) * 60_000).toISOString(), '5h 07m'],
    [new Date(NOW + 30_000).toISOString(), '1m'],
  ])('%s → %s', (until, expected) => expect(windowCountdown(until, NOW)).toBe(expected));
});

describe('bodyParamCount', () => {
  test.each([
    [[{ type: 'BODY', text: 'Hi {{1}}, order {{2}} ships {{2}}' }], 2],
    [
      [
        { type: 'HEADER', text: '{{1}}' },
        { type: 'BODY', text: 'Plain' },
      ],
      0,
    ],
    [[{ type: 'BODY', text: 'Hi {{name}}' }], 1],
    [[], 0],
  ])('%j → %d', (components, n) => expect(bodyParamCount(components)).toBe(n));
});

describe('parseTags', () => {
  it('splits, trims and drops blanks and repeats', () => expect(parseTags(' vip, shoes ,, vip ')).toEqual(['vip', 'shoes']));
});
