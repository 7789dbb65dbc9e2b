import type { SimTemplate } from '../state/sim-state.types';
import type { TemplateRequest } from './send-request.schema';
import { expectedSlots, paramMismatch, placeholders, quickReplies, renderTemplateText } from './template-rules.util';

const template = (components: SimTemplate['components'], parameterFormat: SimTemplate['parameterFormat'] = 'POSITIONAL'): SimTemplate => ({
  id: '1',
  wabaId: '2',
  name: 't',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat,
  components,
});

const text = (...values: string[]) => values.map((v) => ({ type: 'text' as const, text: v }));
const request = (components: TemplateRequest['components']): TemplateRequest => ({ name: 't', language: { code: 'en_US' }, components });

const shipped = template([
  { type: 'HEADER', format: 'IMAGE' },
  { type: 'BODY', text: 'Hi {{1}}, order {{2}} ships {{1}}' },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'QUICK_REPLY', text: 'Thanks' },
      { type: 'URL', text: 'Track', url: 'https://t.test/{{1}}' },
    ],
  },
]);

describe('placeholders', () => {
  it.each([
    ['Hi {{1}} and {{2}}', ['1', '2']],
    ['{{1}} twice {{1}}', ['1']],
    ['named {{first_name}} and {{ date }}', ['first_name', 'date']],
    ['none', []],
  ])('%s', (input, expected) => {
    expect(placeholders(input)).toEqual(expected);
  });
});

describe('template parameter rules', () => {
  it('derives slots from header media, distinct body placeholders and URL buttons', () => {
    expect(expectedSlots(shipped).map((s) => [s.label, s.count])).toEqual([
      ['header', 1],
      ['body', 2],
      ['button[1]', 1],
    ]);
  });

  const complete = [
    { type: 'header' as const, parameters: [{ type: 'image' as const, image: { link: 'https://x.test/a.png' } }] },
    { type: 'body' as const, parameters: text('Maria', '#5521') },
    { type: 'button' as const, sub_type: 'url' as const, index: '1', parameters: text('5521') },
  ];

  it.each([
    ['all slots filled', complete, undefined],
    [
      'quick-reply payload is optional',
      [
        ...complete,
        { type: 'button' as const, sub_type: 'quick_reply' as const, index: 0, parameters: [{ type: 'payload' as const, payload: 'X' }] },
      ],
      undefined,
    ],
    [
      'missing body parameter',
      [complete[0], { type: 'body' as const, parameters: text('Maria') }, complete[2]],
      'body: number of localizable_params (1)',
    ],
    ['missing header', complete.slice(1), 'header: number of localizable_params (0)'],
    ['missing URL button parameter', complete.slice(0, 2), 'button[1]: number of localizable_params (0)'],
  ])('%s', (_label, components, expected) => {
    const mismatch = paramMismatch(shipped, request(components));
    if (expected === undefined) expect(mismatch).toBeUndefined();
    else expect(mismatch).toContain(expected);
  });

  it('refuses parameters for a component that has none', () => {
    const plain = template([{ type: 'BODY', text: 'Welcome back!' }]);
    expect(paramMismatch(plain, request([]))).toBeUndefined();
    expect(paramMismatch(plain, request([{ type: 'body', parameters: text('x') }]))).toContain('expected number of params (0)');
    expect(paramMismatch(plain, request([{ type: 'header', parameters: text('x') }]))).toContain('header');
  });

  it('matches named parameters by name, in any order', () => {
    const named = template([{ type: 'BODY', text: 'Hi {{first_name}}, see you {{date}}' }], 'NAMED');
    const params = (names: string[]) =>
      request([{ type: 'body', parameters: names.map((n) => ({ type: 'text' as const, parameter_name: n, text: n })) }]);
    expect(paramMismatch(named, params(['date', 'first_name']))).toBeUndefined();
    expect(paramMismatch(named, params(['first_name', 'time']))).toContain('parameter names');
  });

  it('renders the body and the quick replies the customer can tap', () => {
    const req = request([
      ...complete,
      { type: 'button', sub_type: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'THANKS_5521' }] },
    ]);
    expect(renderTemplateText(shipped, req)).toBe('Hi Maria, order #5521 ships Maria');
    expect(quickReplies(shipped, req)).toEqual([{ text: 'Thanks', payload: 'THANKS_5521' }]);
  });
});
