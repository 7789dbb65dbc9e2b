import { fixture } from '../__fixtures__/load-fixture.util';
import type { NormalizedEvent } from '../webhook/events.types';
import { parseWebhook } from '../webhook/parse-webhook.util';
import {
  computeWindowOpenUntil,
  isWindowOpen,
  nextWindowState,
  opensServiceWindow,
  SERVICE_WINDOW_MS,
  type WindowInput,
  type WindowState,
} from './window.rule';

const H = 60 * 60 * 1000;
const ONBOARDED = 1_780_740_800_000;

describe('computeWindowOpenUntil', () => {
  test.each<[string, WindowInput, number | null]>([
    [
      'coexistence, inbound after onboarding',
      { mode: 'coexistence', onboardedAt: ONBOARDED, lastLiveInboundAt: ONBOARDED + H },
      ONBOARDED + H + SERVICE_WINDOW_MS,
    ],
    [
      'coexistence, inbound exactly at onboarding',
      { mode: 'coexistence', onboardedAt: ONBOARDED, lastLiveInboundAt: ONBOARDED },
      ONBOARDED + SERVICE_WINDOW_MS,
    ],
    ['coexistence, inbound before onboarding', { mode: 'coexistence', onboardedAt: ONBOARDED, lastLiveInboundAt: ONBOARDED - 1 }, null],
    [
      // Meta stamps whole seconds: a message in the second of onboarding counts, one a second earlier does not.
      'coexistence, inbound stamped in the second onboarding happened',
      { mode: 'coexistence', onboardedAt: ONBOARDED + 359, lastLiveInboundAt: ONBOARDED },
      ONBOARDED + SERVICE_WINDOW_MS,
    ],
    [
      'coexistence, inbound stamped the second before',
      { mode: 'coexistence', onboardedAt: ONBOARDED + 359, lastLiveInboundAt: ONBOARDED - 1000 },
      null,
    ],
    ['coexistence, onboarding unknown', { mode: 'coexistence', lastLiveInboundAt: ONBOARDED + H }, null],
    ['coexistence, never messaged', { mode: 'coexistence', onboardedAt: ONBOARDED, lastLiveInboundAt: null }, null],
    [
      'cloud, onboardedAt irrelevant',
      { mode: 'cloud', onboardedAt: ONBOARDED, lastLiveInboundAt: ONBOARDED - 5 * H },
      ONBOARDED - 5 * H + SERVICE_WINDOW_MS,
    ],
    ['cloud, never messaged', { mode: 'cloud' }, null],
  ])('%s', (_label, input, expected) => {
    expect(computeWindowOpenUntil(input)).toBe(expected);
  });
});

describe('isWindowOpen', () => {
  test.each<[number | null | undefined, number, boolean]>([
    [null, 0, false],
    [undefined, 0, false],
    [1000, 999, true],
    [1000, 1000, false],
    [1000, 1001, false],
  ])('until %s at %s → %s', (until, now, open) => {
    expect(isWindowOpen(until, now)).toBe(open);
  });
});

describe('opensServiceWindow (live inbound only)', () => {
  const first = (name: string): NormalizedEvent => parseWebhook(fixture(name))[0];
  test.each<[string, boolean]>([
    ['messages.text.json', true],
    ['messages.reaction.json', true],
    ['messages.button.template_quick_reply.json', true],
    ['messages.interactive.button_reply.json', true],
    ['messages.unsupported.json', true],
    ['messages.inbound_with_errors.json', true],
    ['smb_message_echoes.text.json', false],
    ['history.chunk.json', false],
    ['history.media_followup.json', false],
    ['statuses.read.json', false],
    ['messages.group.json', false],
    ['smb_app_state_sync.contact_add.json', false],
  ])('%s → %s', (name, opens) => {
    expect(opensServiceWindow(first(name))).toBe(opens);
  });

  test.each<[string, boolean]>([
    ['wamid.MIX.request_welcome', true],
    ['wamid.MIX.system', false],
    ['wamid.MIX.edit', false],
    ['wamid.MIX.revoke', false],
    ['wamid.MIX.order', true],
  ])('mixed fixture %s → %s', (wamid, opens) => {
    const event = parseWebhook(fixture('messages.mixed_types.json')).find((e) => e.kind === 'message.received' && e.wamid === wamid);
    expect(event && opensServiceWindow(event)).toBe(opens);
  });
});

describe('nextWindowState', () => {
  const closed: WindowState = { lastLiveInboundAt: null, windowOpenUntil: null };
  const coex = { mode: 'coexistence' as const, onboardedAt: ONBOARDED };
  const inbound = (timestamp: number): NormalizedEvent => ({ ...parseWebhook(fixture('messages.text.json'))[0], timestamp });
  const echo = (timestamp: number): NormalizedEvent => ({ ...parseWebhook(fixture('smb_message_echoes.text.json'))[0], timestamp });

  test.each<[string, WindowState, NormalizedEvent, WindowState]>([
    ['live inbound opens', closed, inbound(ONBOARDED + H), { lastLiveInboundAt: ONBOARDED + H, windowOpenUntil: ONBOARDED + 25 * H }],
    [
      'a later inbound extends',
      { lastLiveInboundAt: ONBOARDED + H, windowOpenUntil: ONBOARDED + 25 * H },
      inbound(ONBOARDED + 3 * H),
      { lastLiveInboundAt: ONBOARDED + 3 * H, windowOpenUntil: ONBOARDED + 27 * H },
    ],
    [
      'an older inbound arriving late never shortens',
      { lastLiveInboundAt: ONBOARDED + 3 * H, windowOpenUntil: ONBOARDED + 27 * H },
      inbound(ONBOARDED + H),
      { lastLiveInboundAt: ONBOARDED + 3 * H, windowOpenUntil: ONBOARDED + 27 * H },
    ],
    ['inbound from before onboarding does not open', closed, inbound(ONBOARDED - H), closed],
    ['an echo never opens', closed, echo(ONBOARDED + H), closed],
    [
      'an echo never extends',
      { lastLiveInboundAt: ONBOARDED + H, windowOpenUntil: ONBOARDED + 25 * H },
      echo(ONBOARDED + 20 * H),
      { lastLiveInboundAt: ONBOARDED + H, windowOpenUntil: ONBOARDED + 25 * H },
    ],
  ])('%s', (_label, current, event, expected) => {
    expect(nextWindowState(current, event, coex)).toEqual(expected);
  });

  test('history messages inside a chunk never open the window, even if recent', () => {
    const chunk = parseWebhook(fixture('history.chunk.json'))[0];
    expect(nextWindowState(closed, { ...chunk, timestamp: ONBOARDED + H }, coex)).toEqual(closed);
  });
});
