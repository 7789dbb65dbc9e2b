import { fixture } from '../__fixtures__/load-fixture.util';
import type { MessageReceivedEvent, MessageStatusEvent, NormalizedEvent } from './events.types';
import { parseWebhook } from './parse-webhook.util';

const WABA = '114620785021387';
const PHONE_ID = '108932450377265';

function only<K extends NormalizedEvent['kind']>(name: string, kind: K): Extract<NormalizedEvent, { kind: K }> {
  const events = parseWebhook(fixture(name));
  expect(events).toHaveLength(1);
  expect(events[0].kind).toBe(kind);
  return events[0] as Extract<NormalizedEvent, { kind: K }>;
}

describe('parseWebhook — inbound messages', () => {
  test('text message becomes message.received with routing, contact, ms timestamp and wamid dedup key', () => {
    const e = only('messages.text.json', 'message.received');
    expect(e).toMatchObject({
      wabaId: WABA,
      phoneNumberId: PHONE_ID,
      displayPhoneNumber: '15557012244',
      wamid: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBRCMjdENzg5Q0MxQ0M1RDc0RDFBMgA=',
      dedupKey: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBRCMjdENzg5Q0MxQ0M1RDc0RDFBMgA=',
      timestamp: 1781000000 * 1000,
      type: 'text',
      text: 'Hi! Do you still have the blue running shoes in size 42?',
      contact: { waId: '15551234567', profileName: 'Maria Lopez' },
    });
  });

  test.each<[string, Partial<MessageReceivedEvent>]>([
    [
      'messages.image.json',
      {
        type: 'image',
        text: 'Chegou assim, com a caixa amassada',
        media: expect.objectContaining({
          kind: 'image',
          id: '8628399336806842',
          mimeType: 'image/jpeg',
          url: expect.stringContaining('lookaside'),
        }),
      },
    ],
    [
      'messages.interactive.button_reply.json',
      {
        type: 'interactive',
        interactiveType: 'button_reply',
        buttonId: 'order_confirm_yes',
        text: 'Yes, confirm',
        context: { wamid: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI4NUY5NDkwRDU0N0M3NEQzQTIA', from: '15557012244' },
      },
    ],
    [
      'messages.interactive.list_reply.json',
      {
        type: 'interactive',
        interactiveType: 'list_reply',
        listRowId: 'slot_2026-06-10T15:00',
        text: 'Wed 10 Jun, 15:00',
      },
    ],
    [
      'messages.button.template_quick_reply.json',
      {
        type: 'button',
        buttonPayload: 'PROMO_STOP',
        text: 'Stop promotions',
        context: { wamid: 'wamid.HBgMNDQ3NzAwOTAwMTIzFQIAERgSM0VCOTM0MUE4MDIzQkY5MUIyAA==', from: '15557012244' },
      },
    ],
    [
      'messages.reaction.json',
      {
        type: 'reaction',
        reaction: { messageId: 'wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEkI1NjQ4QzkzOUM2OERBRUQ5NgA=', emoji: '👍' },
      },
    ],
    [
      'messages.location.json',
      {
        type: 'location',
        text: 'Puerta del Sol',
        location: expect.objectContaining({
          latitude: 40.416775,
          longitude: -3.70379,
          address: 'Plaza de la Puerta del Sol, 28013 Madrid',
        }),
      },
    ],
    [
      'messages.unsupported.json',
      {
        type: 'unsupported',
        errors: [expect.objectContaining({ code: 131051, details: 'Message type is currently not supported.' })],
      },
    ],
    [
      'messages.inbound_with_errors.json',
      {
        type: 'unknown',
        rawType: 'unknown',
        errors: [expect.objectContaining({ code: 131052 })],
      },
    ],
  ])('%s is normalized', (name, expected) => {
    expect(only(name, 'message.received')).toMatchObject(expected);
  });

  test('a BSUID-only sender (empty wa_id) is identified by its user id and username', () => {
    const e = only('messages.bsuid_only.json', 'message.received');
    expect(e.contact).toEqual({ userId: 'AE.1716732149501584', profileName: 'Omar Haddad', username: 'omar.h' });
  });

  test('group messages never become a domain message', () => {
    const e = only('messages.group.json', 'unknown');
    expect(e).toMatchObject({ reason: 'group_message', field: 'messages', wabaId: WABA });
  });

  test('several types in one value: contacts matched by wa_id, not by array index', () => {
    const events = parseWebhook(fixture('messages.mixed_types.json')) as MessageReceivedEvent[];
    const byId = Object.fromEntries(events.map((e) => [e.wamid, e]));
    expect(events.map((e) => e.type)).toEqual([
      'request_welcome',
      'system',
      'interactive',
      'order',
      'contacts',
      'audio',
      'document',
      'sticker',
      'video',
      'edit',
      'revoke',
      'reaction',
      'unknown',
    ]);
    expect(byId['wamid.MIX.request_welcome'].contact).toEqual({ waId: '15551234567', profileName: 'Maria Lopez' });
    expect(byId['wamid.MIX.system'].contact.profileName).toBe('Omar Haddad');
    expect(byId['wamid.MIX.system'].system).toMatchObject({ type: 'user_changed_number', newWaId: '971509999999' });
    expect(byId['wamid.MIX.nfm']).toMatchObject({ interactiveType: 'nfm_reply', flowResponse: { flow_token: 'run-7f3c', size: '42' } });
    expect(byId['wamid.MIX.order'].text).toBe('Please deliver before Friday');
    expect(byId['wamid.MIX.audio'].media).toMatchObject({ kind: 'audio', id: '9911', voice: true });
    expect(byId['wamid.MIX.document']).toMatchObject({ text: 'My invoice', context: { forwarded: true } });
    expect(byId['wamid.MIX.document'].media).toMatchObject({ filename: 'invoice.pdf' });
    expect(byId['wamid.MIX.video'].referral).toMatchObject({ sourceType: 'ad', ctwaClid: 'ARAkLkA8rmlF' });
    expect(byId['wamid.MIX.edit']).toMatchObject({
      originalWamid: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBRCMjdENzg5Q0MxQ0M1RDc0RDFBMgA=',
      text: 'Hi! Do you still have the blue running shoes in size 43?',
      edited: { type: 'text' },
    });
    expect(byId['wamid.MIX.revoke'].originalWamid).toBe('wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBRCMjdENzg5Q0MxQ0M1RDc0RDFBMgA=');
    expect(byId['wamid.MIX.reaction_removed'].reaction).toEqual({ messageId: 'wamid.OUR.1', emoji: undefined });
    expect(byId['wamid.MIX.future']).toMatchObject({
      type: 'unknown',
      rawType: 'poll_vote',
      raw: expect.objectContaining({ poll_vote: { option: 'A' } }),
    });
  });

  test('value-level errors become account.errors', () => {
    const e = only('messages.value_errors.json', 'account.errors');
    expect(e.errors).toEqual([expect.objectContaining({ code: 131000 })]);
    expect(e.phoneNumberId).toBe(PHONE_ID);
  });
});

describe('parseWebhook — statuses', () => {
  test.each<[string, Partial<MessageStatusEvent>]>([
    [
      'statuses.sent.json',
      {
        status: 'sent',
        recipient: { waId: '15551234567' },
        bizOpaqueCallbackData: 'run=7f3c2a91;node=send_order_update;attempt=1',
        pricing: { billable: true, pricingModel: 'PMP', category: 'utility', type: 'regular' },
        conversation: { id: 'cbb3c3701175516c79e1d888823670d0', expiresAt: 1781087000 * 1000, originType: 'utility' },
        timestamp: 1781000600 * 1000,
      },
    ],
    ['statuses.delivered.json', { status: 'delivered', timestamp: 1781000603 * 1000 }],
    ['statuses.read.json', { status: 'read', timestamp: 1781000780 * 1000 }],
    [
      'statuses.failed.131047.json',
      { status: 'failed', errors: [expect.objectContaining({ code: 131047 })], recipient: { waId: '971501234567' } },
    ],
    ['statuses.failed.130429.json', { status: 'failed', errors: [expect.objectContaining({ code: 130429 })] }],
    ['statuses.sent.bsuid.json', { status: 'sent', recipient: { userId: 'AE.1716732149501584' } }],
  ])('%s is normalized', (name, expected) => {
    const e = only(name, 'message.status');
    expect(e).toMatchObject(expected);
    expect(e.dedupKey).toBe(`${e.wamid}:${e.status}`);
  });

  test('sent, delivered and read of one message have distinct dedup keys', () => {
    const keys = ['statuses.sent.json', 'statuses.delivered.json', 'statuses.read.json'].map((f) => only(f, 'message.status').dedupKey);
    expect(new Set(keys).size).toBe(3);
  });
});
