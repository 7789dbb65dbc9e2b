import { checkTemplateDefinition, type TemplateDefinition } from './template-definition.rule';

const body = (text: string, example?: Record<string, unknown>) => ({ type: 'BODY', text, ...(example ? { example } : {}) });
const positional = (...components: TemplateDefinition['components']): TemplateDefinition => ({ parameterFormat: 'POSITIONAL', components });

describe('checkTemplateDefinition', () => {
  test.each([
    ['plain text', positional(body('Your order has shipped.')), []],
    ['variables with samples', positional(body('Hi {{1}}, your order {{2}} shipped.', { body_text: [['Ana', 'A-1']] })), []],
    ['no body', positional({ type: 'FOOTER', text: 'x' }), ['a BODY component with text is required']],
    ['two bodies', positional(body('a'), body('b')), ['at most one BODY component']],
    [
      'a gap',
      positional(body('Hi {{1}} and {{3}}, thanks.', { body_text: [['a', 'b']] })),
      ['body: variables must be numbered {{1}} to {{2}} without gaps'],
    ],
    [
      'starts with a variable',
      positional(body('{{1}}, welcome', { body_text: [['Ana']] })),
      ['the body cannot start or end with a variable'],
    ],
    ['ends with a variable', positional(body('Welcome {{1}}', { body_text: [['Ana']] })), ['the body cannot start or end with a variable']],
    ['no samples', positional(body('Hi {{1}}, thanks.')), ['body: give one sample value for each of its 1 variables']],
    ['footer variable', positional(body('Hi.'), { type: 'FOOTER', text: 'Bye {{1}}' }), ['the footer cannot have variables']],
    [
      'header with two variables',
      positional({ type: 'HEADER', format: 'TEXT', text: '{{1}} {{2}}' }, body('Hi.')),
      ['a header can have at most one variable'],
    ],
    [
      'media header without a sample',
      positional({ type: 'HEADER', format: 'IMAGE' }, body('Hi.')),
      ['a media header needs a sample (example.header_handle)'],
    ],
    [
      'URL variable not at the end',
      positional(body('Hi.'), {
        type: 'BUTTONS',
        buttons: [{ type: 'URL', text: 'Track', url: 'https://x.test/{{1}}/t', example: ['a'] }],
      }),
      ['button "Track": only one variable, {{1}}, at the end of the URL'],
    ],
    [
      'three URL buttons',
      positional(body('Hi.'), {
        type: 'BUTTONS',
        buttons: [1, 2, 3].map((i) => ({ type: 'URL', text: `b${i}`, url: 'https://x.test' })),
      }),
      ['at most two URL buttons'],
    ],
  ])('%s', (_name, def, problems) => {
    expect(checkTemplateDefinition(def)).toEqual(problems);
  });

  test('named parameters are lower-case names with a sample each', () => {
    const named = (text: string, params: unknown[]): TemplateDefinition => ({
      parameterFormat: 'NAMED',
      components: [body(text, { body_text_named_params: params })],
    });
    expect(checkTemplateDefinition(named('Hi {{first_name}}, thanks.', [{ param_name: 'first_name', example: 'Ana' }]))).toEqual([]);
    expect(checkTemplateDefinition(named('Hi {{First}}, thanks.', [{ param_name: 'First', example: 'Ana' }]))).toEqual([
      'body: named variables are lower-case letters, digits and _ ({{First}})',
    ]);
  });
});
