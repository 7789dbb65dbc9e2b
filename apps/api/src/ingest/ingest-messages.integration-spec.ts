import type { EngineEvent } from '@tandem/db';
import { type IntakeHarness, startIntake, until } from '../webhooks/__fixtures__/intake-harness';
import {
  echo,
  envelope,
  groupMessage,
  historyChunk,
  inbound,
  JOAO,
  LUCIA,
  MARIA,
  NOW_S,
  ONBOARDED_AT_S,
  type Person,
  PRIYA,
  text,
  unknownField,
} from '../webhooks/__fixtures__/webhooks';

const DAY_MS = 24 * 3600 * 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('ingest: inbound messages, echoes, history, identity', () => {
  let h: IntakeHarness;
  let numberId: string;

  beforeAll(async () => {
    h = await startIntake('intake_messages');
    numberId = await h.seedNumber();
  });
  afterAll(() => h.close());

  const contact = async (waId: string) =>
    (await h.ds.query('SELECT * FROM contacts WHERE number_id = $1 AND wa_id = $2', [numberId, waId]))[0];
  const message = async (wamid: string) => (await h.ds.query('SELECT * FROM messages WHERE wamid = $1', [wamid]))[0];
  const engineEvent = (kind: string, wamid: string) =>
    until(() => h.events.find((e): e is EngineEvent => e.kind === kind && 'wamid' in e.payload && e.payload.wamid === wamid));

  it.each([
    ['text', 'text', { text: { body: 'Do you have size 42?' } }, { text: 'Do you have size 42?' }],
    [
      'image',
      'image',
      { image: { caption: 'this one', mime_type: 'image/jpeg', sha256: 'abc=', id: '1479537139650973' } },
      { media: { kind: 'image', id: '1479537139650973', caption: 'this one' } },
    ],
    [
      'button reply',
      'interactive',
      {
        interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
        context: { from: '15557012244', id: 'wamid.ours-1' },
      },
      { buttonId: 'yes', context: { wamid: 'wamid.ours-1' } },
    ],
    [
      'list reply',
      'interactive',
      { interactive: { type: 'list_reply', list_reply: { id: 'row-2', title: 'Tuesday', description: 'afternoon' } } },
      { listRowId: 'row-2' },
    ],
    ['template quick reply', 'button', { button: { payload: 'PROMO_STOP', text: 'Stop promotions' } }, { buttonPayload: 'PROMO_STOP' }],
    [
      'reaction',
      'reaction',
      { reaction: { message_id: 'wamid.ours-2', emoji: '👍' } },
      { reaction: { messageId: 'wamid.ours-2', emoji: '👍' } },
    ],
    [
      'location',
      'location',
      { location: { latitude: 38.72, longitude: -9.14, name: 'Loja Chiado' } },
      { location: { latitude: 38.72, longitude: -9.14 } },
    ],
    [
      'unsupported',
      'unsupported',
      { unsupported: { type: 'poll' }, errors: [{ code: 131051, title: 'Message type unknown' }] },
      { errors: [{ code: 131051 }] },
    ],
  ])('stores an inbound %s, opens the window for 24 h and tells the engine', async (name, type, content, expected) => {
    const person: Person = { waId: `44700900${1000 + name.charCodeAt(0) * 7 + name.length}`, name: `Customer ${name}` };
    const wamid = `wamid.inbound-${name.replace(/ /g, '-')}`;
    await h.deliver(inbound(person, wamid, NOW_S, type, content));
    const stored = await message(wamid);
    expect(stored).toMatchObject({ direction: 'inbound', source: 'live', type, media_placeholder: false });
    expect(stored.payload).toMatchObject(expected);
    const c = await contact(person.waId);
    expect(c).toMatchObject({ profile_name: person.name, id: stored.contact_id });
    expect(c.window_open_until.getTime()).toBe(NOW_S * 1000 + DAY_MS);
    const event = await engineEvent('message.received', wamid);
    expect(event).toMatchObject({ contactKey: c.id, numberId, payload: { type, windowOpened: true, windowOpenUntil: iso(NOW_S + 86400) } });
  });

  it('applies the same message once when it arrives in two different bodies', async () => {
    const body = text(PRIYA, 'wamid.twice', NOW_S + 5, 'Hello?');
    const first = await h.deliver(body);
    const second = await h.deliver({ ...body, entry: [...(body.entry as object[]), { id: 'other-waba', changes: [] }] });
    expect(second.deliveryId).not.toBe(first.deliveryId);
    expect(second.outcome).toBe('processed');
    const [{ n }] = await h.ds.query(`SELECT count(*)::int AS n FROM messages WHERE wamid = 'wamid.twice'`);
    expect(n).toBe(1);
    await engineEvent('message.received', 'wamid.twice');
    const [{ outbox }] = await h.ds.query(`SELECT count(*)::int AS outbox FROM domain_events WHERE payload->>'wamid' = 'wamid.twice'`);
    expect(outbox).toBe(1);
  });

  it('keeps history as context: only the later live message opens the window', async () => {
    await h.deliver(
      historyChunk(0, 1, 10, [
        {
          person: LUCIA,
          items: [
            { wamid: 'wamid.hist-lucia-1', ts: ONBOARDED_AT_S - 3600, fromBusiness: false, body: '¿Abren el domingo?' },
            { wamid: 'wamid.hist-lucia-2', ts: ONBOARDED_AT_S + 600, fromBusiness: false, body: 'Gracias' },
          ],
        },
      ]),
    );
    const before = await contact(LUCIA.waId);
    expect(before).toMatchObject({ window_open_until: null, last_inbound_at: null });
    expect(before.first_inbound_at.toISOString()).toBe(iso(ONBOARDED_AT_S - 3600));
    expect(await message('wamid.hist-lucia-2')).toMatchObject({ source: 'history', direction: 'inbound' });
    expect(h.events.some((e) => e.kind === 'message.received' && e.payload.wamid === 'wamid.hist-lucia-2')).toBe(false);

    await h.deliver(text(LUCIA, 'wamid.live-lucia', NOW_S + 60, 'Hola de nuevo'));
    const after = await contact(LUCIA.waId);
    expect(after.window_open_until.toISOString()).toBe(iso(NOW_S + 60 + 86400));
    expect(after.last_inbound_at.toISOString()).toBe(iso(NOW_S + 60));
  });

  it('records an echo after an inbound message without touching the window', async () => {
    await h.deliver(text(MARIA, 'wamid.maria-in', NOW_S, 'Is it in stock?'));
    const opened = (await contact(MARIA.waId)).window_open_until.toISOString();
    await h.deliver(echo(MARIA, 'wamid.maria-echo', NOW_S + 600, 'text', { text: { body: 'Yes, we have it!' } }));
    const c = await contact(MARIA.waId);
    expect(c.window_open_until.toISOString()).toBe(opened);
    expect(c.last_inbound_at.toISOString()).toBe(iso(NOW_S));
    expect(await message('wamid.maria-echo')).toMatchObject({ direction: 'app_echo', source: 'live', contact_id: c.id });
    // Number activity is written in batches, within about a second.
    const number = await until(async () => {
      const [n] = await h.ds.query('SELECT last_echo_at, last_inbound_at, last_webhook_at FROM business_numbers WHERE id = $1', [numberId]);
      return n.last_echo_at ? n : undefined;
    });
    expect(number.last_echo_at.toISOString()).toBe(iso(NOW_S + 600));
    expect(number.last_webhook_at).not.toBeNull();
    const event = await engineEvent('message.echo', 'wamid.maria-echo');
    expect(event.payload).toMatchObject({ contactId: c.id, text: 'Yes, we have it!' });
  });

  it('gives the conversation to the teammate who replied from the app, and restarts the return-to-bot clock on each reply', async () => {
    const c = await contact(MARIA.waId);
    expect(c).toMatchObject({ ownership: 'human', owner_kind: 'teammate', human_owned: true });
    expect(c.human_owned_at.toISOString()).toBe(iso(NOW_S + 600));
    expect(c.last_human_message_at.toISOString()).toBe(iso(NOW_S + 600));
    await h.deliver(echo(MARIA, 'wamid.maria-echo-3', NOW_S + 650, 'text', { text: { body: 'Anything else?' } }));
    const later = await contact(MARIA.waId);
    expect(later.last_human_message_at.toISOString()).toBe(iso(NOW_S + 650));
    expect(later.human_owned_at.toISOString()).toBe(iso(NOW_S + 600));
    const events = await h.ds.query('SELECT kind, to_state, actor_kind, actor_id, at FROM conversation_events WHERE contact_id = $1', [
      c.id,
    ]);
    expect(events).toEqual([
      { kind: 'taken', to_state: 'human', actor_kind: 'teammate', actor_id: 'wamid.maria-echo', at: new Date(iso(NOW_S + 600)) },
    ]);
  });

  it('records edits and revokes made in the app against the original message', async () => {
    await h.deliver(echo(MARIA, 'wamid.maria-echo-2', NOW_S + 700, 'text', { text: { body: 'See you at 5' } }));
    await h.deliver(
      echo(MARIA, 'wamid.maria-edit', NOW_S + 720, 'edit', {
        edit: { original_message_id: 'wamid.maria-echo-2', message: { type: 'text', text: { body: 'See you at 6' } } },
      }),
    );
    const edited = await message('wamid.maria-echo-2');
    expect(edited.edited_at.toISOString()).toBe(iso(NOW_S + 720));
    expect(edited.edit).toMatchObject({ wamid: 'wamid.maria-edit', text: 'See you at 6' });
    await h.deliver(echo(MARIA, 'wamid.maria-revoke', NOW_S + 740, 'revoke', { revoke: { original_message_id: 'wamid.maria-echo-2' } }));
    expect((await message('wamid.maria-echo-2')).revoked_at.toISOString()).toBe(iso(NOW_S + 740));
  });

  it('merges the phone contact and the BSUID contact when a message shows they are one person', async () => {
    await h.deliver(text({ waId: JOAO.waId, name: JOAO.name }, 'wamid.joao-phone', NOW_S, 'Oi'));
    await h.deliver(
      envelope('messages', {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '15557012244', phone_number_id: '108932450377265' },
        contacts: [{ wa_id: '', user_id: JOAO.userId, profile: { name: 'João' } }],
        messages: [
          {
            from: '',
            from_user_id: JOAO.userId,
            id: 'wamid.joao-bsuid',
            timestamp: String(NOW_S + 10),
            type: 'text',
            text: { body: 'Sou eu' },
          },
        ],
      }),
    );
    const [{ n: before }] = await h.ds.query('SELECT count(*)::int AS n FROM contacts WHERE wa_id = $1 OR user_id = $2', [
      JOAO.waId,
      JOAO.userId,
    ]);
    expect(before).toBe(2);
    // Each half has its own opt-out history; Meta's hold is on the BSUID half only.
    await h.ds.query(
      `WITH c AS (UPDATE contacts SET marketing_held_until = now() + interval '1 day' WHERE wa_id = $1 OR user_id = $2 RETURNING id, workspace_id, (user_id IS NOT NULL) AS bsuid)
       INSERT INTO contact_opt_events (workspace_id, contact_id, kind, source) SELECT workspace_id, id, 'held', 'meta_code' FROM c`,
      [JOAO.waId, JOAO.userId],
    );
    await h.ds.query(`UPDATE contacts SET marketing_held_until = NULL WHERE wa_id = $1`, [JOAO.waId]);
    await h.deliver(text(JOAO, 'wamid.joao-both', NOW_S + 20, 'Ambos'));
    const rows = await h.ds.query('SELECT * FROM contacts WHERE wa_id = $1 OR user_id = $2', [JOAO.waId, JOAO.userId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ wa_id: JOAO.waId, user_id: JOAO.userId });
    const owners = await h.ds.query(`SELECT DISTINCT contact_id FROM messages WHERE wamid LIKE 'wamid.joao-%'`);
    expect(owners).toEqual([{ contact_id: rows[0].id }]);
    expect(rows[0].marketing_held_until).not.toBeNull();
    const history = await h.ds.query('SELECT DISTINCT contact_id FROM contact_opt_events WHERE kind = $1', ['held']);
    expect(history).toEqual([{ contact_id: rows[0].id }]);
    const event = await engineEvent('message.received', 'wamid.joao-both');
    expect(event.payload).toMatchObject({ contactId: rows[0].id, mergedContactIds: [expect.any(String)] });
  });

  it('records events for an unregistered number as unroutable and changes nothing', async () => {
    const { deliveryId, outcome } = await h.deliver(
      inbound(MARIA, 'wamid.elsewhere', NOW_S, 'text', { text: { body: 'hi' } }, { phoneNumberId: '999000111' }),
    );
    expect(outcome).toBe('processed');
    const [delivery] = await h.ds.query('SELECT notes, event_count FROM webhook_deliveries WHERE id = $1', [deliveryId]);
    expect(delivery.event_count).toBe(1);
    expect(delivery.notes).toEqual([
      expect.objectContaining({ kind: 'message.received', reason: expect.stringContaining('unroutable'), phoneNumberId: '999000111' }),
    ]);
    expect(await message('wamid.elsewhere')).toBeUndefined();
    const [{ n }] = await h.ds.query('SELECT count(*)::int AS n FROM business_numbers');
    expect(n).toBe(1);
  });

  it.each([
    ['a group chat message', () => groupMessage('wamid.group-1', NOW_S), 'group_message'],
    ['an unknown field', unknownField, 'unknown_field'],
  ])('keeps %s raw on the delivery without a domain change', async (_name, body, reason) => {
    const messagesBefore = (await h.ds.query('SELECT count(*)::int AS n FROM messages'))[0].n;
    const { deliveryId } = await h.deliver(body());
    const [delivery] = await h.ds.query('SELECT notes FROM webhook_deliveries WHERE id = $1', [deliveryId]);
    expect(delivery.notes).toEqual([
      expect.objectContaining({ kind: 'unknown', reason: expect.stringContaining(reason), raw: expect.anything() }),
    ]);
    expect((await h.ds.query('SELECT count(*)::int AS n FROM messages'))[0].n).toBe(messagesBefore);
  });
});
