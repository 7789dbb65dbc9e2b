import { isWebhookBody } from './webhook-body.util';

describe('isWebhookBody', () => {
  it.each([
    ['an envelope', '{"object":"whatsapp_business_account","entry":[]}', true],
    ['an object of unknown shape', '{"hello":1}', true],
    ['an array', '[{"object":"whatsapp_business_account"}]', false],
    ['a string', '"text"', false],
    ['null', 'null', false],
    ['broken JSON', '{"object":', false],
    ['an empty body', '', false],
  ])('%s → %s', (_name, body, expected) => {
    expect(isWebhookBody(Buffer.from(body))).toBe(expected);
    expect(isWebhookBody(body)).toBe(expected);
  });
});
