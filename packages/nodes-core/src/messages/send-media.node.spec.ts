import { runNode } from '@tandem/node-sdk/testing';
import { contacts } from '../__fixtures__/contacts';
import { sendMediaNode } from './send-media.node';

describe('core.send-media@1', () => {
  test.each<[string, Record<string, unknown>, unknown]>([
    [
      'an image with a personalised caption',
      { kind: 'image', link: 'https://cdn.example.com/promo.jpg', caption: 'For you, {{contact.attributes.first_name}}' },
      { type: 'image', image: { link: 'https://cdn.example.com/promo.jpg', caption: 'For you, Ana' } },
    ],
    [
      'a document with a file name, by media id',
      { kind: 'document', mediaId: '1234567890', filename: 'invoice-{{contact.attributes.order_id}}.pdf' },
      { type: 'document', document: { id: '1234567890', filename: 'invoice-A-17.pdf' } },
    ],
    [
      'a voice note',
      { kind: 'audio', link: 'https://cdn.example.com/hello.ogg' },
      { type: 'audio', audio: { link: 'https://cdn.example.com/hello.ogg' } },
    ],
    ['a sticker', { kind: 'sticker', mediaId: '42' }, { type: 'sticker', sticker: { id: '42' } }],
    [
      'a link built from an attribute',
      { kind: 'video', link: 'https://cdn.example.com/{{contact.attributes.plan}}.mp4' },
      { type: 'video', video: { link: 'https://cdn.example.com/pro.mp4' } },
    ],
  ])('sends %s', async (_name, config, message) => {
    const result = await runNode(sendMediaNode, { config, contact: contacts.windowOpen });
    expect(result.port).toBe('main');
    expect(result.sent).toEqual([message]);
  });

  it('fails, without sending, when the link is not a URL for this contact', async () => {
    const result = await runNode(sendMediaNode, {
      config: { kind: 'image', link: '{{contact.attributes.photo}}' },
      contact: contacts.windowOpen,
    });
    expect(result.port).toBe('failed');
    expect(result.output).toEqual(expect.objectContaining({ reason: 'invalid_message' }));
    expect(result.sendCalls).toEqual([]);
  });

  it('takes window_closed outside the window', async () => {
    const result = await runNode(sendMediaNode, { config: { kind: 'image', mediaId: '1' }, contact: contacts.windowClosed });
    expect(result.port).toBe('window_closed');
  });

  test.each([
    [{ kind: 'image' }, 'give either a link or a media id'],
    [{ kind: 'image', link: 'https://x.test/a.png', mediaId: '1' }, 'give either a link or a media id'],
    [{ kind: 'audio', mediaId: '1', caption: 'hi' }, 'only images, videos and documents have captions'],
    [{ kind: 'image', mediaId: '1', filename: 'a.png' }, 'only documents have a file name'],
    [{ kind: 'gif', mediaId: '1' }, 'kind'],
  ])('rejects config %j', async (config, message) => {
    await expect(runNode(sendMediaNode, { config })).rejects.toThrow(message);
  });
});
