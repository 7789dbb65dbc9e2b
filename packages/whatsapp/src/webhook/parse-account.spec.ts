import { fixture, WEBHOOK_FIXTURES } from '../__fixtures__/load-fixture.util';
import type { NormalizedEvent } from './events.types';
import { parseWebhook } from './parse-webhook.util';

const WABA = '114620785021387';

function only<K extends NormalizedEvent['kind']>(name: string, kind: K): Extract<NormalizedEvent, { kind: K }> {
  const events = parseWebhook(fixture(name));
  expect(events.map((e) => e.kind)).toEqual([kind]);
  return events[0] as Extract<NormalizedEvent, { kind: K }>;
}

describe('parseWebhook — account-level fields (routed by WABA)', () => {
  test('PARTNER_REMOVED with disconnection info', () => {
    const e = only('account_update.partner_removed.json', 'account.updated');
    expect(e).toMatchObject({
      wabaId: WABA,
      event: 'PARTNER_REMOVED',
      disconnectionInfo: { reason: 'PRIMARY_INACTIVITY', initiatedBy: 'SYSTEM' },
      wabaInfo: { wabaId: WABA, ownerBusinessId: '2329417887457253' },
      timestamp: 1781007200_000,
      dedupKey: `${WABA}:account_update:PARTNER_REMOVED:1781007200`,
    });
    expect(e.phoneNumberId).toBeUndefined();
  });

  test('ACCOUNT_OFFBOARDED', () => {
    expect(only('account_update.account_offboarded.json', 'account.updated').event).toBe('ACCOUNT_OFFBOARDED');
  });

  test('account_update with `field` outside `changes` is still an account update', () => {
    const e = only('account_update.misplaced_field.json', 'account.updated');
    expect(e).toMatchObject({ event: 'PARTNER_ADDED', wabaInfo: { partnerAppId: '979106060516447' } });
  });

  test.each([
    [
      'message_template_status_update.approved.json',
      { event: 'APPROVED', name: 'order_shipped_v2', language: 'en_US', category: 'UTILITY', templateId: '1689556908129832' },
    ],
    [
      'message_template_status_update.paused.json',
      { event: 'PAUSED', name: 'summer_sale_2026', language: 'es', otherInfo: { title: 'FIRST_PAUSE' } },
    ],
  ])('%s becomes template.status', (name, expected) => {
    expect(only(name, 'template.status')).toMatchObject(expected);
  });

  test('message_template_quality_update becomes template.quality', () => {
    expect(only('message_template_quality_update.yellow.json', 'template.quality')).toMatchObject({
      templateId: '1702873366051204',
      name: 'summer_sale_2026',
      language: 'es',
      qualityScore: 'YELLOW',
      previousQualityScore: 'GREEN',
      dedupKey: `${WABA}:message_template_quality_update:1702873366051204:YELLOW:1781004200`,
    });
  });

  test('template_category_update becomes template.category, also when Meta only announces the category', () => {
    expect(only('template_category_update.marketing.json', 'template.category')).toMatchObject({
      name: 'order_shipped_v2',
      previousCategory: 'UTILITY',
      newCategory: 'MARKETING',
      timestamp: 1781004800_000,
    });
    const announced = parseWebhook({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA,
          time: 1781004900,
          changes: [
            {
              field: 'template_category_update',
              value: { message_template_id: 1, message_template_name: 'x', message_template_language: 'en', correct_category: 'utility' },
            },
          ],
        },
      ],
    });
    expect(announced).toMatchObject([{ kind: 'template.category', correctCategory: 'UTILITY' }]);
    expect(announced[0]).not.toHaveProperty('newCategory');
  });

  test('an unsubscribed/unknown field is kept as unknown with its raw value', () => {
    const e = only('unknown_field.phone_number_quality_update.json', 'unknown');
    expect(e).toMatchObject({ field: 'phone_number_quality_update', reason: 'unknown_field', value: { event: 'FLAGGED' } });
  });
});

describe('parseWebhook — batching and robustness', () => {
  test('two WABAs, five changes: every item, routed to its own number', () => {
    const events = parseWebhook(fixture('batched.two_entries.json'));
    expect(events.map((e) => [e.kind, e.wabaId, e.phoneNumberId])).toEqual([
      ['message.received', WABA, '108932450377265'],
      ['message.received', WABA, '108932450377265'],
      ['message.status', WABA, '108932450377265'],
      ['message.status', WABA, '108932450377265'],
      ['message.echo', WABA, '108932450377265'],
      ['message.received', '120398475610923', '117845209336471'],
      ['message.status', '120398475610923', '117845209336471'],
    ]);
    const priya = events[1];
    expect(priya.kind === 'message.received' && priya.contact).toEqual({ waId: '447700900123', profileName: 'Priya Shah' });
  });

  test.each(WEBHOOK_FIXTURES)('%s: parsing is deterministic, so redelivery gives the same dedup keys', (name) => {
    const first = parseWebhook(fixture(name), { receivedAt: 1 });
    const again = parseWebhook(fixture(name), { receivedAt: 2 });
    expect(first.length).toBeGreaterThan(0);
    expect(again.map((e) => e.dedupKey)).toEqual(first.map((e) => e.dedupKey));
    expect(new Set(first.map((e) => e.dedupKey)).size).toBe(first.length);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a string that is not JSON', 'not json'],
    ['an array', [1, 2]],
    ['another object type', { object: 'page', entry: [] }],
    ['entry not an array', { object: 'whatsapp_business_account', entry: {} }],
    ['entry without id', { object: 'whatsapp_business_account', entry: [{ changes: [] }] }],
  ])('garbage input (%s) gives no events and does not throw', (_label, body) => {
    expect(parseWebhook(body)).toEqual([]);
  });

  test('malformed items inside a valid change become unknown events instead of throwing', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA,
          changes: [
            {
              field: 'messages',
              value: { metadata: { phone_number_id: '1' }, messages: [{ nope: true }], statuses: [{ id: 'w', status: 'exploded' }] },
            },
            { field: 'messages', value: 'a string' },
            { field: 'account_update', value: { no_event: 1 } },
          ],
        },
      ],
    };
    expect(parseWebhook(body).map((e) => e.kind === 'unknown' && e.reason)).toEqual([
      'unknown_item',
      'unknown_item',
      'invalid_change',
      'invalid_change',
    ]);
  });

  test('the raw Buffer of a POST body is accepted', () => {
    const events = parseWebhook(Buffer.from(JSON.stringify(fixture('messages.text.json'))));
    expect(events.map((e) => e.kind)).toEqual(['message.received']);
  });
});
