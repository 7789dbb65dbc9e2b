import { botReturnDue, botReturnReasonText, botReturnsAt, type BotReturn, type BotReturnSettings, type HumanHold } from './bot-return.rule';

const H = 3_600_000;
const T = 1_796_000_000_000;
const hold = (over: Partial<HumanHold> = {}): HumanHold => ({ humanOwnedAt: T, lastHumanMessageAt: null, windowOpenUntil: null, ...over });
const hours12: BotReturnSettings = { afterHours: 12, onWindowClose: false };
const windowOnly: BotReturnSettings = { afterHours: null, onWindowClose: true };
const both: BotReturnSettings = { afterHours: 12, onWindowClose: true };

describe('botReturnsAt', () => {
  test.each<[string, HumanHold, BotReturnSettings, BotReturn | null]>([
    ['12 h after the take-over when no human wrote', hold(), hours12, { at: T + 12 * H, reason: 'quiet' }],
    ['12 h after the last human message', hold({ lastHumanMessageAt: T + 3 * H }), hours12, { at: T + 15 * H, reason: 'quiet' }],
    [
      'a message from before the take-over does not count',
      hold({ lastHumanMessageAt: T - 3 * H }),
      hours12,
      { at: T + 12 * H, reason: 'quiet' },
    ],
    ['when the window closes', hold({ windowOpenUntil: T + 5 * H }), windowOnly, { at: T + 5 * H, reason: 'window_closed' }],
    ['a window closed before the take-over does not apply', hold({ windowOpenUntil: T - H }), windowOnly, null],
    ['both: the earlier wins (window)', hold({ windowOpenUntil: T + 5 * H }), both, { at: T + 5 * H, reason: 'window_closed' }],
    ['both: the earlier wins (time)', hold({ windowOpenUntil: T + 20 * H }), both, { at: T + 12 * H, reason: 'quiet' }],
    ['both rules off: only by hand', hold({ windowOpenUntil: T + 5 * H }), { afterHours: null, onWindowClose: false }, null],
  ])('%s', (_, h, settings, expected) => {
    expect(botReturnsAt(h, settings)).toEqual(expected);
  });
});

describe('botReturnDue', () => {
  test.each<[string, number, boolean]>([
    ['a millisecond early', T + 12 * H - 1, false],
    ['exactly at the instant', T + 12 * H, true],
    ['later', T + 30 * H, true],
  ])('%s', (_, now, due) => {
    expect(botReturnDue(hold(), hours12, now) !== null).toBe(due);
  });
});

test('botReturnReasonText', () => {
  expect(botReturnReasonText({ at: 0, reason: 'quiet' }, hours12)).toBe('12 h without a human message');
  expect(botReturnReasonText({ at: 0, reason: 'window_closed' }, both)).toBe('the customer-service window closed');
});
