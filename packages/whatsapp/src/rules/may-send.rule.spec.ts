import type { TemplateDefinitionComponent } from '../client/graph-responses.schema';
import type { OutboundMessage, TemplateMessage } from '../client/message.types';
import type { TemplateComponent } from '../client/template-message.types';
import { maySend, type MaySendInput, type MaySendRefusal } from './may-send.rule';

const NOW = 1_781_000_000_000;
const open = { optedOut: false, windowOpenUntil: NOW + 1000 };
const closed = { optedOut: false, windowOpenUntil: NOW - 1 };
const optedOut = { optedOut: true, windowOpenUntil: NOW + 1000 };

const text: OutboundMessage = { type: 'text', text: { body: 'Hi' } };
const reaction: OutboundMessage = { type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } };

const definition: TemplateDefinitionComponent[] = [
  { type: 'HEADER', format: 'IMAGE' },
  { type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped. Thanks {{1}}!' },
  { type: 'FOOTER', text: 'Reply STOP to opt out' },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'URL', text: 'Track', url: 'https://shop.example/t/{{1}}' },
      { type: 'QUICK_REPLY', text: 'Stop promotions' },
    ],
  },
];
const named: TemplateDefinitionComponent[] = [
  { type: 'HEADER', format: 'TEXT', text: 'Hello {{first_name}}' },
  { type: 'BODY', text: 'Your code {{code}} expires {{when}}.' },
];

const header: TemplateComponent = { type: 'header', parameters: [{ type: 'image', image: { id: 'img-1' } }] };
const body2: TemplateComponent = {
  type: 'body',
  parameters: [
    { type: 'text', text: 'Maria' },
    { type: 'text', text: '#5521' },
  ],
};
const urlButton: TemplateComponent = { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '5521' }] };

function tpl(components?: TemplateComponent[]): TemplateMessage {
  return { type: 'template', template: { name: 'order_shipped_v2', language: { code: 'en_US' }, components } };
}

type Case = [string, Omit<MaySendInput, 'now'>, true | MaySendRefusal];

describe('maySend', () => {
  test.each<Case>([
    ['free-form inside the window', { message: text, contact: open }, true],
    ['free-form outside the window', { message: text, contact: closed }, 'window_closed'],
    ['free-form with no window ever', { message: text, contact: { optedOut: false, windowOpenUntil: null } }, 'window_closed'],
    ['a reaction is free-form too', { message: reaction, contact: closed }, 'window_closed'],
    ['opted out gets nothing, even inside the window', { message: text, contact: optedOut }, 'opted_out'],
    [
      'opted out gets no template either',
      { message: tpl([header, body2, urlButton]), contact: optedOut, template: { status: 'APPROVED', components: definition } },
      'opted_out',
    ],
    [
      'approved template, matching params, window closed',
      { message: tpl([header, body2, urlButton]), contact: closed, template: { status: 'APPROVED', components: definition } },
      true,
    ],
    ['unknown template', { message: tpl([body2]), contact: closed, template: null }, 'template_missing'],
    [
      'paused template',
      { message: tpl([header, body2, urlButton]), contact: closed, template: { status: 'PAUSED', components: definition } },
      'template_not_approved',
    ],
    [
      'pending template',
      { message: tpl([header, body2, urlButton]), contact: closed, template: { status: 'PENDING', components: definition } },
      'template_not_approved',
    ],
    [
      'body param missing ({{1}} twice counts once)',
      {
        message: tpl([header, { type: 'body', parameters: [{ type: 'text', text: 'Maria' }] }, urlButton]),
        contact: closed,
        template: { status: 'APPROVED', components: definition },
      },
      'template_params',
    ],
    [
      'media header missing',
      { message: tpl([body2, urlButton]), contact: closed, template: { status: 'APPROVED', components: definition } },
      'template_params',
    ],
    [
      'wrong header media type',
      {
        message: tpl([{ type: 'header', parameters: [{ type: 'video', video: { id: 'v' } }] }, body2, urlButton]),
        contact: closed,
        template: { status: 'APPROVED', components: definition },
      },
      'template_params',
    ],
    [
      'dynamic URL button without parameter',
      { message: tpl([header, body2]), contact: closed, template: { status: 'APPROVED', components: definition } },
      'template_params',
    ],
    [
      'button index that does not exist',
      {
        message: tpl([
          header,
          body2,
          urlButton,
          { type: 'button', sub_type: 'quick_reply', index: '5', parameters: [{ type: 'payload', payload: 'P' }] },
        ]),
        contact: closed,
        template: { status: 'APPROVED', components: definition },
      },
      'template_params',
    ],
    [
      'quick-reply payload on the quick-reply button is fine',
      {
        message: tpl([
          header,
          body2,
          urlButton,
          { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'STOP' }] },
        ]),
        contact: closed,
        template: { status: 'APPROVED', components: definition },
      },
      true,
    ],
    [
      'parameters for a template without any',
      { message: tpl([body2]), contact: closed, template: { status: 'APPROVED', components: [{ type: 'BODY', text: 'Hello!' }] } },
      'template_params',
    ],
    [
      'no components for a template without any',
      { message: tpl(), contact: closed, template: { status: 'APPROVED', components: [{ type: 'BODY', text: 'Hello!' }] } },
      true,
    ],
    [
      'named params all given',
      {
        message: tpl([
          { type: 'header', parameters: [{ type: 'text', text: 'Maria', parameter_name: 'first_name' }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '123', parameter_name: 'code' },
              { type: 'text', text: 'soon', parameter_name: 'when' },
            ],
          },
        ]),
        contact: closed,
        template: { status: 'APPROVED', components: named },
      },
      true,
    ],
    [
      'named params with a wrong name',
      {
        message: tpl([
          { type: 'header', parameters: [{ type: 'text', text: 'Maria', parameter_name: 'first_name' }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '123', parameter_name: 'code' },
              { type: 'text', text: 'soon', parameter_name: 'whenever' },
            ],
          },
        ]),
        contact: closed,
        template: { status: 'APPROVED', components: named },
      },
      'template_params',
    ],
  ])('%s', (_label, input, expected) => {
    const result = maySend({ ...input, now: NOW });
    if (expected === true) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, reason: expected, detail: expect.any(String) });
  });
});
