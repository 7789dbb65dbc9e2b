import type { EngineEvent } from '@tandem/db';
import { signed } from '../webhooks/__fixtures__/meta-signing';
import { APP_SECRET, type IntakeHarness, startIntake, until } from '../webhooks/__fixtures__/intake-harness';
import { randomBytes } from 'node:crypto';
import {
  accountUpdate,
  contactSync,
  historyChunk,
  inbound,
  MARIA,
  NOW_S,
  PRIYA,
  status,
  templateStatus,
  text,
  unknownField,
} from '../webhooks/__fixtures__/webhooks';

const R = '\uFFFD';

/**
 * PostgreSQL's text and jsonb refuse NUL (and jsonb an unpaired surrogate). A signed body
 * carrying them is stored byte-exact, and processed with each such character read as U+FFFD:
 * the customer's message is seen, never a dead letter.
 */
describe('ingest: text PostgreSQL cannot store, in a signed webhook', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    h = await startIntake('intake_unstorable');
    await h.seedNumber();
  });
  afterAll(() => h?.close());

  const message = async (wamid: string) => (await h.ds.query('SELECT * FROM messages WHERE wamid = $1', [wamid]))[0];
  const storedBody = async (id: string): Promise<Buffer> =>
    (await h.ds.query('SELECT body FROM webhook_deliveries WHERE id = $1', [id]))[0].body;

  it('a NUL in a customer text and profile name: processed, message and contact visible, engine event emitted, raw body byte-exact', async () => {
    const body = text({ waId: MARIA.waId, name: 'Ma\u0000ria' }, 'wamid.nul-1', NOW_S, 'size\u000042?');
    const { deliveryId, outcome } = await h.deliver(body);
    expect(outcome).toBe('processed');
    expect(await storedBody(deliveryId)).toEqual(signed(body, APP_SECRET).raw);
    const stored = await message('wamid.nul-1');
    expect(stored.payload).toMatchObject({ text: `size${R}42?` });
    const [contact] = await h.ds.query('SELECT profile_name FROM contacts WHERE id = $1', [stored.contact_id]);
    expect(contact.profile_name).toBe(`Ma${R}ria`);
    const event = await until(() =>
      h.events.find((e): e is EngineEvent => e.kind === 'message.received' && e.payload.wamid === 'wamid.nul-1'),
    );
    expect(event.payload).toMatchObject({ text: `size${R}42?` });
  });

  it('unpaired surrogates in a text, a NUL in a history message and in an unknown field: all processed', async () => {
    const lone = await h.deliver(inbound(PRIYA, 'wamid.lone-1', NOW_S + 1, 'text', { text: { body: 'a\uD83Db\uDE00' } }));
    expect(lone.outcome).toBe('processed');
    expect((await message('wamid.lone-1')).payload).toMatchObject({ text: `a${R}b${R}` });
    const history = historyChunk(0, 1, 10, [
      { person: PRIYA, items: [{ wamid: 'wamid.hist-nul', ts: NOW_S - 60, fromBusiness: false, body: 'old\u0000' }] },
    ]);
    expect((await h.deliver(history)).outcome).toBe('processed');
    expect((await message('wamid.hist-nul')).payload).toMatchObject({ text: `old${R}` });
    const odd = unknownField();
    (odd.entry as { changes: { value: Record<string, unknown> }[] }[])[0].changes[0].value['k\u0000'] = '\u0000';
    const unknown = await h.deliver(odd);
    expect(unknown.outcome).toBe('processed');
    const [{ notes }] = await h.ds.query('SELECT notes FROM webhook_deliveries WHERE id = $1', [unknown.deliveryId]);
    expect(notes[0].raw).toMatchObject({ [`k${R}`]: R });
  });

  it('a NUL in the number id the body names: stored (ids as U+FFFD), processed as unroutable', async () => {
    const body = inbound(MARIA, 'wamid.nul-number', NOW_S + 2, 'text', { text: { body: 'hi' } }, { phoneNumberId: '1089\u0000' });
    const { deliveryId, outcome } = await h.deliver(body);
    expect(outcome).toBe('processed');
    const [row] = await h.ds.query('SELECT phone_number_ids, notes FROM webhook_deliveries WHERE id = $1', [deliveryId]);
    expect(row.phone_number_ids).toEqual([`1089${R}`]);
    expect(row.notes[0].reason).toMatch(/unroutable/);
  });

  // Random hex does not compress: 70 000 characters make an index entry PostgreSQL refuses (found by the webhook fuzzer).
  const long = randomBytes(35_000).toString('hex');
  it.each([
    ['a message id', () => text(MARIA, `wamid.${long}`, NOW_S + 3, 'hi')],
    ['a status id', () => status(`wamid.${long}`, 'delivered', NOW_S + 3)],
    ['a BSUID', () => text({ waId: MARIA.waId, userId: long }, 'wamid.long-bsuid', NOW_S + 3, 'hi')],
    ['a phone number', () => contactSync('1'.repeat(40) + long.replace(/\D/g, ''), 'add', NOW_S + 3, 'Long')],
    ['a template name and language', () => templateStatus('APPROVED', long, long, NOW_S + 3)],
    ['an account event, part of its idempotency key', () => accountUpdate(long.slice(0, 4000), NOW_S + 3)],
    [
      'the WABA id (stored with the delivery, indexed)',
      () => ({ ...text(MARIA, 'wamid.long-waba', NOW_S + 3, 'hi'), entry: [{ id: long, changes: [] }] }),
    ],
  ])('an id or key longer than any real one (%s): processed, not a dead letter', async (_, body) => {
    expect((await h.deliver(body())).outcome).toBe('processed');
  });
});
