import { fixture } from '../__fixtures__/load-fixture.util';
import type { NormalizedEvent } from './events.types';
import { parseWebhook } from './parse-webhook.util';

function only<K extends NormalizedEvent['kind']>(name: string, kind: K): Extract<NormalizedEvent, { kind: K }> {
  const events = parseWebhook(fixture(name));
  expect(events.map((e) => e.kind)).toEqual([kind]);
  return events[0] as Extract<NormalizedEvent, { kind: K }>;
}

describe('parseWebhook — echoes', () => {
  test('text echo: the customer is `to`, the business is `from`', () => {
    const e = only('smb_message_echoes.text.json', 'message.echo');
    expect(e).toMatchObject({
      phoneNumberId: '108932450377265',
      from: '15557012244',
      contact: { waId: '15551234567' },
      type: 'text',
      text: 'Hi Maria, yes we have them! I can hold a pair for you until 7pm.',
      dedupKey: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI4NTVDOTgzODE5QTNEMzQzQTMA',
      timestamp: 1781001200_000,
    });
  });

  test('image echo carries phone and BSUID of the customer', () => {
    const e = only('smb_message_echoes.image.json', 'message.echo');
    expect(e.contact).toEqual({ waId: '5511987654321', userId: 'BR.1874412093345512' });
    expect(e.media).toMatchObject({ kind: 'image', id: '3056771982089113', caption: 'Nova caixa já separada para troca' });
  });

  test('edit echo: `to` with a leading + is normalized to digits; original wamid and new text', () => {
    const e = only('smb_message_echoes.edit.json', 'message.echo');
    expect(e).toMatchObject({
      type: 'edit',
      contact: { waId: '15551234567' },
      originalWamid: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI4NTVDOTgzODE5QTNEMzQzQTMA',
      text: 'Hi Maria, yes we have them! I can hold a pair for you until 8pm.',
    });
  });

  test('revoke echo points at the deleted message', () => {
    const e = only('smb_message_echoes.revoke.json', 'message.echo');
    expect(e).toMatchObject({ type: 'revoke', originalWamid: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI4NTVDOTgzODE5QTNEMzQzQTMA' });
  });
});

describe('parseWebhook — history', () => {
  test('chunk: phase, order, progress, threads with direction, status and placeholder', () => {
    const e = only('history.chunk.json', 'history.messages');
    expect(e).toMatchObject({ phase: 1, chunkOrder: 2, progress: 40, dedupKey: 'history:108932450377265:1:2' });
    const [maria, lucia] = e.threads;
    expect(maria.contact).toEqual({ waId: '15551234567' });
    expect(maria.messages.map((m) => [m.direction, m.type, m.status])).toEqual([
      ['inbound', 'text', 'READ'],
      ['outbound', 'text', 'READ'],
      ['outbound', 'media_placeholder', 'DELIVERED'],
    ]);
    expect(maria.messages[1].text).toBe('Yes, from 10am to 2pm 🙂');
    expect(lucia.messages.map((m) => m.direction)).toEqual(['outbound', 'inbound']);
    expect(lucia.messages[1].timestamp).toBe(1777288400_000);
  });

  test('media follow-up of a business-sent placeholder is outbound history.media with the same wamid', () => {
    const e = only('history.media_followup.json', 'history.media');
    expect(e).toMatchObject({
      direction: 'outbound',
      wamid: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBIxQTc0RkNDN0Y1NzQ4NjlFMzAA',
      contact: { waId: '15551234567' },
      media: { kind: 'image', id: '2710959377885731' },
    });
  });

  test('declined history sharing', () => {
    const e = only('history.declined.json', 'history.declined');
    expect(e.errors).toEqual([expect.objectContaining({ code: 2593109 })]);
  });
});

describe('parseWebhook — contact sync and preferences', () => {
  test('state sync add becomes contact.synced', () => {
    const e = only('smb_app_state_sync.contact_add.json', 'contact.synced');
    expect(e).toMatchObject({
      action: 'add',
      contact: { waId: '15551234567' },
      fullName: 'Maria Lopez (VIP)',
      firstName: 'Maria',
      timestamp: 1781001500_000,
    });
  });

  test('marketing stop becomes user.preference', () => {
    const e = only('user_preferences.marketing_stop.json', 'user.preference');
    expect(e).toMatchObject({ contact: { waId: '447700900123' }, category: 'marketing_messages', value: 'stop' });
  });
});
