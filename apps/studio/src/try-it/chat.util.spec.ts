import type { SimMessage } from '../api/simulator.api';
import { failureCode, replyChoices, statusTicks } from './chat.util';

let n = 0;
const msg = (over: Partial<SimMessage>): SimMessage => ({
  wamid: `w${++n}`,
  direction: 'outbound_api',
  type: 'text',
  content: {},
  preview: '',
  at: '2026-01-01T00:00:00Z',
  statuses: [],
  ...over,
});

const buttons = msg({
  type: 'interactive',
  content: {
    type: 'button',
    body: { text: 'Ok?' },
    action: {
      buttons: [
        { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
        { type: 'reply', reply: { id: 'no', title: 'No' } },
      ],
    },
  },
});
const list = msg({
  type: 'interactive',
  content: {
    type: 'list',
    action: { button: 'Pick', sections: [{ title: 'S', rows: [{ id: 'r1', title: 'Row 1', description: 'first' }] }] },
  },
});
const template = msg({ type: 'template', template: { name: 'promo', language: 'en', quickReplies: [{ text: 'Stop', payload: 'STOP' }] } });

describe('try-it chat', () => {
  it('offers the buttons of the last interactive message as button replies', () => {
    expect(replyChoices([buttons])).toEqual([
      { kind: 'button', label: 'Yes', content: { type: 'button_reply', id: 'yes' } },
      { kind: 'button', label: 'No', content: { type: 'button_reply', id: 'no' } },
    ]);
  });

  it('offers list rows and template quick replies', () => {
    expect(replyChoices([list])).toEqual([
      { kind: 'list_row', label: 'Row 1', description: 'first', content: { type: 'list_reply', id: 'r1' } },
    ]);
    expect(replyChoices([template])).toEqual([{ kind: 'quick_reply', label: 'Stop', content: { type: 'quick_reply', buttonIndex: 0 } }]);
  });

  it('looks past later plain texts and teammate messages, but not past a customer answer', () => {
    expect(replyChoices([buttons, msg({ preview: 'still there?' }), msg({ direction: 'outbound_app' })]).map((c) => c.label)).toEqual([
      'Yes',
      'No',
    ]);
    expect(replyChoices([buttons, msg({ direction: 'inbound' })])).toEqual([]);
    expect(replyChoices([])).toEqual([]);
  });

  it.each([
    ['read', '✓✓'],
    ['delivered', '✓✓'],
    ['sent', '✓'],
    ['failed', '!'],
    [undefined, '◷'],
  ] as const)('status %s shows %s', (status, ticks) => {
    expect(statusTicks({ status, direction: 'outbound_api' }).ticks).toBe(ticks);
  });

  it('shows no ticks on customer messages and reads the failure code', () => {
    expect(statusTicks({ status: 'read', direction: 'inbound' }).ticks).toBe('');
    expect(statusTicks({ status: undefined, direction: 'outbound_app' }).ticks).toBe('');
    expect(
      failureCode({
        statuses: [
          { status: 'sent', at: null },
          { status: 'failed', at: null, errorCode: 131047 },
        ],
      }),
    ).toBe(131047);
  });
});
