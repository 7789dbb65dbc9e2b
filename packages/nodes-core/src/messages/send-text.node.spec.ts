import type { RunNodeOptions } from '@tandem/node-sdk/testing';
import { runNode } from '@tandem/node-sdk/testing';
import { contacts, reengageFallback, reengageTemplate } from '../__fixtures__/contacts';
import { sendTextNode } from './send-text.node';

type Case = [string, Omit<RunNodeOptions, 'config'> & { config: Record<string, unknown> }, string, unknown[]];

describe('core.send-text@1', () => {
  test.each<Case>([
    [
      'personalises and sends inside the window',
      {
        config: { text: 'Hi {{contact.attributes.first_name}}, order {{vars.order}} shipped' },
        contact: contacts.windowOpen,
        variables: { order: 'A-17' },
      },
      'main',
      [{ type: 'text', text: { body: 'Hi Ana, order A-17 shipped' } }],
    ],
    [
      'uses a placeholder fallback for a missing name',
      { config: { text: 'Hi {{contact.profileName | there}}!' }, contact: { ...contacts.neverWrote, windowOpenUntil: Date.UTC(2030, 0) } },
      'main',
      [{ type: 'text', text: { body: 'Hi there!' } }],
    ],
    [
      'asks for a link preview',
      { config: { text: 'See https://tandem.dev', previewUrl: true }, contact: contacts.windowOpen },
      'main',
      [{ type: 'text', text: { body: 'See https://tandem.dev', preview_url: true } }],
    ],
    ['takes window_closed outside the window', { config: { text: 'Hi' }, contact: contacts.windowClosed }, 'window_closed', []],
    [
      'sends the fallback template outside the window',
      { config: { text: 'Hi', fallbackTemplate: reengageFallback }, contact: contacts.windowClosed, templates: [reengageTemplate] },
      'main',
      [
        {
          type: 'template',
          template: {
            name: 'reengage',
            language: { code: 'en' },
            components: [{ type: 'body', parameters: [{ type: 'text', text: 'Rui' }] }],
          },
        },
      ],
    ],
    [
      'fills the fallback template with its own fallback value',
      { config: { text: 'Hi', fallbackTemplate: reengageFallback }, contact: contacts.neverWrote },
      'main',
      [
        {
          type: 'template',
          template: {
            name: 'reengage',
            language: { code: 'en' },
            components: [{ type: 'body', parameters: [{ type: 'text', text: 'there' }] }],
          },
        },
      ],
    ],
    ['never messages an opted-out contact', { config: { text: 'Hi' }, contact: contacts.optedOut }, 'failed', []],
    ['stays quiet while a teammate owns the chat', { config: { text: 'Hi' }, contact: contacts.humanOwned }, 'failed', []],
    [
      'fails when the text is empty for this contact',
      { config: { text: '{{contact.attributes.nickname}}' }, contact: contacts.windowOpen },
      'failed',
      [],
    ],
  ])('%s', async (_name, options, port, sent) => {
    const result = await runNode(sendTextNode, options);
    expect(result.port).toBe(port);
    expect(result.sent).toEqual(sent);
  });

  it('says why it failed', async () => {
    const optedOut = await runNode(sendTextNode, { config: { text: 'Hi' }, contact: contacts.optedOut });
    expect(optedOut.output).toEqual({ status: 'refused', reason: 'opted_out', detail: expect.any(String) });
    const empty = await runNode(sendTextNode, { config: { text: '{{vars.missing}}' } });
    expect(empty.output).toEqual({ status: 'not_sent', reason: 'invalid_message', detail: 'the text is empty for this contact' });
  });

  it('reports the Cloud API failure it got', async () => {
    const failed = { status: 'failed' as const, code: 131026, classification: 'permanent' as const, detail: 'message undeliverable' };
    const result = await runNode(sendTextNode, { config: { text: 'Hi' }, sendResults: [failed] });
    expect(result).toEqual(expect.objectContaining({ port: 'failed', output: failed }));
  });

  test.each([
    [{ text: '' }, 'text'],
    [{ text: 'x'.repeat(4097) }, 'text'],
    [{ text: 'Hi', fallbackTemplate: { name: 'Bad Name', language: 'en' } }, 'fallbackTemplate.name'],
    [{ text: 'Hi', extra: true }, ''],
  ])('rejects config %j', async (config, path) => {
    await expect(runNode(sendTextNode, { config })).rejects.toThrow(`core.send-text@1: invalid config (${path}`);
  });

  it('declares its WhatsApp behaviour for the journey lints', () => {
    expect(sendTextNode.sendsFreeForm).toBe(true);
    expect(
      sendTextNode.fallbackTemplate?.({ text: 'x', previewUrl: false, fallbackTemplate: { ...reengageFallback, buttons: [], body: [] } }),
    ).toEqual({
      name: 'reengage',
      language: 'en',
    });
    expect(sendTextNode.ports({ text: 'x', previewUrl: false })).toEqual(['main', 'window_closed', 'failed']);
  });
});
