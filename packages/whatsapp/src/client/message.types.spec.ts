import { outboundMessageSchema } from './message.types';

const buttons = (titles: string[]) => ({
  type: 'interactive',
  interactive: {
    type: 'button',
    body: { text: 'Confirm your order?' },
    action: { buttons: titles.map((title, i) => ({ type: 'reply', reply: { id: `b${i}`, title } })) },
  },
});

const list = (rowsPerSection: number[], titled = true) => ({
  type: 'interactive',
  interactive: {
    type: 'list',
    body: { text: 'Pick a slot' },
    action: {
      button: 'Slots',
      sections: rowsPerSection.map((n, s) => ({
        ...(titled ? { title: `Day ${s}` } : {}),
        rows: Array.from({ length: n }, (_, r) => ({ id: `s${s}r${r}`, title: `Row ${r}` })),
      })),
    },
  },
});

const template = {
  type: 'template',
  template: {
    name: 'order_shipped_v2',
    language: { code: 'en_US' },
    components: [
      { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/box.jpg' } }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Maria' },
          { type: 'text', text: '#5521' },
        ],
      },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'track/5521' }] },
    ],
  },
  biz_opaque_callback_data: 'run=1',
};

describe('outboundMessageSchema', () => {
  test.each<[string, unknown]>([
    ['text with preview and reply context', { type: 'text', text: { body: 'Hi', preview_url: true }, context: { message_id: 'wamid.X' } }],
    ['image by id with caption', { type: 'image', image: { id: '123', caption: 'Box' } }],
    ['document by link with filename', { type: 'document', document: { link: 'https://x.example/a.pdf', filename: 'a.pdf' } }],
    ['audio by id', { type: 'audio', audio: { id: '9' } }],
    ['sticker by id', { type: 'sticker', sticker: { id: '9' } }],
    ['template with header, body and url button', template],
    ['three buttons', buttons(['Yes', 'No', 'Later'])],
    ['list with 10 rows over two sections', list([5, 5])],
    ['list with one untitled section', list([3], false)],
    ['reaction removal (empty emoji)', { type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '' } }],
  ])('accepts %s', (_label, message) => {
    expect(outboundMessageSchema.safeParse(message).success).toBe(true);
  });

  test.each<[string, unknown]>([
    ['empty text', { type: 'text', text: { body: '' } }],
    ['text over 4096 chars', { type: 'text', text: { body: 'x'.repeat(4097) } }],
    ['media with both id and link', { type: 'image', image: { id: '1', link: 'https://x.example/a.jpg' } }],
    ['media with neither id nor link', { type: 'video', video: { caption: 'c' } }],
    ['caption on audio', { type: 'audio', audio: { id: '1', caption: 'no' } }],
    ['four buttons', buttons(['a', 'b', 'c', 'd'])],
    ['button title over 20 chars', buttons(['This title is far too long'])],
    ['duplicate button titles', buttons(['Yes', 'Yes'])],
    ['11 list rows', list([6, 5])],
    ['11 list sections', list(Array.from({ length: 11 }, () => 1))],
    ['several sections without titles', list([2, 2], false)],
    ['unknown type', { type: 'poll', poll: {} }],
    ['reply context on a reaction', { type: 'reaction', reaction: { message_id: 'w', emoji: '👍' }, context: { message_id: 'w' } }],
    ['callback data over 512 chars', { type: 'text', text: { body: 'x' }, biz_opaque_callback_data: 'x'.repeat(513) }],
    [
      'template button index as a number',
      {
        ...template,
        template: {
          ...template.template,
          components: [{ type: 'button', sub_type: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'P' }] }],
        },
      },
    ],
  ])('rejects %s', (_label, message) => {
    expect(outboundMessageSchema.safeParse(message).success).toBe(false);
  });
});
