import { laneOf, onlyStatuses } from './webhook.controller';

const body = (...values: Record<string, unknown>[]) => ({
  object: 'whatsapp_business_account',
  entry: [
    { id: '102290129340398', changes: values.map((value) => ({ field: 'messages', value: { messaging_product: 'whatsapp', ...value } })) },
  ],
});
const message = { messages: [{ from: '351912345678', id: 'wamid.in', timestamp: '1795700000', type: 'text', text: { body: 'hi' } }] };
const status = { statuses: [{ id: 'wamid.out', status: 'read', timestamp: '1795700001', recipient_id: '351912345678' }] };
const echo = {
  message_echoes: [
    { from: '15550000000', to: '351912345678', id: 'wamid.echo', timestamp: '1795700002', type: 'text', text: { body: 'ok' } },
  ],
};

describe('ingest lanes: customer conversations before statuses', () => {
  it.each<[string, 'conversation' | 'background', Record<string, unknown>]>([
    ['a customer message', 'conversation', body(message)],
    ['a teammate echo', 'conversation', body(echo)],
    ['a status', 'background', body(status)],
    ['statuses batched in one body', 'background', body(status, status)],
    ['a status and a message in one body', 'conversation', body(status, message)],
    [
      'an account update',
      'background',
      {
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] }],
      },
    ],
    ['a body of unknown shape', 'conversation', { hello: 'world' }],
    ['an entry without changes', 'conversation', { entry: [{ id: '1' }] }],
  ])('%s → %s', (_label, lane, payload) => {
    expect(laneOf(payload)).toBe(lane);
  });
});

describe('status-only bodies (applied in batches)', () => {
  it.each<[string, boolean, Record<string, unknown>]>([
    ['a status', true, body(status)],
    ['statuses batched in one body', true, body(status, status)],
    ['a status and a message in one body', false, body(status, message)],
    ['a customer message', false, body(message)],
    [
      'an account update',
      false,
      {
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] }],
      },
    ],
    ['a status entry beside an entry without changes', false, { entry: [...body(status).entry, { id: '2' }] }],
    ['a body of unknown shape', false, { hello: 'world' }],
  ])('%s → %s', (_label, expected, payload) => {
    expect(onlyStatuses(payload)).toBe(expected);
  });
});
