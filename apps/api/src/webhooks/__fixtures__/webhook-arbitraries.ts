import fc from 'fast-check';
import {
  accountUpdate,
  contactSync,
  echo,
  ERROR_131047,
  historyChunk,
  historyDeclined,
  historyMedia,
  inbound,
  MARIA,
  NOW_S,
  PRICING_UTILITY,
  statuses,
  templateStatus,
  text,
  unknownField,
} from './webhooks';

type Json = Record<string, unknown>;

/** Text a store may choke on: NUL, unpaired surrogates, any code point, long runs, look-alike escapes. */
export const adversarialString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uD83D', '\\u0000', '%00', "'; DROP TABLE contacts; --", '', ' '),
  fc.string({ unit: fc.constantFrom('\u0000', '\uD83D', '\uDE00', 'a', '😀'), maxLength: 8 }),
  fc.constant('x'.repeat(70_000)),
);

/** Numbers and numeric strings at and past every range: timestamps of year 300 000, NaN-ish text, -0. */
export const adversarialNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 8.64e15, 2 ** 53, -1, 0, -0, 1.5, 99999999999999, 1e21),
  fc.constantFrom('1e308', '99999999999999999999', '-1', 'NaN', 'Infinity', '0x10', '1781000000.5', ''),
);

/** Nested arrays or objects, deep but well within the body limit. */
const deepValue: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 10, max: 2_000 }), fc.boolean())
  .map(([depth, arrays]) => JSON.parse(arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/** Anything a field might be replaced with: wrong types, adversarial text and numbers, deep values, nothing. */
export const adversarialValue: fc.Arbitrary<unknown> = fc.oneof(
  adversarialString,
  adversarialNumber,
  fc.constantFrom(null, true, false, [], {}, undefined),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(adversarialString, adversarialString, { maxKeys: 3 }),
  deepValue,
);

/** Every kind of body the fixtures know, with adversarial text where a person or a customer writes. */
const metaBody: fc.Arbitrary<Json> = fc
  .tuple(fc.integer({ min: 0, max: 11 }), adversarialString, adversarialString, fc.integer({ min: 1, max: 1_000_000 }))
  .map(([kind, s1, s2, n]) => {
    const wamid = `wamid.fuzz-${n}-${s1.slice(0, 4)}`;
    const person = { waId: MARIA.waId, name: s2 };
    const ts = NOW_S + (n % 1000);
    const bodies: (() => Json)[] = [
      () => text(person, wamid, ts, s1),
      () => inbound(person, wamid, ts, 'image', { image: { caption: s1, mime_type: s2, id: String(n) } }),
      () => inbound(person, wamid, ts, 'interactive', { interactive: { type: 'button_reply', button_reply: { id: s1, title: s2 } } }),
      () => echo(person, wamid, ts, 'text', { text: { body: s1 } }),
      () => historyChunk(0, 1, 10, [{ person, items: [{ wamid, ts, fromBusiness: n % 2 === 0, body: s1 }] }]),
      () => historyMedia(person, wamid, ts),
      () => historyDeclined(),
      () => statuses([{ wamid, status: 'failed', ts, opts: { errors: [{ ...ERROR_131047, message: s1 }], pricing: PRICING_UTILITY } }]),
      () => contactSync(MARIA.waId, n % 2 === 0 ? 'add' : 'remove', ts, s1),
      () => accountUpdate(s1 || 'ACCOUNT_UPDATE', ts, { reason: s2, initiated_by: 'USER' }),
      () => templateStatus('APPROVED', s1, s2, ts),
      () => unknownField(),
    ];
    return bodies[kind]();
  });

/** Every path (as keys) of a JSON value down to Meta's depth (not into a deep value placed before), the root first. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || prefix.length >= 12) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function replaceAt(body: Json, path: string[], value: unknown): Json {
  if (path.length === 0) return body;
  let node = body as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = value;
  return body;
}

/** A Meta-shaped body with up to three fields (anywhere, at any depth) replaced by adversarial values. */
export const mutatedMetaBody: fc.Arbitrary<Json> = fc
  .tuple(metaBody, fc.array(fc.tuple(fc.nat(), adversarialValue), { maxLength: 3 }))
  .map(([body, mutations]) => {
    for (const [pick, value] of mutations) {
      const paths = pathsOf(body);
      body = replaceAt(body, paths[pick % paths.length], value);
    }
    return body;
  });

/** Any JSON object at the top (what the endpoint stores), sometimes claiming to be an envelope. */
export const arbitraryObjectBody: fc.Arbitrary<Json> = fc.oneof(
  fc.dictionary(adversarialString, adversarialValue, { maxKeys: 4 }),
  fc.record({ object: fc.oneof(fc.constant('whatsapp_business_account'), adversarialValue), entry: adversarialValue }),
);

/** Bytes that are not a storable body: not JSON, JSON that is not an object, invalid UTF-8. */
export const notAnObjectBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  fc
    .jsonValue({ maxDepth: 2 })
    .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
    .map((v) => Buffer.from(JSON.stringify(v))),
  fc.constantFrom(Buffer.from('{"entry":'), Buffer.from([0x7b, 0x00, 0x7d]), Buffer.from('\u0000')),
);
