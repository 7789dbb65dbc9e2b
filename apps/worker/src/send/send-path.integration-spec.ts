import { ApplicationFailure } from '@temporalio/activity';
import type { OutboundMessage } from '@tandem/whatsapp';
import { createEngineHarness, type EngineHarness } from '../__fixtures__/engine-harness';
import { PHONE_NUMBER_ID, WABA_ID } from '../__fixtures__/store-fixture';
import { SendPath, type SendRequest } from './send-path.service';

jest.setTimeout(30_000);

let h: EngineHarness;
let send: SendPath;
let keySeq = 0;
const text: OutboundMessage = { type: 'text', text: { body: 'Hello' } };
const reminder = {
  name: 'follow_up_reminder',
  language: { code: 'en_US' },
  components: [{ type: 'body' as const, parameters: [{ type: 'text' as const, text: 'Ana' }] }],
};

beforeAll(async () => {
  h = await createEngineHarness('send_path');
  send = new SendPath(h.deps);
});
afterAll(() => h.close());

async function request(contactId: string, overrides: Partial<SendRequest> = {}): Promise<SendRequest> {
  return {
    key: `test-key-${++keySeq}`,
    workspaceId: h.store.workspaceId,
    numberId: h.store.numberId,
    contactId,
    runId: null,
    nodeId: 'node-1',
    message: text,
    attempt: 1,
    ...overrides,
  };
}
const outbox = async (key: string) =>
  (await h.db.dataSource.query('SELECT state, wamid, error, error_code FROM outbox_sends WHERE idempotency_key = $1', [key]))[0];

