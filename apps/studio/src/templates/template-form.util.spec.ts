import { bodyVariables, emptyTemplateForm, templateRequest } from './template-form.util';

describe('templateRequest', () => {
  it('builds Meta’s components from the form, with samples only when the body has variables', () => {
    const req = templateRequest('n1', {
      ...emptyTemplateForm(),
      name: ' order_ready ',
      header: 'Order ready',
      body: 'Hi {{1}}, order {{2}} is ready.',
      samples: 'Ana | A-17, blue',
      footer: 'Acme',
      quickReplies: 'On my way\n\nLater',
    });
    expect(req).toEqual({
      numberId: 'n1',
      name: 'order_ready',
      language: 'en_US',
      category: 'UTILITY',
      parameterFormat: 'POSITIONAL',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order ready' },
        { type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready.', example: { body_text: [['Ana', 'A-17, blue']] } },
        { type: 'FOOTER', text: 'Acme' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'On my way' },
            { type: 'QUICK_REPLY', text: 'Later' },
          ],
        },
      ],
    });
    expect(templateRequest('n1', { ...emptyTemplateForm(), body: 'Plain' }).components).toEqual([{ type: 'BODY', text: 'Plain' }]);
  });

  it('lists body variables once, in order', () => {
    expect(bodyVariables('{{2}} a {{1}} b {{2}}')).toEqual(['2', '1']);
  });
});
