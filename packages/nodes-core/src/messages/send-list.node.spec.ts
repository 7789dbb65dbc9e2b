import { runNode } from '@tandem/node-sdk/testing';
import { contacts } from '../__fixtures__/contacts';
import { sendListNode } from './send-list.node';

const config = {
  body: 'What can we help you with, {{contact.profileName}}?',
  button: 'Options',
  sections: [
    {
      title: 'Orders',
      rows: [
        { id: 'track', title: 'Track my order' },
        { id: 'return', title: 'Return an item', description: 'Within 30 days' },
      ],
    },
    { title: 'Other', rows: [{ id: 'agent', title: 'Talk to a person' }] },
  ],
};

describe('core.send-list@1', () => {
  it('sends a list menu and waits for a choice', async () => {
    const result = await runNode(sendListNode, {
      config,
      contact: contacts.windowOpen,
      reply: { listRowId: 'return', text: 'Return an item' },
    });
    expect(result.sent).toEqual([
      {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'What can we help you with, Ana?' },
          action: { button: 'Options', sections: config.sections },
        },
      },
    ]);
    expect(result.port).toBe('return');
  });

  test.each([
    [{ listRowId: 'agent' }, 'agent'],
    [{ text: 'Track my order' }, 'track'],
    [{ text: '2' }, 'other'],
  ])('routes %j to %s', async (reply, port) => {
    expect((await runNode(sendListNode, { config, reply })).port).toBe(port);
  });

  it('has a port per row', () => {
    expect(sendListNode.ports(sendListNode.configSchema.parse(config))).toEqual([
      'track',
      'return',
      'agent',
      'other',
      'timeout',
      'window_closed',
      'failed',
    ]);
  });

  it('takes window_closed outside the window', async () => {
    expect((await runNode(sendListNode, { config, contact: contacts.windowClosed })).port).toBe('window_closed');
  });

  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
  test.each([
    [{ ...config, sections: [{ rows: rows(11) }] }, 'at most 10 rows'],
    [{ ...config, sections: [{ rows: rows(1) }, { title: 'B', rows: [{ id: 'x', title: 'X' }] }] }, 'every section needs a title'],
    [
      {
        ...config,
        sections: [
          { title: 'A', rows: rows(1) },
          { title: 'B', rows: rows(1) },
        ],
      },
      'id "r0" is used twice',
    ],
    [{ ...config, button: '' }, 'button'],
  ])('rejects config %#', async (bad, message) => {
    await expect(runNode(sendListNode, { config: bad })).rejects.toThrow(message);
  });
});
