import type { OutboundMessage } from '../client/message.types';
import {
  contactEffectOfError,
  DEFAULT_OPT_OUT_SETTINGS,
  isMarketingHeld,
  matchOptKeyword,
  normalizeKeyword,
  resolveOptOutSettings,
} from './opt-out.rule';
import { decideSend, templateKey, type SendRuleContact, type TemplateInfo } from './send-decision.rule';

describe('matchOptKeyword', () => {
  test.each([
    ['STOP', 'opt_out'],
    ['  stop  ', 'opt_out'],
    ['Stop!', 'opt_out'],
    ['arrêt', 'opt_out'],
    ['ARRET', 'opt_out'],
    ['desinscrire', 'opt_out'],
    ['Baja.', 'opt_out'],
    ['abmelden', 'opt_out'],
    ['stop   all', 'opt_out'],
    ['START', 'opt_in'],
    ['démarrer', 'opt_in'],
    ['please stop', null],
    ['stopping', null],
    ['', null],
    ['!!!', null],
    [null, null],
  ])('%p → %p', (text, expected) => {
    expect(matchOptKeyword(text, DEFAULT_OPT_OUT_SETTINGS)).toBe(expected);
  });

  test('a word in both lists opts out', () => {
    expect(matchOptKeyword('halt', { optOutKeywords: ['HALT'], optInKeywords: ['halt'] })).toBe('opt_out');
  });

  test('normalizeKeyword drops accents, case and surrounding punctuation', () => {
    expect(normalizeKeyword(' ¡Désinscrire! ')).toBe('DESINSCRIRE');
  });
});

describe('contactEffectOfError', () => {
  test.each([
    [131049, 'marketing_hold'],
    [131050, 'marketing_opt_out'],
    [131047, 'window_closed'],
    [131026, null],
    [130429, null],
  ])('%p → %p', (code, kind) => {
    expect(contactEffectOfError(code)?.kind ?? null).toBe(kind);
  });
});

describe('marketing hold in the send rule', () => {
  const NOW = Date.parse('2025-06-01T12:00:00Z');
  const contact: SendRuleContact = { optedOut: false, marketingOptedOut: false, humanOwned: false, windowOpenUntil: NOW + 60_000 };
  const body = [{ type: 'BODY' as const, text: 'Hi' }];
  const templates = new Map<string, TemplateInfo>([
    [templateKey('promo', 'en'), { status: 'APPROVED', category: 'MARKETING', components: body }],
    [templateKey('receipt', 'en'), { status: 'APPROVED', category: 'UTILITY', components: body }],
  ]);
  const tpl = (name: string): OutboundMessage => ({ type: 'template', template: { name, language: { code: 'en' } } });
  const text: OutboundMessage = { type: 'text', text: { body: 'You are unsubscribed' } };

  test('held contacts get no marketing template until the hold ends, other templates still go', () => {
    const held = { ...contact, marketingHeldUntil: NOW + 1 };
    expect(decideSend({ message: tpl('promo'), contact: held, now: NOW, templates })).toMatchObject({
      ok: false,
      reason: 'marketing_held',
    });
    expect(decideSend({ message: tpl('receipt'), contact: held, now: NOW, templates }).ok).toBe(true);
    expect(decideSend({ message: tpl('promo'), contact: held, now: NOW + 1, templates }).ok).toBe(true);
    expect(isMarketingHeld(NOW + 1, NOW)).toBe(true);
    expect(isMarketingHeld(null, NOW)).toBe(false);
  });

  test('an opt confirmation reaches an opted-out, human-owned contact inside the window only', () => {
    const stopped = { ...contact, optedOut: true, humanOwned: true };
    const purpose = 'opt_confirmation' as const;
    expect(decideSend({ message: text, contact: stopped, now: NOW, templates, purpose }).ok).toBe(true);
    expect(decideSend({ message: text, contact: stopped, now: NOW, templates })).toMatchObject({ reason: 'human_owned' });
    expect(decideSend({ message: text, contact: { ...stopped, windowOpenUntil: NOW - 1 }, now: NOW, templates, purpose })).toMatchObject({
      reason: 'window_closed',
    });
    expect(decideSend({ message: tpl('receipt'), contact: stopped, now: NOW, templates, purpose }).ok).toBe(false);
  });
});

describe('resolveOptOutSettings', () => {
  test('defaults for nothing stored, stored values over them, malformed values ignored', () => {
    expect(resolveOptOutSettings(null)).toEqual(DEFAULT_OPT_OUT_SETTINGS);
    expect(resolveOptOutSettings({ optOutKeywords: ['HALT', ' '], optInConfirmation: '' })).toEqual({
      ...DEFAULT_OPT_OUT_SETTINGS,
      optOutKeywords: ['HALT'],
      optInConfirmation: '',
    });
    expect(resolveOptOutSettings({ optOutKeywords: 'STOP', optInKeywords: [1] })).toEqual(DEFAULT_OPT_OUT_SETTINGS);
  });
});
