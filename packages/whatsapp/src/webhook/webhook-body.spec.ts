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
    expect(classifyWebhookBody(Buffer.from(body))?.kind).toBe(expected);
  });

  it('names every phone_number_id and WABA of the body, once each, in order', () => {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '910000000000001',
          changes: [
            {
              field: 'messages',
              value: { ...statuses, metadata: { display_phone_number: '15550001', phone_number_id: '900000000000001' } },
            },
            { field: 'smb_message_echoes', value: { metadata: { phone_number_id: '900000000000003' } } },
          ],
        },
        {
          id: '910000000000002',
          changes: [{ field: 'messages', value: { ...message, metadata: { phone_number_id: '900000000000002' } } }],
        },
        {
          id: '910000000000001',
          changes: [{ field: 'messages', value: { ...statuses, metadata: { phone_number_id: '900000000000001' } } }],
        },
      ],
    });
    expect(classifyWebhookBody(body)).toEqual({
      kind: 'other',
      phoneNumberIds: ['900000000000001', '900000000000003', '900000000000002'],
      wabaIds: ['910000000000001', '910000000000002'],
    });
  });

  it.each([
    [
      'an account change (a WABA, no number)',
      { entry: [{ id: 'w1', changes: [{ field: 'account_update', value: { event: 'X' } }] }] },
      [],
      ['w1'],
    ],
    ['numeric ids', { entry: [{ id: 42, changes: [{ field: 'messages', value: { metadata: { phone_number_id: 7 } } }] }] }, ['7'], ['42']],
    [
      'blank, missing and odd ids',
      {
        entry: [
          { id: '', changes: [{ value: { metadata: { phone_number_id: ' ' } } }, { value: null }, null] },
          { id: { x: 1 } },
          null,
          'x',
        ],
      },
      [],
      [],
    ],
    ['no entries', { object: 'whatsapp_business_account' }, [], []],
    ['metadata that is not an object', { entry: [{ id: 'w', changes: [{ value: { metadata: ['p'] } }] }] }, [], ['w']],
  ])('reads the ids of %s', (_name, body, phoneNumberIds, wabaIds) => {
    expect(classifyWebhookBody(JSON.stringify(body))).toMatchObject({ kind: 'other', phoneNumberIds, wabaIds });
  });
});

describe('classifyWebhookBody: ids longer than any real one', () => {
  it('are left out of the names stored with the delivery (they are indexed)', () => {
    const long = 'x'.repeat(257);
    const body = { entry: [{ id: long, changes: [{ field: 'messages', value: { metadata: { phone_number_id: long } } }] }, { id: 'w' }] };
    expect(classifyWebhookBody(JSON.stringify(body))).toMatchObject({ wabaIds: ['w'], phoneNumberIds: [] });
  });
});
