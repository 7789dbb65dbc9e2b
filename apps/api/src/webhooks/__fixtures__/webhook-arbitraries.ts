import fc from 'fast-check';
import { adversarialString, adversarialValue, mutationsOf } from '../../common/__fixtures__/adversarial-json';
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

/** A Meta-shaped body with up to three fields (anywhere, at any depth) replaced by adversarial values. */
export const mutatedMetaBody: fc.Arbitrary<Json> = mutationsOf(metaBody).filter(
  (b) => typeof b === 'object' && b !== null && !Array.isArray(b),
);

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
