import type { ReplyEvent } from '@tandem/journey-model';
import { runNode } from '@tandem/node-sdk/testing';
import { contacts, reengageFallback } from '../__fixtures__/contacts';
import { sendButtonsNode } from './send-buttons.node';

const config = {
  header: 'Order {{vars.order}}',
  body: 'Hi {{contact.attributes.first_name}}, did your order arrive?',
  footer: 'Tap a button',
  buttons: [
    { id: 'yes', title: 'Yes, all good' },
    { id: 'no', title: 'Not yet' },
  ],
  replyTimeout: { amount: 2, unit: 'days' },
};

describe('core.send-buttons@1', () => {
  it('sends an interactive message with reply buttons and waits for the answer', async () => {
    const result = await runNode(sendButtonsNode, { config, contact: contacts.windowOpen, variables: { order: 'A-17' } });
    expect(result.sent).toEqual([
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          header: { type: 'text', text: 'Order A-17' },
          body: { text: 'Hi Ana, did your order arrive?' },
          footer: { text: 'Tap a button' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'yes', title: 'Yes, all good' } },
              { type: 'reply', reply: { id: 'no', title: 'Not yet' } },
            ],
          },
        },
      },
    ]);
    expect(result.port).toBeUndefined();
    expect(result.awaitReply?.timeout).toEqual({ amount: 2, unit: 'days' });
  });

  test.each<[string, ReplyEvent | 'timeout', string]>([
    ['tap on "yes"', { buttonId: 'yes', text: 'Yes, all good' }, 'yes'],
    ['tap on "no"', { buttonId: 'no', text: 'Not yet' }, 'no'],
    ['typed button title', { text: 'not yet!' }, 'no'],
    ['tap on the fallback template quick reply', { buttonPayload: 'yes' }, 'yes'],
    ['free text', { text: 'it arrived broken' }, 'other'],
    ['no answer', 'timeout', 'timeout'],
  ])('routes a %s to %s', async (_name, reply, port) => {
    const result = await runNode(sendButtonsNode, { config, contact: contacts.windowOpen, reply });
    expect(result.port).toBe(port);
  });

  test.each([
    ['window closed', contacts.windowClosed, 'window_closed'],
    ['opted out', contacts.optedOut, 'failed'],
  ])('does not wait when the message is not sent (%s)', async (_name, contact, port) => {
    const result = await runNode(sendButtonsNode, { config, contact, reply: { buttonId: 'yes' } });
    expect(result.port).toBe(port);
    expect(result.awaitReply).toBeUndefined();
  });

  it('sends the fallback template when the window is closed, then waits', async () => {
    const result = await runNode(sendButtonsNode, {
      config: { ...config, fallbackTemplate: reengageFallback },
      contact: contacts.windowClosed,
      reply: { buttonPayload: 'no' },
    });
    expect(result.sent.map((m) => m.type)).toEqual(['template']);
    expect(result.port).toBe('no');
  });

  it('has a port per button, then other, timeout, window_closed and failed', () => {
    expect(sendButtonsNode.ports(sendButtonsNode.configSchema.parse(config))).toEqual([
      'yes',
      'no',
      'other',
      'timeout',
      'window_closed',
      'failed',
    ]);
  });

  test.each([
    [{ ...config, buttons: [] }, 'Too small'],
    [{ ...config, buttons: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `B${i}` })) }, 'Too big'],
    [
      {
        ...config,
        buttons: [
          { id: 'a', title: 'Same' },
          { id: 'a', title: 'Other' },
        ],
      },
      'id "a" is used twice',
    ],
    [
      {
        ...config,
        buttons: [
          { id: 'a', title: 'Same' },
          { id: 'b', title: 'same' },
        ],
      },
      'title "same" is used twice',
    ],
    [{ ...config, buttons: [{ id: 'timeout', title: 'Later' }] }, 'reserved'],
    [{ ...config, buttons: [{ id: 'Yes!', title: 'Yes' }] }, 'lowercase letters'],
    [{ ...config, buttons: [{ id: 'a', title: 'A title longer than 20' }] }, 'Too big'],
  ])('rejects config %#', async (bad, message) => {
    await expect(runNode(sendButtonsNode, { config: bad })).rejects.toThrow(message);
  });
});
