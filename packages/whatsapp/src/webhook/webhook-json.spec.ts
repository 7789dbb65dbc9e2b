import { parseWebhook } from './parse-webhook.util';
import { classifyWebhookBody } from './webhook-body.util';
import { decodeWebhookJson, storableText } from './webhook-json.util';

const R = '\uFFFD';

describe('decodeWebhookJson: text any store can keep', () => {
  it.each([
    ['a NUL', 'a\u0000b', `a${R}b`],
    ['a lone high surrogate', 'x\uD83D', `x${R}`],
    ['a lone low surrogate', '\uDE00x', `${R}x`],
    ['two high surrogates then a low one', '\uD83D\uD83D\uDE00', `${R}\uD83D\uDE00`],
    ['an emoji (a pair)', 'hi 😀', 'hi 😀'],
  ])('%s', (_, input, expected) => {
    expect(storableText(input)).toBe(expected);
    expect(decodeWebhookJson(JSON.stringify({ k: [input] }))).toEqual({ k: [expected] });
  });

  it('replaces in keys too, keeping their order, and keeps a "__proto__" key an own property', () => {
    const decoded = decodeWebhookJson('{"a":1,"b\\u0000":{"__proto__":"\\u0000"},"c":3}') as Record<string, unknown>;
    expect(Object.keys(decoded)).toEqual(['a', `b${R}`, 'c']);
    const inner = decoded[`b${R}`] as object;
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(inner, '__proto__')?.value).toBe(R);
  });

  it('walks nesting deeper than the call stack', () => {
    const depth = 200_000;
    const decoded = decodeWebhookJson('['.repeat(depth) + '"\\u0000"' + ']'.repeat(depth));
    let node = decoded;
    for (let i = 0; i < depth; i++) node = (node as unknown[])[0];
    expect(node).toBe(R);
  });

  it('is undefined for text that is not JSON, and leaves escapes of other characters alone', () => {
    expect(decodeWebhookJson('{"a":')).toBeUndefined();
    expect(decodeWebhookJson('"\\u0041\\\\u0000"')).toBe('A\\u0000');
  });
});

describe('a NUL in a customer text reaches the events as U+FFFD', () => {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'w\u0000',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550001', phone_number_id: 'p\u0000' },
              contacts: [{ wa_id: '15551234567', profile: { name: 'Ma\u0000ria' } }],
              messages: [
                { from: '15551234567', id: 'wamid.\u0000', timestamp: '1750000000', type: 'text', text: { body: 'hi\u0000there' } },
              ],
            },
          },
        ],
      },
    ],
  });

  it('parseWebhook: text, profile name and ids', () => {
    const [event] = parseWebhook(Buffer.from(body));
    expect(event).toMatchObject({
      kind: 'message.received',
      wabaId: `w${R}`,
      phoneNumberId: `p${R}`,
      wamid: `wamid.${R}`,
      contact: { profileName: `Ma${R}ria` },
      type: 'text',
      text: `hi${R}there`,
    });
  });

  it('classifyWebhookBody: the ids that will be stored', () => {
    expect(classifyWebhookBody(body)).toMatchObject({ phoneNumberIds: [`p${R}`], wabaIds: [`w${R}`] });
  });
});
