import { runNode, type TemplateFixture } from '@tandem/node-sdk/testing';
import { contacts } from '../__fixtures__/contacts';
import { sendTemplateNode } from './send-template.node';

const orderUpdate: TemplateFixture = {
  name: 'order_update',
  language: 'pt_BR',
  status: 'APPROVED',
  components: [
    { type: 'HEADER', format: 'IMAGE' },
    { type: 'BODY', text: 'Olá {{1}}, o pedido {{2}} saiu para entrega.' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Acompanhar', url: 'https://loja.test/p/{{1}}' }] },
  ],
};

const config = {
  name: 'order_update',
  language: 'pt_BR',
  header: { kind: 'image', link: 'https://cdn.loja.test/{{vars.order}}.png' },
  body: [{ value: '{{contact.attributes.first_name}}', fallback: 'cliente' }, { value: '{{vars.order}}' }],
  buttons: [{ index: 0, subType: 'url', value: '{{vars.order}}' }],
};

describe('core.send-template@1', () => {
  it('fills header, body and button parameters from attributes and variables', async () => {
    const result = await runNode(sendTemplateNode, {
      config,
      contact: contacts.windowClosed,
      variables: { order: 'A-17' },
      templates: [orderUpdate],
    });
    expect(result.port).toBe('main');
    expect(result.sent).toEqual([
      {
        type: 'template',
        template: {
          name: 'order_update',
          language: { code: 'pt_BR' },
          components: [
            { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.loja.test/A-17.png' } }] },
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Rui' },
                { type: 'text', text: 'A-17' },
              ],
            },
            { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A-17' }] },
          ],
        },
      },
    ]);
  });

  test.each<[string, Parameters<typeof runNode>[1], string, Record<string, unknown>]>([
    [
      'uses the parameter fallback when the attribute is missing',
      { config, contact: contacts.neverWrote, variables: { order: 'B-2' }, templates: [orderUpdate] },
      'main',
      { status: 'accepted' },
    ],
    [
      'does not send when a parameter stays empty',
      { config, contact: contacts.windowOpen, templates: [orderUpdate] },
      'failed',
      { status: 'not_sent', reason: 'template_params', detail: 'empty parameters: body.2, buttons.0' },
    ],
    [
      'is refused when the template is not approved',
      { config, variables: { order: 'A-1' }, templates: [{ ...orderUpdate, status: 'PAUSED' }] },
      'failed',
      { status: 'refused', reason: 'template_not_approved' },
    ],
    [
      'is refused when the account has no such template',
      { config, variables: { order: 'A-1' }, templates: [] },
      'failed',
      { status: 'refused', reason: 'template_missing' },
    ],
    [
      'is refused for an opted-out contact',
      { config, contact: contacts.optedOut, variables: { order: 'A-1' } },
      'failed',
      { status: 'refused', reason: 'opted_out' },
    ],
  ])('%s', async (_name, options, port, output) => {
    const result = await runNode(sendTemplateNode, options);
    expect(result.port).toBe(port);
    expect(result.output).toEqual(expect.objectContaining(output));
  });

  it('sends named parameters and quick-reply payloads', async () => {
    const result = await runNode(sendTemplateNode, {
      config: {
        name: 'promo',
        language: 'en',
        header: { kind: 'text', param: { name: 'season', value: 'Summer' } },
        body: [{ name: 'first_name', value: '{{contact.profileName}}' }],
        buttons: [{ index: 1, subType: 'quick_reply', value: 'promo_yes' }],
      },
    });
    expect(result.sent[0]).toEqual({
      type: 'template',
      template: {
        name: 'promo',
        language: { code: 'en' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'Summer', parameter_name: 'season' }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Ana', parameter_name: 'first_name' }] },
          { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'promo_yes' }] },
        ],
      },
    });
  });

  it('names its template for the approval lint and is not a free-form send', () => {
    expect(sendTemplateNode.templates?.(sendTemplateNode.configSchema.parse({ name: 'promo', language: 'en' }))).toEqual([
      { name: 'promo', language: 'en' },
    ]);
    expect(sendTemplateNode.sendsFreeForm).toBeUndefined();
    expect(sendTemplateNode.sendsTemplate).toBe(true);
  });
});
