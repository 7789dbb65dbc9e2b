import type { EngineEvent } from '@tandem/db';
import { contactOf, MAX_TRIGGER_TEXT, replyOf, runIdFromCallback, statusOf, triggerEventOf } from './event-mapping.util';

const at = '2025-06-01T12:00:00.000Z';
const envelope = { id: '42', workspaceId: 'ws', numberId: 'n1', deliveryId: null, createdAt: at };
const received = (extra: Record<string, unknown> = {}): EngineEvent => ({
  ...envelope,
  kind: 'message.received',
  contactKey: 'c1',
  payload: {
    numberId: 'n1',
    contactId: 'c1',
    messageId: 'm1',
    wamid: 'w1',
    type: 'text',
    text: 'Hi',
    occurredAt: at,
    windowOpened: true,
    windowOpenUntil: null,
    ...extra,
  },
});

describe('triggerEventOf', () => {
  test.each<[string, EngineEvent, boolean, unknown]>([
    [
      'an inbound text',
      received(),
      true,
      { kind: 'message.received', text: 'Hi', wamid: 'w1', isFirstMessage: true, timestamp: Date.parse(at) },
    ],
    [
      'a tapped button',
      received({ text: 'Yes', buttonId: 'b-yes' }),
      false,
      { kind: 'message.received', text: 'Yes', buttonId: 'b-yes', wamid: 'w1', isFirstMessage: false, timestamp: Date.parse(at) },
    ],
    [
      'an echo',
      {
        ...envelope,
        kind: 'message.echo',
        contactKey: 'c1',
        payload: { numberId: 'n1', contactId: 'c1', messageId: 'm', wamid: 'we', type: 'text', text: 'On it', occurredAt: at },
      },
      false,
      { kind: 'message.echo', text: 'On it', wamid: 'we', timestamp: Date.parse(at) },
    ],
    [
      'a failed status',
      {
        ...envelope,
        kind: 'message.status',
        contactKey: 'c1',
        payload: {
          numberId: 'n1',
          wamid: 'ws',
          status: 'failed',
          messageId: null,
          contactId: 'c1',
          messageStatus: 'failed',
          occurredAt: at,
          errors: [{ code: 131047 }],
        },
      },
      false,
      { kind: 'message.status', status: 'failed', errorCode: 131047, wamid: 'ws', timestamp: Date.parse(at) },
    ],
    [
      'a synced contact',
      {
        ...envelope,
        kind: 'contact.synced',
        contactKey: 'c1',
        payload: { numberId: 'n1', contactId: 'c1', action: 'add', addressBookName: 'Ana', occurredAt: at },
      },
      false,
      { kind: 'contact.synced', timestamp: Date.parse(at) },
    ],
    [
      'a removed contact (starts nothing)',
      {
        ...envelope,
        kind: 'contact.synced',
        contactKey: 'c1',
        payload: { numberId: 'n1', contactId: 'c1', action: 'remove', addressBookName: null, occurredAt: at },
      },
      false,
      undefined,
    ],
    [
      'a disconnected number',
      {
        ...envelope,
        kind: 'number.disconnected',
        contactKey: 'number:n1',
        payload: { numberId: 'n1', state: 'disconnected', event: 'PARTNER_REMOVED', reason: null, initiatedBy: null, occurredAt: at },
      },
      false,
      { kind: 'number.disconnected', timestamp: Date.parse(at) },
    ],
    [
      'a template status (starts nothing)',
      {
        ...envelope,
        kind: 'template.status',
        contactKey: 'waba:1',
        payload: {
          wabaId: '1',
          templateId: 't',
          name: 'x',
          language: 'en',
          category: null,
          status: 'APPROVED',
          reason: null,
          occurredAt: at,
        },
      },
      false,
      undefined,
    ],
  ])('%s', (_name, event, first, expected) => {
    expect(triggerEventOf(event, first)).toEqual(expected);
  });

  it('keeps trigger text small', () => {
    expect(triggerEventOf(received({ text: 'x'.repeat(5000) }))?.text).toHaveLength(MAX_TRIGGER_TEXT);
  });
});

describe('signals and contacts', () => {
  it('builds the reply signal with the event id (for de-duplication) and the reply fields', () => {
    expect(replyOf(received({ listRowId: 'row-2' }) as Extract<EngineEvent, { kind: 'message.received' }>)).toEqual({
      eventId: '42',
      wamid: 'w1',
      text: 'Hi',
      listRowId: 'row-2',
    });
  });

  it('builds the status signal with the first error code', () => {
    const event = {
      ...envelope,
      kind: 'message.status' as const,
      contactKey: 'c1',
      payload: {
        numberId: 'n1',
        wamid: 'ws',
        status: 'failed' as const,
        messageId: null,
        contactId: null,
        messageStatus: null,
        occurredAt: at,
        errors: [{ code: 131026 }],
      },
    };
    expect(statusOf(event)).toEqual({ eventId: '42', wamid: 'ws', status: 'failed', errorCode: 131026 });
    expect(contactOf(event)).toBeUndefined();
    expect(contactOf(received())).toBe('c1');
  });

  test.each([
    ['0b5a4d3e-1c2b-4a59-8f7e-6d5c4b3a2f10:3:0', '0b5a4d3e-1c2b-4a59-8f7e-6d5c4b3a2f10'],
    ['run=r1;node=n1', undefined],
    [undefined, undefined],
  ])('reads the run id from callback data %s', (callback, runId) => {
    expect(runIdFromCallback(callback)).toBe(runId);
  });
});
