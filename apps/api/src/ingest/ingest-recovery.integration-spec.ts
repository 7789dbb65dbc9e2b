import { APP_SECRET, type IntakeHarness, startIntake, until } from '../webhooks/__fixtures__/intake-harness';
import { signed } from '../webhooks/__fixtures__/meta-signing';
import { envelope, MARIA, NOW_S, PHONE_NUMBER_ID, PRIYA, text, WABA_ID } from '../webhooks/__fixtures__/webhooks';
import { randomUUID } from 'node:crypto';
import { takeDue } from './delivery-claims.util';
import { IngestProcessor } from './ingest.processor';
import { IngestScheduler } from './ingest.scheduler';
import { IntakeSweeper } from './intake.sweeper';
import { WebhookIntakeService } from '../webhooks/webhook-intake.service';

/** The fixtures' number and WABA, as the webhook controller reads them from each body. */
const NAMES = { phoneNumberIds: [PHONE_NUMBER_ID], wabaIds: [WABA_ID] };

describe('ingest: crashes, dead letters and retries', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    h = await startIntake('intake_recovery');
    await h.seedNumber();
  });
  afterAll(() => h.close());

  const outcome = async (id: string) => (await h.ds.query('SELECT outcome FROM webhook_deliveries WHERE id = $1', [id]))[0].outcome;

  it('leaves a young delivery of a dead api alone, and processes it once its claim lapsed', async () => {
    const { raw, signature } = signed(text(MARIA, 'wamid.crash-1', NOW_S, 'still there?'), APP_SECRET);
    // The api stores the body, then dies before it could process it.
    const stored = await h.app.get(WebhookIntakeService).persist(raw, signature, NAMES);
    await h.restart();
    const sweeper = h.app.get(IntakeSweeper);
    await sweeper.sweep();
    expect(await outcome(stored.id)).toBe('pending');
    // INTAKE_SWEEP_AFTER_SECONDS later, as far as the row is concerned.
    await h.ds.query(`UPDATE webhook_deliveries SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [stored.id]);
    expect((await sweeper.sweep()).taken).toBe(1);
    expect(await h.waitForDelivery(stored.id)).toBe('processed');
    const [message] = await h.ds.query(`SELECT direction FROM messages WHERE wamid = 'wamid.crash-1'`);
    expect(message).toEqual({ direction: 'inbound' });
    await until(() => h.events.find((e) => e.kind === 'message.received' && e.payload.wamid === 'wamid.crash-1'));
  });

  it('gives each due delivery to one replica when two sweep at once', async () => {
    const dead = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const { raw, signature } = signed(text(MARIA, `wamid.replica-${i}`, NOW_S + i, 'hi'), APP_SECRET);
      ids.push((await h.app.get(WebhookIntakeService).persist(raw, signature, NAMES)).id);
    }
    // Left claimed by a process that is gone, its claim lapsed.
    await h.ds.query(`UPDATE webhook_deliveries SET claimed_by = $2, next_attempt_at = now() - interval '1 second' WHERE id = ANY($1)`, [
      ids,
      dead,
    ]);
    const [a, b] = await Promise.all([randomUUID(), randomUUID()].map((owner) => takeDue(h.ds.manager, owner, 30, 25)));
    expect(a.length + b.length).toBe(40);
    expect(new Set([...a, ...b]).size).toBe(40);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    // Neither replica processes them here: hand them to this api's sweeper.
    await h.ds.query(`UPDATE webhook_deliveries SET next_attempt_at = now() - interval '1 second' WHERE id = ANY($1)`, [ids]);
    await h.app.get(IntakeSweeper).sweep();
    for (const id of ids) expect(await h.waitForDelivery(id)).toBe('processed');
  });

  it('never processes a delivery another live process holds, even when it is submitted here', async () => {
    const { raw, signature } = signed(text(MARIA, 'wamid.held', NOW_S + 60, 'mine?'), APP_SECRET);
    const stored = await h.app.get(WebhookIntakeService).persist(raw, signature, NAMES);
    const other = randomUUID();
    await h.ds.query('UPDATE webhook_deliveries SET claimed_by = $2 WHERE id = $1', [stored.id, other]);
    const scheduler = h.app.get(IngestScheduler);
    expect(await h.app.get(IngestProcessor).process([stored.id], scheduler.owner)).toEqual({});
    expect(await outcome(stored.id)).toBe('pending');
    // Its holder processes it (here: the same processor under the other claim).
    await h.app.get(IngestProcessor).process([stored.id], other);
    expect(await outcome(stored.id)).toBe('processed');
  });

  it('retries a delivery that failed once, through the sweeper, after its backoff', async () => {
    // A fault on the first attempt only (a sequence is not rolled back with the transaction).
    await h.ds.query('CREATE SEQUENCE flaky_once');
    await h.ds.query(`CREATE FUNCTION flaky_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.wamid = 'wamid.flaky' AND nextval('flaky_once') = 1 THEN RAISE EXCEPTION 'first attempt fails'; END IF; RETURN NEW; END $$`);
    await h.ds.query('CREATE TRIGGER tr_flaky_once BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION flaky_once()');
    const { deliveryId, outcome: end } = await h.deliver(text(MARIA, 'wamid.flaky', NOW_S + 90, 'again'));
    expect(end).toBe('processed');
    const [row] = await h.ds.query('SELECT attempts, last_error FROM webhook_deliveries WHERE id = $1', [deliveryId]);
    expect(row).toEqual({ attempts: 2, last_error: null });
    await h.ds.query('DROP TRIGGER tr_flaky_once ON messages');
  });

  it('hands engine events committed without a notification to the consumers on their poll', async () => {
    const [{ workspace_id: ws }] = await h.ds.query('SELECT workspace_id FROM business_numbers LIMIT 1');
    await h.ds.query(
      `INSERT INTO domain_events (workspace_id, contact_key, kind, payload) VALUES ($1, 'contact-x', 'message.received', '{"wamid":"wamid.orphan-event"}')`,
      [ws],
    );
    await until(() => h.events.find((e) => e.kind === 'message.received' && e.payload.wamid === 'wamid.orphan-event'));
  });

  describe('dead letters', () => {
    const poison = 'wamid.poison';
    let deliveryId: string;

    beforeAll(async () => {
      // A database fault that hits only one message, as a stand-in for any bug or outage.
      await h.ds.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.wamid = '${poison}' THEN RAISE EXCEPTION 'simulated fault for %', NEW.wamid; END IF; RETURN NEW; END $$`);
      await h.ds.query('CREATE TRIGGER tr_refuse_poison BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_poison()');
    });

    it('dead-letters a delivery after the last attempt, keeping what it already applied', async () => {
      const body = envelope('messages', {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '15557012244', phone_number_id: '108932450377265' },
        contacts: [{ wa_id: PRIYA.waId, profile: { name: PRIYA.name } }],
        messages: [
          { from: PRIYA.waId, id: 'wamid.before-poison', timestamp: String(NOW_S), type: 'text', text: { body: 'one' } },
          { from: PRIYA.waId, id: poison, timestamp: String(NOW_S + 1), type: 'text', text: { body: 'two' } },
        ],
      });
      ({ deliveryId } = await h.deliver(body));
      const [row] = await h.ds.query('SELECT outcome, attempts, last_error FROM webhook_deliveries WHERE id = $1', [deliveryId]);
      expect(row).toMatchObject({ outcome: 'dead', attempts: 3, last_error: expect.stringContaining('simulated fault for wamid.poison') });
      const list = await h.http().get('/api/dead-letters').set(h.auth);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: deliveryId, outcome: 'dead', lastError: expect.stringContaining('simulated fault') }),
      ]);
      const [{ n }] = await h.ds.query(`SELECT count(*)::int AS n FROM messages WHERE wamid = 'wamid.before-poison'`);
      expect(n).toBe(1);
      const alerts = await h.ds.query(`SELECT kind, data FROM alerts WHERE kind = 'delivery.dead_letter'`);
      expect(alerts).toMatchObject([{ data: { deliveryId, error: expect.stringContaining('simulated fault') } }]);
    });

    it('retries a dead letter from the API once the fault is gone, without repeating applied events', async () => {
      await h.ds.query('DROP TRIGGER tr_refuse_poison ON messages');
      const res = await h.http().post(`/api/dead-letters/${deliveryId}/retry`).set(h.auth);
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ id: deliveryId, outcome: 'pending' });
      expect(await h.waitForDelivery(deliveryId, ['processed'])).toBe('processed');
      const rows = await h.ds.query(`SELECT wamid FROM messages WHERE wamid IN ('wamid.before-poison', $1) ORDER BY wamid`, [poison]);
      expect(rows).toHaveLength(2);
      const received = await until(() => {
        const list = h.events.flatMap((e) =>
          e.kind === 'message.received' && [poison, 'wamid.before-poison'].includes(e.payload.wamid) ? [e.payload.wamid] : [],
        );
        return list.length === 2 ? list : undefined;
      });
      expect(received).toEqual(['wamid.before-poison', poison]);
      expect((await h.http().get('/api/dead-letters').set(h.auth)).body.items).toEqual([]);
    });

    it('refuses to retry a delivery that is not dead (409) or does not exist (404)', async () => {
      expect(await outcome(deliveryId)).toBe('processed');
      expect((await h.http().post(`/api/dead-letters/${deliveryId}/retry`).set(h.auth)).status).toBe(409);
      expect((await h.http().post('/api/dead-letters/8d0e4c1e-0000-4000-8000-000000000000/retry').set(h.auth)).status).toBe(404);
      expect((await h.http().post('/api/dead-letters/not-a-uuid/retry').set(h.auth)).status).toBe(400);
    });
  });
});
