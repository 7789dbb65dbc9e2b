import type { OutboundMessage } from '../client/message.types';
import type { TemplateSend } from '../client/template-message.types';
import { decideSend, templateKey, templatesNeeded, type SendRuleContact, type TemplateInfo } from './send-decision.rule';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const open: SendRuleContact = { optedOut: false, marketingOptedOut: false, humanOwned: false, windowOpenUntil: NOW + 3_600_000 };
const closed: SendRuleContact = { ...open, windowOpenUntil: NOW - 1 };
const text: OutboundMessage = { type: 'text', text: { body: 'Hi' } };
const body1 = [{ type: 'BODY' as const, text: 'Hi {{1}}' }];
const promo: TemplateSend = {
  name: 'promo',
  language: { code: 'en_US' },
  components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }],
};
const reminder: TemplateSend = {
  name: 'reminder',
  language: { code: 'en_US' },
  components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }],
};
const templates = new Map<string, TemplateInfo>([
  [templateKey('promo', 'en_US'), { status: 'APPROVED', category: 'MARKETING', components: body1 }],
  [templateKey('reminder', 'en_US'), { status: 'APPROVED', category: 'UTILITY', components: body1 }],
  [templateKey('paused', 'en_US'), { status: 'PAUSED', category: 'MARKETING', components: body1 }],
]);
const tpl = (template: TemplateSend): OutboundMessage => ({ type: 'template', template });

describe('decideSend', () => {
  test.each([
    ['free-form in the window', text, undefined, open, { ok: true, message: text, usedFallback: false }],
    ['free-form outside the window', text, undefined, closed, { ok: false, reason: 'window_closed' }],
    [
      'free-form outside the window, with a fallback template',
      text,
      reminder,
      closed,
      { ok: true, message: tpl(reminder), usedFallback: true },
    ],
    ['free-form inside the window ignores the fallback', text, reminder, open, { ok: true, message: text, usedFallback: false }],
    ['a template outside the window', tpl(reminder), undefined, closed, { ok: true, message: tpl(reminder), usedFallback: false }],
    [
      'a template nobody knows',
      tpl({ name: 'ghost', language: { code: 'en_US' } }),
      undefined,
      open,
      { ok: false, reason: 'template_missing' },
    ],
    ['a paused template', tpl({ ...promo, name: 'paused' }), undefined, open, { ok: false, reason: 'template_not_approved' }],
    [
      'a template with a missing parameter',
      tpl({ name: 'reminder', language: { code: 'en_US' } }),
      undefined,
      open,
      { ok: false, reason: 'template_params' },
    ],
    ['an opted-out contact, even for utility', tpl(reminder), undefined, { ...open, optedOut: true }, { ok: false, reason: 'opted_out' }],
    [
      'marketing to a contact who stopped marketing',
      tpl(promo),
      undefined,
      { ...open, marketingOptedOut: true },
      { ok: false, reason: 'opted_out' },
    ],
    [
      'utility to a contact who stopped marketing',
      tpl(reminder),
      undefined,
      { ...open, marketingOptedOut: true },
      { ok: true, message: tpl(reminder), usedFallback: false },
    ],
    ['a contact a teammate owns', text, undefined, { ...open, humanOwned: true }, { ok: false, reason: 'human_owned' }],
    ['a fallback that is itself refused', text, { ...promo, name: 'paused' }, closed, { ok: false, reason: 'template_not_approved' }],
    [
      'a fallback for marketing to a contact who stopped marketing',
      text,
      promo,
      { ...closed, marketingOptedOut: true },
      { ok: false, reason: 'opted_out' },
    ],
    [
      'a teammate owns the chat, even with a fallback',
      text,
      reminder,
      { ...closed, humanOwned: true },
      { ok: false, reason: 'human_owned' },
    ],
  ])('%s', (_name, message, fallbackTemplate, contact, expected) => {
    expect(decideSend({ message, fallbackTemplate, contact, now: NOW, templates })).toMatchObject(expected);
  });
});

describe('decideSend for an agent replying from the inbox, and on a disconnected number', () => {
  const owned = { ...open, humanOwned: true };
  test.each([
    ['an agent may answer a human-owned chat', { sender: 'agent' as const, contact: owned }, { ok: true, message: text }],
    ['the bot may not', { sender: 'bot' as const, contact: owned }, { ok: false, reason: 'human_owned' }],
    [
      'an agent still needs the window',
      { sender: 'agent' as const, contact: { ...owned, windowOpenUntil: NOW - 1 } },
      { ok: false, reason: 'window_closed' },
    ],
    [
      'an agent still respects the opt-out',
      { sender: 'agent' as const, contact: { ...owned, optedOut: true } },
      { ok: false, reason: 'opted_out' },
    ],
    [
      'nobody sends on a disconnected number',
      { sender: 'agent' as const, contact: open, number: { connectionState: 'disconnected' as const } },
      { ok: false, reason: 'number_disconnected' },
    ],
    [
      'nor on an offboarded one',
      { contact: open, number: { connectionState: 'offboarded' as const } },
      { ok: false, reason: 'number_offboarded' },
    ],
    ['a connected number sends', { contact: open, number: { connectionState: 'connected' as const } }, { ok: true }],
  ])('%s', (_name, input, expected) => {
    expect(decideSend({ message: text, now: NOW, templates, ...input })).toMatchObject(expected);
  });
});

describe('decideSend without a template catalogue (the node SDK harness without fixtures)', () => {
  test.each([
    ['a template goes unchecked', tpl({ name: 'ghost', language: { code: 'en_US' } }), undefined, open, { ok: true, usedFallback: false }],
    ['an opted-out contact still gets nothing', tpl(promo), undefined, { ...open, optedOut: true }, { ok: false, reason: 'opted_out' }],
    ['the fallback goes unchecked', text, promo, closed, { ok: true, message: tpl(promo), usedFallback: true }],
    ['the window still holds free-form messages back', text, undefined, closed, { ok: false, reason: 'window_closed' }],
  ])('%s', (_name, message, fallbackTemplate, contact, expected) => {
    expect(decideSend({ message, fallbackTemplate, contact, now: NOW, templates: undefined })).toMatchObject(expected);
  });
});

describe('templatesNeeded', () => {
  it('lists the message template and the fallback', () => {
    expect(templatesNeeded(tpl(promo), reminder)).toEqual([
      { name: 'promo', language: 'en_US' },
      { name: 'reminder', language: 'en_US' },
    ]);
    expect(templatesNeeded(text)).toEqual([]);
  });
});

describe('decideSend on a number that cannot send', () => {
  const disconnected = { connectionState: 'disconnected' as const, connectionReason: 'PARTNER_REMOVED' };
  test.each([
    [
      'a disconnected number, with Meta’s reason',
      disconnected,
      { ok: false, reason: 'number_disconnected', detail: expect.stringContaining('PARTNER_REMOVED') },
    ],
    ['an offboarded number', { connectionState: 'offboarded' as const }, { ok: false, reason: 'number_offboarded' }],
    ['a connected number goes on to the other rules', { connectionState: 'connected' as const }, { ok: true, usedFallback: false }],
  ])('%s', (_name, number, expected) => {
    expect(decideSend({ message: tpl(reminder), number, contact: open, now: NOW, templates })).toMatchObject(expected);
  });

  test('comes before everything else: no fallback, even for an owned chat or an opted-out contact', () => {
    const contact = { ...closed, humanOwned: true, optedOut: true };
    expect(decideSend({ message: text, fallbackTemplate: reminder, number: disconnected, contact, now: NOW, templates })).toMatchObject({
      ok: false,
      reason: 'number_disconnected',
    });
  });
});
