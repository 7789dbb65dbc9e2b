import { parseWebhook } from './parse-webhook.util';
import { classifyWebhookBody } from './webhook-body.util';
import { decodeWebhookJson, MAX_WEBHOOK_DEPTH, storableText, TOO_DEEP } from './webhook-json.util';

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

  it(`cuts containers nested deeper than ${MAX_WEBHOOK_DEPTH} levels, without recursing (a million levels)`, () => {
    const nested = (depth: number, leaf: string) => '['.repeat(depth) + leaf + ']'.repeat(depth);
    const innermost = (value: unknown) => {
      let depth = 0;
      while (Array.isArray(value)) [value, depth] = [value[0], depth + 1];
      return { value, depth };
    };
    expect(innermost(decodeWebhookJson(nested(MAX_WEBHOOK_DEPTH, '"\\u0000"')))).toEqual({ value: R, depth: MAX_WEBHOOK_DEPTH });
    expect(innermost(decodeWebhookJson(nested(MAX_WEBHOOK_DEPTH + 1, '1')))).toEqual({ value: TOO_DEEP, depth: MAX_WEBHOOK_DEPTH });
    expect(innermost(decodeWebhookJson(nested(1_000_000, '1')))).toEqual({ value: TOO_DEEP, depth: MAX_WEBHOOK_DEPTH });
    expect(JSON.stringify(decodeWebhookJson('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)))).toContain(TOO_DEEP);
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
