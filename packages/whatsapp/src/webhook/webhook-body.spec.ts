import { classifyWebhookBody, isWebhookBody } from './webhook-body.util';

describe('isWebhookBody', () => {
  it.each([
    ['an envelope', '{"object":"whatsapp_business_account","entry":[]}', true],
    ['an object of unknown shape', '{"hello":1}', true],
    ['an array', '[{"object":"whatsapp_business_account"}]', false],
    ['a string', '"text"', false],
    ['null', 'null', false],
    ['broken JSON', '{"object":', false],
    ['an empty body', '', false],
  ])('%s → %s', (_name, body, expected) => {
    expect(isWebhookBody(Buffer.from(body))).toBe(expected);
    expect(isWebhookBody(body)).toBe(expected);
  });
});

describe('classifyWebhookBody', () => {
  const envelope = (...values: unknown[]) =>
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'w', changes: values.map((value) => ({ field: 'messages', value })) }],
    });
  const statuses = { messaging_product: 'whatsapp', metadata: {}, statuses: [{ id: 'wamid.1', status: 'read' }] };
  const message = { messaging_product: 'whatsapp', metadata: {}, contacts: [{ wa_id: '1' }], messages: [{ id: 'wamid.2', type: 'text' }] };

  it.each([
    ['statuses only', envelope(statuses), 'statuses'],
    ['statuses in two changes', envelope(statuses, statuses), 'statuses'],
    ['a customer message', envelope(message), 'other'],
    ['statuses beside a message', envelope(statuses, message), 'other'],
    ['statuses and messages in one change', envelope({ ...statuses, messages: message.messages }), 'other'],
    ['an account change', JSON.stringify({ entry: [{ changes: [{ field: 'account_update', value: { statuses: [] } }] }] }), 'other'],
    ['no changes', '{"object":"whatsapp_business_account","entry":[]}', 'other'],
    ['an object of unknown shape', '{"hello":1}', 'other'],
    ['an array', '[]', undefined],
    ['broken JSON', '{"entry":', undefined],
  ])('%s → %s', (_name, body, expected) => {
    expect(classifyWebhookBody(Buffer.from(body))).toBe(expected);
  });
});
