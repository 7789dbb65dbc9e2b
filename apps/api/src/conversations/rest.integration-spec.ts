import { type IntakeHarness, startIntake } from '../webhooks/__fixtures__/intake-harness';
import { echo, historyChunk, JOAO, LUCIA, MARIA, NOW_S, PRIYA, status, text } from '../webhooks/__fixtures__/webhooks';
import { ThroughputGovernor } from '@tandem/whatsapp';
import IORedis from 'ioredis';
import { NumberHealthService } from '../numbers/number-health.service';

const DAY_MS = 24 * 3600 * 1000;

describe('REST: numbers, health, contacts, conversations, deliveries', () => {
  let h: IntakeHarness;
  let numberId: string;

  beforeAll(async () => {
    h = await startIntake('intake_rest', { HEALTH_SILENT_AFTER_MINUTES: '90', COEXISTENCE_DEFAULT_MPS: '20', CLOUD_DEFAULT_MPS: '80' });
    await h.ds.query(`INSERT INTO workspaces (name) VALUES ('Acme')`);
  });
  afterAll(() => h.close());

  const api = {
    get: (path: string) => h.http().get(path).set(h.auth),
    post: (path: string, body: object) => h.http().post(path).set(h.auth).send(body),
  };
  const setNumber = (patch: string, params: unknown[] = []) =>
    h.ds.query(`UPDATE business_numbers SET ${patch} WHERE id = $1`, [numberId, ...params]);

  describe('numbers', () => {
    it('registers a coexistence number with the default cap and onboarding time', async () => {
      const res = await api.post('/api/numbers', {
        phoneNumberId: '108932450377265',
        wabaId: '114620785021387',
        displayPhoneNumber: '+1 555-701-2244',
        mode: 'coexistence',
        onboardedAt: '2026-06-06T10:13:20Z',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        displayPhoneNumber: '15557012244',
        throughputCap: 20,
        onboardedAt: '2026-06-06T10:13:20.000Z',
        connection: { state: 'connected' },
        historySync: { status: 'none' },
        health: { status: 'at_risk' },
      });
      numberId = res.body.id;
    });

    it('defaults a cloud number to its own cap, refuses a raised coexistence cap, a duplicate and bad input', async () => {
      const cloud = await api.post('/api/numbers', {
        phoneNumberId: '200',
        wabaId: '300',
        displayPhoneNumber: '447700900456',
        mode: 'cloud',
      });
      expect(cloud.body).toMatchObject({ throughputCap: 80, mode: 'cloud' });
      expect(
        (
          await api.post('/api/numbers', {
            phoneNumberId: '201',
            wabaId: '300',
            displayPhoneNumber: '447700900457',
            mode: 'coexistence',
            throughputCap: 50,
          })
        ).status,
      ).toBe(400);
      expect(
        (await api.post('/api/numbers', { phoneNumberId: '200', wabaId: '300', displayPhoneNumber: '447700900456', mode: 'cloud' })).status,
      ).toBe(409);
      const bad = await api.post('/api/numbers', { phoneNumberId: '', mode: 'landline' });
      expect(bad.status).toBe(400);
      expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['phoneNumberId', 'mode', 'wabaId']));
      expect((await api.get('/api/numbers')).body.items).toHaveLength(2);
      expect((await api.get(`/api/numbers/${cloud.body.id}`)).body.id).toBe(cloud.body.id);
      expect((await api.get('/api/numbers/0f1e7a52-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('changes a number’s cap (audited), never above what the number may send', async () => {
      const patch = (id: string, body: object) => h.http().patch(`/api/numbers/${id}`).set(h.auth).send(body);
      expect((await patch(numberId, { throughputCap: 10 })).body).toMatchObject({ throughputCap: 10 });
      expect((await patch(numberId, { throughputCap: 21 })).status).toBe(400);
      expect((await patch(numberId, { throughputCap: 0 })).status).toBe(400);
      expect((await patch('0f1e7a52-0000-4000-8000-000000000000', { throughputCap: 5 })).status).toBe(404);
      expect((await patch(numberId, { throughputCap: 20 })).body).toMatchObject({ throughputCap: 20 });
      const audit = await h.ds.query(`SELECT target_id, before, after FROM audit_log WHERE action = 'number.changed' ORDER BY id`);
      expect(audit).toEqual([
        { target_id: numberId, before: { throughputCap: 20 }, after: { throughputCap: 10 } },
        { target_id: numberId, before: { throughputCap: 10 }, after: { throughputCap: 20 } },
      ]);
    });

    it('shows the send rate the shared governor granted in the last second', async () => {
      expect((await api.get(`/api/numbers/${numberId}`)).body.currentRatePerSec).toBe(0);
      const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      try {
        const governor = new ThroughputGovernor({ redis, keyPrefix: `${h.prefix}:gov` });
        for (let i = 0; i < 3; i++) await governor.acquire({ phoneNumberId: '108932450377265', capPerSecond: 20 });
        expect((await api.get(`/api/numbers/${numberId}`)).body.currentRatePerSec).toBe(3);
      } finally {
        redis.disconnect();
      }
    });

    it('computes health from the number’s activity (time travel by timestamps)', async () => {
      const health = async () => (await api.get(`/api/numbers/${numberId}`)).body.health;
      await setNumber('last_webhook_at = now(), last_echo_at = now()');
      expect(await health()).toMatchObject({ status: 'connected', issues: [] });
      await setNumber(`last_echo_at = now() - interval '12 days 1 hour'`);
      expect(await health()).toMatchObject({
        status: 'at_risk',
        issues: [{ code: 'app_inactive', message: expect.stringContaining('before day 14') }],
      });
      await setNumber(`last_echo_at = now(), last_webhook_at = now() - interval '91 minutes'`);
      expect(await health()).toMatchObject({ status: 'at_risk', issues: [{ code: 'silent_inbox' }] });
      await setNumber(`connection_state = 'disconnected', connection_reason = 'PRIMARY_INACTIVITY'`);
      expect(await health()).toMatchObject({ status: 'disconnected', reason: 'PRIMARY_INACTIVITY' });
      await setNumber(`connection_state = 'connected', connection_reason = NULL, last_webhook_at = now()`);
    });

    it('stores health changes found by the scheduled check', async () => {
      const service = h.app.get(NumberHealthService);
      await service.checkAll();
      await setNumber(`last_webhook_at = now() - interval '2 hours'`);
      const changed = await service.checkAll();
      expect(changed.map((c) => [c.number.id, c.health.status])).toEqual([[numberId, 'at_risk']]);
      expect((await h.ds.query('SELECT health FROM business_numbers WHERE id = $1', [numberId]))[0].health).toMatchObject({
        status: 'at_risk',
        reasons: ['silent_inbox'],
      });
      expect(await service.checkAll()).toEqual([]);
    });

    it('keeps the send block an auth error left (as the worker writes it) through scheduled checks until it is lifted', async () => {
      const service = h.app.get(NumberHealthService);
      await setNumber(`last_webhook_at = now(), last_echo_at = now()`);
      const sendBlocked = { code: 190, reason: 'Graph error 190: access token expired or invalid', since: new Date().toISOString() };
      await setNumber(`health = $2`, [
        { status: 'send_blocked', reasons: [sendBlocked.reason], checkedAt: sendBlocked.since, sendBlocked },
      ]);
      await service.checkAll();
      await service.checkAll();
      expect((await h.ds.query('SELECT health FROM business_numbers WHERE id = $1', [numberId]))[0].health).toMatchObject({
        status: 'send_blocked',
        sendBlocked,
      });
      expect((await api.get(`/api/numbers/${numberId}`)).body.health).toMatchObject({ status: 'send_blocked', reason: sendBlocked.reason });
      await setNumber(`health = health - 'sendBlocked'`); // an accepted send lifts it (apps/worker send-block.util)
      expect((await api.get(`/api/numbers/${numberId}`)).body.health).toMatchObject({ status: 'connected', reason: null });
      expect((await service.checkAll()).map((c) => c.health.status)).toEqual(['connected']);
    });

    it('counts an address-book sync from the phone as the app being used, not only echoes', async () => {
      await setNumber(`last_echo_at = now() - interval '13 days', contact_sync_at = now() - interval '1 day'`);
      const body = (await api.get(`/api/numbers/${numberId}`)).body;
      expect(body.health).toMatchObject({ status: 'connected', issues: [] });
      expect(Date.parse(body.lastAppActivityAt)).toBeGreaterThan(Date.now() - 1.1 * DAY_MS);
      await setNumber(`last_echo_at = now(), contact_sync_at = NULL`);
    });
  });

  describe('contacts and conversations', () => {
    let maria: string;

    beforeAll(async () => {
      const recent = Math.floor(Date.now() / 1000) - 600;
      await h.deliver(text(MARIA, 'wamid.m-1', recent, 'Hi, is the store open?'));
      await h.deliver(echo(MARIA, 'wamid.m-2', recent + 60, 'text', { text: { body: 'Yes until 8pm' } }));
      await h.deliver(text(PRIYA, 'wamid.p-1', NOW_S, 'Old message'));
      await h.deliver(text(JOAO, 'wamid.j-1', recent, 'Olá'));
      [{ id: maria }] = await h.ds.query('SELECT id FROM contacts WHERE wa_id = $1', [MARIA.waId]);
      await h.ds.query(`UPDATE contacts SET tags = '{vip,shoes}' WHERE id = $1`, [maria]);
      await h.ds.query(
        `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status)
         SELECT workspace_id, number_id, id, 'wamid.m-3', 'api', 'live', 'text', '{"text":"Thanks!"}', now(), 'accepted' FROM contacts WHERE id = $1`,
        [maria],
      );
      await h.deliver(
        status('wamid.m-3', 'failed', Math.floor(Date.now() / 1000), { errors: [{ code: 131026, title: 'Message undeliverable' }] }),
      );
    });

    it.each([
      ['no filter', '', [JOAO.waId, MARIA.waId, PRIYA.waId]],
      ['an open window (now)', '?windowOpen=true', [JOAO.waId, MARIA.waId]],
      ['a closed window', '?windowOpen=false', [PRIYA.waId]],
      ['a name', '?search=mar', [MARIA.waId]],
      ['a phone fragment', '?search=44770', [PRIYA.waId]],
      ['a tag', '?tag=vip', [MARIA.waId]],
      ['the number', () => `?numberId=${numberId}&search=priya`, [PRIYA.waId]],
    ])('lists contacts filtered by %s', async (_name, query, expected) => {
      const res = await api.get(`/api/contacts${typeof query === 'function' ? query() : query}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { waId: string }) => c.waId).sort()).toEqual([...expected].sort());
      expect(res.body.total).toBe(expected.length);
    });

    it('pages and validates the query', async () => {
      const page2 = await api.get('/api/contacts?pageSize=2&page=2');
      expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(page2.body.items).toHaveLength(1);
      expect((await api.get('/api/contacts?windowOpen=maybe')).status).toBe(400);
      expect((await api.get('/api/contacts?numberId=42')).status).toBe(400);
    });

    it('shows a contact with its window computed now', async () => {
      const res = await api.get(`/api/contacts/${maria}`);
      expect(res.body).toMatchObject({ waId: MARIA.waId, profileName: MARIA.name, tags: ['vip', 'shoes'], windowOpen: true });
      expect(new Date(res.body.windowOpenUntil).getTime()).toBeGreaterThan(Date.now() + DAY_MS - 3600 * 1000);
      expect((await api.get('/api/contacts/0f1e7a52-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('returns the conversation newest first with direction, status and error', async () => {
      const res = await api.get(`/api/contacts/${maria}/messages`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((m: { wamid: string; direction: string }) => [m.wamid, m.direction])).toEqual([
        ['wamid.m-3', 'api'],
        ['wamid.m-2', 'app_echo'],
        ['wamid.m-1', 'inbound'],
      ]);
      expect(res.body.items[0]).toMatchObject({
        status: 'failed',
        error: { code: 131026, title: 'Message undeliverable' },
        statusTimeline: [{ status: 'failed' }],
        source: 'live',
      });
      expect(res.body.items[2].payload).toMatchObject({ text: 'Hi, is the store open?' });
    });
  });

  it('lists webhook deliveries by outcome, and one with its raw body', async () => {
    const all = await api.get('/api/webhook-deliveries');
    expect(all.body.total).toBe(5);
    expect(all.body.items[0]).toMatchObject({ outcome: 'processed', eventCount: 1, bodyBytes: expect.any(Number) });
    expect(all.body.items[0].body).toBeUndefined();
    expect((await api.get('/api/webhook-deliveries?outcome=dead')).body.total).toBe(0);
    expect((await api.get('/api/webhook-deliveries?outcome=bogus')).status).toBe(400);
    const one = await api.get(`/api/webhook-deliveries/${all.body.items[0].id}`);
    expect(JSON.parse(one.body.body)).toMatchObject({ object: 'whatsapp_business_account' });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await h.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/numbers',
        '/api/numbers/{id}',
        '/api/contacts',
        '/api/contacts/{id}',
        '/api/contacts/{id}/messages',
        '/api/webhook-deliveries',
        '/api/dead-letters',
        '/api/dead-letters/{id}/retry',
        '/webhooks/whatsapp',
      ]),
    );
    const params = doc.body.paths['/api/contacts'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['numberId', 'search', 'tag', 'windowOpen', 'page']));
  });
  // Last: it adds a contact and deliveries the listing tests above would count.
  it('shows the coexistence window through REST: history → closed, live inbound → open 24 h, echo → unchanged', async () => {
    const contact = async () => (await api.get(`/api/contacts?search=${LUCIA.waId}`)).body.items[0];
    const recent = Math.floor(Date.now() / 1000) - 600;
    await h.deliver(
      historyChunk(0, 1, 100, [
        { person: LUCIA, items: [{ wamid: 'wamid.l-h1', ts: recent, fromBusiness: false, body: 'Hola, ¿tenéis talla 38?' }] },
      ]),
    );
    expect(await contact()).toMatchObject({ waId: LUCIA.waId, windowOpen: false, windowOpenUntil: null });

    await h.deliver(text(LUCIA, 'wamid.l-1', recent + 120, 'Hola otra vez'));
    const opened = await contact();
    expect(opened.windowOpen).toBe(true);
    expect(opened.windowOpenUntil).toBe(new Date((recent + 120) * 1000 + DAY_MS).toISOString());

    await h.deliver(echo(LUCIA, 'wamid.l-2', recent + 180, 'text', { text: { body: 'Sí, tenemos la 38' } }));
    expect(await contact()).toMatchObject({ windowOpen: true, windowOpenUntil: opened.windowOpenUntil });
    const conversation = (await api.get(`/api/contacts/${opened.id}/messages`)).body.items;
    expect(conversation.map((m: { wamid: string; direction: string; source: string }) => [m.wamid, m.direction, m.source])).toEqual([
      ['wamid.l-2', 'app_echo', 'live'],
      ['wamid.l-1', 'inbound', 'live'],
      ['wamid.l-h1', 'inbound', 'history'],
    ]);
  });
});