describe('the send path', () => {
  it('sends once, returns the stored outcome on a retry, and stores the message with its node', async () => {
    const contactId = await h.store.contact('15550000001');
    const req = await request(contactId);
    const first = await send.send(req);
    expect(first).toEqual({ status: 'accepted', wamid: expect.stringMatching(/^wamid\.fake\./) });
    const wamid = first.status === 'accepted' ? first.wamid : '';
    await h.store.status(wamid, 'delivered');
    await expect(send.send({ ...req, attempt: 2 })).resolves.toEqual(first);
    expect(h.graph.sendsTo('15550000001')).toHaveLength(1);
    expect(h.graph.sendsTo('15550000001')[0].body).toMatchObject({ type: 'text', biz_opaque_callback_data: req.key });
    const [message] = await h.db.dataSource.query('SELECT direction, journey_node_id, payload FROM messages WHERE wamid = $1', [wamid]);
    expect(message).toEqual({ direction: 'api', journey_node_id: 'node-1', payload: { type: 'text', text: { body: 'Hello' } } });
    expect(await outbox(req.key)).toMatchObject({ state: 'accepted', wamid });
  });

  it('refuses free-form outside the window without calling Meta, or sends the fallback template', async () => {
    const contactId = await h.store.contact('15550000002', { windowOpen: false });
    const refused = await request(contactId);
    await expect(send.send(refused)).resolves.toMatchObject({ status: 'refused', reason: 'window_closed' });
    expect(h.graph.sendsTo('15550000002')).toHaveLength(0);
    await expect(send.send(refused)).resolves.toMatchObject({ status: 'refused', reason: 'window_closed' });
    const withFallback = await request(contactId, { fallbackTemplate: reminder });
    await expect(send.send(withFallback)).resolves.toMatchObject({ status: 'accepted', usedFallback: true });
    expect(h.graph.sendsTo('15550000002').map((s) => s.body.type)).toEqual(['template']);
  });

  test.each([
    ['a teammate owns the chat', { humanOwned: true }, text, 'human_owned'],
    [
      'an unknown template (after asking Meta)',
      {},
      { type: 'template', template: { name: 'no_such', language: { code: 'en_US' } } },
      'template_missing',
    ],
    [
      'a template with an empty parameter list',
      {},
      { type: 'template', template: { name: 'follow_up_reminder', language: { code: 'en_US' } } },
      'template_params',
    ],
  ] as const)('refuses when %s', async (_name, contact, message, reason) => {
    const contactId = await h.store.contact(`1555001${keySeq}`, contact);
    await expect(send.send(await request(contactId, { message: message as OutboundMessage }))).resolves.toMatchObject({
      status: 'refused',
      reason,
    });
  });

  it('fetches a template it does not know yet from Meta, then sends it', async () => {
    h.graph.templates = [
      {
        id: '9',
        name: 'brand_new',
        language: 'en_US',
        status: 'APPROVED',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Hello there' }],
      },
    ];
    const listings = h.graph.templateListings;
    const contactId = await h.store.contact('15550000003', { windowOpen: false });
    const message: OutboundMessage = { type: 'template', template: { name: 'brand_new', language: { code: 'en_US' } } };
    await expect(send.send(await request(contactId, { message }))).resolves.toMatchObject({ status: 'accepted' });
    expect(h.graph.templateListings).toBe(listings + 1);
    const [row] = await h.db.dataSource.query(`SELECT status FROM templates WHERE waba_id = $1 AND name = 'brand_new'`, [WABA_ID]);
    expect(row.status).toBe('APPROVED');
  });

  it('turns 130429 into a retryable failure with back-off, then sends exactly once on the retry', async () => {
    const contactId = await h.store.contact('15550000004');
    const req = await request(contactId);
    h.graph.queuedErrors.push({ code: 130429, httpStatus: 429 });
    const error = await send.send(req).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: 'GraphRetryLater', nonRetryable: false });
    expect((error as ApplicationFailure).nextRetryDelay).toBeDefined();
    expect(await outbox(req.key)).toMatchObject({ state: 'pending', error: { notSent: true, code: 130429 } });
    await expect(send.send({ ...req, attempt: 2 })).resolves.toMatchObject({ status: 'accepted' });
    expect(h.graph.sendsTo('15550000004')).toHaveLength(1);
  });

  test.each([
    ['132001 (template problem) → failed with the code', 132001, { status: 'failed', code: 132001, classification: 'template_problem' }],
    ['131047 (window closed at Meta) → refused window_closed', 131047, { status: 'refused', reason: 'window_closed' }],
    ['131026 (undeliverable) → failed', 131026, { status: 'failed', code: 131026 }],
  ])('%s', async (_name, code, expected) => {
    const contactId = await h.store.contact(`1555002${code}`);
    const req = await request(contactId);
    h.graph.queuedErrors.push({ code });
    await expect(send.send(req)).resolves.toMatchObject(expected);
    await expect(send.send({ ...req, attempt: 2 })).resolves.toMatchObject(expected);
    expect(h.graph.failures.filter((f) => f.body.biz_opaque_callback_data === req.key)).toHaveLength(1);
  });

  it('marks the number when Meta refuses the token (auth), and a marketing stop on the contact', async () => {
    const contactId = await h.store.contact('15550000005');
    h.graph.queuedErrors.push({ code: 190, httpStatus: 401 });
    await expect(send.send(await request(contactId))).resolves.toMatchObject({ status: 'failed', code: 190, classification: 'auth' });
    const [number] = await h.db.dataSource.query('SELECT health FROM business_numbers WHERE phone_number_id = $1', [PHONE_NUMBER_ID]);
    expect(number.health).toMatchObject({ status: 'send_blocked' });
    h.graph.queuedErrors.push({ code: 131050 });
    await expect(send.send(await request(contactId))).resolves.toMatchObject({ status: 'failed', code: 131050 });
    const [contact] = await h.db.dataSource.query('SELECT marketing_opted_out FROM contacts WHERE id = $1', [contactId]);
    expect(contact.marketing_opted_out).toBe(true);
    const history = await h.db.dataSource.query('SELECT kind, scope, source FROM contact_opt_events WHERE contact_id = $1', [contactId]);
    expect(history).toEqual([{ kind: 'opt_out', scope: 'marketing', source: 'meta_code' }]);
  });

  it('131049 holds the contact from marketing templates for the configured period, not forever', async () => {
    const contactId = await h.store.contact('15550000015');
    const pricing = (): OutboundMessage => ({
      type: 'template',
      template: { ...reminder, name: 'pricing_info' },
    });
    h.graph.queuedErrors.push({ code: 131049 });
    const before = Date.now();
    await expect(send.send(await request(contactId, { message: pricing() }))).resolves.toMatchObject({ status: 'failed', code: 131049 });
    const [contact] = await h.db.dataSource.query('SELECT marketing_opted_out, marketing_held_until FROM contacts WHERE id = $1', [
      contactId,
    ]);
    expect(contact.marketing_opted_out).toBe(false);
    const heldFor = contact.marketing_held_until.getTime() - before;
    expect(heldFor).toBeGreaterThanOrEqual(24 * 3600_000 - 5_000);
    expect(heldFor).toBeLessThanOrEqual(24 * 3600_000 + 5_000);
    const history = await h.db.dataSource.query('SELECT kind, scope, source, detail FROM contact_opt_events WHERE contact_id = $1', [
      contactId,
    ]);
    expect(history).toEqual([{ kind: 'held', scope: 'marketing', source: 'meta_code', detail: expect.objectContaining({ code: 131049 }) }]);

    await expect(send.send(await request(contactId, { message: pricing() }))).resolves.toMatchObject({
      status: 'refused',
      reason: 'marketing_held',
    });
    await expect(send.send(await request(contactId, { message: { type: 'template', template: reminder } }))).resolves.toMatchObject({
      status: 'accepted',
    });
    // The period is over (logical time: the stored deadline moves into the past).
    await h.db.dataSource.query(`UPDATE contacts SET marketing_held_until = now() - interval '1 second' WHERE id = $1`, [contactId]);
    await expect(send.send(await request(contactId, { message: pricing() }))).resolves.toMatchObject({ status: 'accepted' });
  });

  it('sends an opt confirmation to an opted-out contact whom a teammate owns', async () => {
    const contactId = await h.store.contact('15550000016', { humanOwned: true });
    await h.db.dataSource.query('UPDATE contacts SET opted_out = true WHERE id = $1', [contactId]);
    await expect(send.send(await request(contactId))).resolves.toMatchObject({ status: 'refused', reason: 'human_owned' });
    await expect(send.send(await request(contactId, { purpose: 'opt_confirmation' }))).resolves.toMatchObject({ status: 'accepted' });
  });

  it('after a crash mid-call, takes the wamid from a status that carries the outbox key instead of sending again', async () => {
    const contactId = await h.store.contact('15550000006');
    const req = await request(contactId);
    await h.db.dataSource.query(
      `INSERT INTO outbox_sends (workspace_id, idempotency_key, number_id, contact_id, node_id, payload, state) VALUES ($1, $2, $3, $4, 'node-1', $5, 'pending')`,
      [h.store.workspaceId, req.key, h.store.numberId, contactId, JSON.stringify({ message: text })],
    );
    await h.store.status('wamid.sent-before-crash', 'sent', { callback: req.key });
    await expect(send.send({ ...req, attempt: 2 })).resolves.toEqual({ status: 'accepted', wamid: 'wamid.sent-before-crash' });
    expect(h.graph.sendsTo('15550000006')).toHaveLength(0);
    const [message] = await h.db.dataSource.query('SELECT status FROM messages WHERE wamid = $1', ['wamid.sent-before-crash']);
    expect(message.status).toBe('sent');
  });

  it('after a crash before Meta answered and no status within the reconcile window, sends', async () => {
    const contactId = await h.store.contact('15550000007');
    const req = await request(contactId);
    await h.db.dataSource.query(
      `INSERT INTO outbox_sends (workspace_id, idempotency_key, number_id, contact_id, payload, state) VALUES ($1, $2, $3, $4, $5, 'pending')`,
      [h.store.workspaceId, req.key, h.store.numberId, contactId, JSON.stringify({ message: text })],
    );
    const started = Date.now();
    await expect(send.send({ ...req, attempt: 2 })).resolves.toMatchObject({ status: 'accepted' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    expect(h.graph.sendsTo('15550000007')).toHaveLength(1);
  });

  it('lets only one of two concurrent attempts of a send through', async () => {
    const contactId = await h.store.contact('15550000008');
    const req = await request(contactId);
    const results = await Promise.allSettled([send.send(req), send.send({ ...req, attempt: 2 })]);
    expect(h.graph.sendsTo('15550000008')).toHaveLength(1);
    const accepted = results.filter((r) => r.status === 'fulfilled');
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ type: 'SendInProgress' });
  });

  it('keeps the send block after an auth error through failed sends, and lifts it on the next accepted send', async () => {
    const contactId = await h.store.contact('15550000009');
    const health = async () =>
      (await h.db.dataSource.query('SELECT health FROM business_numbers WHERE id = $1', [h.store.numberId]))[0].health;
    h.graph.queuedErrors.push({ code: 190, httpStatus: 401 });
    await expect(send.send(await request(contactId))).resolves.toMatchObject({ status: 'failed', code: 190 });
    expect(await health()).toMatchObject({ status: 'send_blocked', sendBlocked: { code: 190, reason: expect.stringContaining('190') } });
    h.graph.queuedErrors.push({ code: 131026 });
    await expect(send.send(await request(contactId))).resolves.toMatchObject({ status: 'failed', code: 131026 });
    expect((await health()).sendBlocked).toMatchObject({ code: 190 });
    await expect(send.send(await request(contactId))).resolves.toMatchObject({ status: 'accepted' });
    expect((await health()).sendBlocked).toBeUndefined();
  });

  test.each([
    ['disconnected', 'PARTNER_REMOVED', 'number_disconnected'],
    ['offboarded', null, 'number_offboarded'],
  ])('refuses every send at the rule step when the number is %s, with the reason, without calling Meta', async (state, reason, refusal) => {
    const contactId = await h.store.contact(`15550001${state.length}`);
    await h.db.dataSource.query('UPDATE business_numbers SET connection_state = $2, connection_reason = $3 WHERE id = $1', [
      h.store.numberId,
      state,
      reason,
    ]);
    try {
      const req = await request(contactId, { fallbackTemplate: reminder });
      const outcome = await send.send(req);
      expect(outcome).toMatchObject({ status: 'refused', reason: refusal });
      if (reason && outcome.status === 'refused') expect(outcome.detail).toContain(reason);
      await expect(send.send({ ...req, attempt: 2 })).resolves.toEqual(outcome); // an answer, not a retry
      expect(await outbox(req.key)).toMatchObject({ state: 'refused' });
      expect(h.graph.sendsTo(`15550001${state.length}`)).toHaveLength(0);
    } finally {
      await h.db.dataSource.query(`UPDATE business_numbers SET connection_state = 'connected', connection_reason = NULL WHERE id = $1`, [
        h.store.numberId,
      ]);
    }
  });
});
