import { messageOrigin, messageText, windowState } from './message-view.util';

const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('windowState', () => {
  test.each([
    ['never opened', null, 'closed'],
    ['ended', new Date(NOW - 1), 'closed'],
    ['ends in 30 minutes', new Date(NOW + 1_800_000), 'closing'],
    ['ends in exactly an hour', new Date(NOW + 3_600_000), 'closing'],
    ['ends in 5 hours', new Date(NOW + 5 * 3_600_000), 'open'],
  ])('%s → %s', (_name, until, expected) => {
    expect(windowState(until, NOW)).toBe(expected);
  });
});

describe('messageOrigin', () => {
  test.each([
    ['live customer message', { direction: 'inbound', source: 'live', journeyRunId: null, fromInbox: false }, 'customer'],
    [
      'customer message from the history sync',
      { direction: 'inbound', source: 'history', journeyRunId: null, fromInbox: false },
      'customer_history',
    ],
    ['teammate in the phone app', { direction: 'app_echo', source: 'live', journeyRunId: null, fromInbox: false }, 'phone_app'],
    ['journey send', { direction: 'api', source: 'live', journeyRunId: 'r1', fromInbox: false }, 'journey'],
    ['agent reply', { direction: 'api', source: 'live', journeyRunId: null, fromInbox: true }, 'agent'],
    ['other API send', { direction: 'api', source: 'live', journeyRunId: null, fromInbox: false }, 'api'],
  ])('%s', (_name, m, expected) => {
    expect(messageOrigin(m)).toBe(expected);
  });
});

describe('messageText', () => {
  test.each([
    ['received text', 'text', { text: 'hi' }, 'hi'],
    ['API text', 'text', { type: 'text', text: { body: 'Hello' } }, 'Hello'],
    ['API interactive', 'interactive', { interactive: { body: { text: 'Pick one' } } }, 'Pick one'],
    ['received image with caption', 'image', { media: { caption: 'look' } }, 'look'],
    ['template', 'template', { template: { name: 'promo' } }, 'Template promo'],
    ['reaction', 'reaction', { reaction: { emoji: '👍' } }, 'Reacted 👍'],
    ['anything else', 'location', {}, '[location]'],
  ])('%s', (_name, type, payload, expected) => {
    expect(messageText(type, payload)).toBe(expected);
  });
});
