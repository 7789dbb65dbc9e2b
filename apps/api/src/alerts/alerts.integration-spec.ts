import { createMember } from '../auth/__fixtures__/principals';
import { type IntakeHarness, startIntake, until } from '../webhooks/__fixtures__/intake-harness';
import { accountUpdate, NOW_S } from '../webhooks/__fixtures__/webhooks';
import { startAlertReceiver } from './__fixtures__/alert-receiver';

jest.setTimeout(30_000);

describe('alerts: notification centre and signed webhooks', () => {
  let h: IntakeHarness;
  let receiver: Awaited<ReturnType<typeof startAlertReceiver>>;
  let workspaceId: string;

  beforeAll(async () => {
    // The first post is refused, so the second proves the retry.
    receiver = await startAlertReceiver([503]);
    h = await startIntake('api_alerts', {
      HTTP_ALLOW_HOSTS: '127.0.0.1',
      ALERT_DISPATCH_INTERVAL_MS: '50',
      ALERT_WEBHOOK_BACKOFF_MS: '100',
      ALERT_WEBHOOK_ATTEMPTS: '3',
    });
    const numberId = await h.seedNumber();
    [{ workspace_id: workspaceId }] = await h.ds.query('SELECT workspace_id FROM business_numbers WHERE id = $1', [numberId]);
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  const api = () => h.http();

  it('posts a raised alert to the endpoints that take its kind, signed, retrying a refusal with backoff', async () => {
    const created = await api()
      .post('/api/alert-endpoints')
      .set(h.auth)
      .send({ url: receiver.url, description: 'on-call', kinds: ['number.disconnected', 'number.offboarded'] })
      .expect(201);
    expect(created.body).toMatchObject({ url: receiver.url, enabled: true, kinds: ['number.disconnected', 'number.offboarded'] });
    expect(created.body.secret).toMatch(/^whsec_/);
    const other = await api()
      .post('/api/alert-endpoints')
      .set(h.auth)
      .send({ url: `${receiver.url}/templates`, kinds: ['template.paused'] });
    expect(other.status).toBe(201);

    await h.deliver(accountUpdate('PARTNER_REMOVED', NOW_S + 100, { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' }));
    const log = await until(async () => {
      const res = await api().get(`/api/alert-endpoints/${created.body.id}/deliveries`).set(h.auth).expect(200);
      return res.body.items[0]?.status === 'delivered' ? res.body.items : undefined;
    });
    expect(log).toMatchObject([{ alertTitle: 'Number +15557012244 disconnected', attempts: 2, responseStatus: 200, lastError: null }]);
    expect(receiver.posts.map((p) => p.status)).toEqual([503, 200]);
    const [refused, delivered] = receiver.posts;
    expect(receiver.verify(delivered, created.body.secret)).toBe(true);
    expect(receiver.verify(delivered, other.body.secret)).toBe(false);
    expect(delivered.raw).toBe(refused.raw);
    expect(delivered.headers['x-tandem-delivery']).toBe(log[0].id);
    expect(JSON.parse(delivered.raw)).toMatchObject({
      event: 'alert.raised',
      workspaceId,
      alert: { kind: 'number.disconnected', severity: 'critical', data: { reason: 'PRIMARY_INACTIVITY' } },
    });
    const otherLog = await api().get(`/api/alert-endpoints/${other.body.id}/deliveries`).set(h.auth).expect(200);
    expect(otherLog.body.items).toEqual([]);
  });

  it('shows alerts to every member with their own read marks', async () => {
    const viewer = await createMember(h.ds, workspaceId, 'viewer');
    const mine = await api().get('/api/alerts').set(h.auth).expect(200);
    expect(mine.body).toMatchObject({ unread: 1, items: [{ kind: 'number.disconnected', read: false }] });
    await api().post('/api/alerts/read').set(h.auth).send({ all: true }).expect(200, { marked: 1 });
    expect((await api().get('/api/alerts?unread=true').set(h.auth).expect(200)).body).toEqual({ items: [], unread: 0 });
    const theirs = await api().get('/api/alerts').set('Cookie', viewer.cookie).expect(200);
    expect(theirs.body).toMatchObject({ unread: 1, items: [{ read: false }] });
    expect((await api().get('/api/alert-endpoints').set('Cookie', viewer.cookie)).status).toBe(403);
  });

  it('refuses bad endpoints with nothing written, and keeps endpoint secrets out of node credentials', async () => {
    const before = await h.ds.query('SELECT count(*)::int AS n FROM alert_endpoints');
    for (const body of [
      { url: 'ftp://example.com/x' },
      { url: 'https://u:p@example.com' },
      { url: 'https://example.com', kinds: ['nope'] },
    ]) {
      expect((await api().post('/api/alert-endpoints').set(h.auth).send(body)).status).toBe(400);
    }
    expect(await h.ds.query('SELECT count(*)::int AS n FROM alert_endpoints')).toEqual(before);
    const credentials = await api().get('/api/credentials').set(h.auth).expect(200);
    expect(credentials.body.items).toEqual([]);
    expect(
      (
        await api()
          .put('/api/credentials/tandem.alert-endpoint.x')
          .set(h.auth)
          .send({ value: { a: 'b' } })
      ).status,
    ).toBe(400);
    expect(
      (await api().patch('/api/alert-endpoints/0f1e7a52-0000-4000-8000-000000000000').set(h.auth).send({ enabled: false })).status,
    ).toBe(404);
  });

  it('rotates a secret, disables and deletes an endpoint, each audited', async () => {
    const { body: endpoint } = await api().post('/api/alert-endpoints').set(h.auth).send({ url: receiver.url }).expect(201);
    const rotated = await api().post(`/api/alert-endpoints/${endpoint.id}/rotate-secret`).set(h.auth).expect(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    await api().patch(`/api/alert-endpoints/${endpoint.id}`).set(h.auth).send({ enabled: false }).expect(200);
    await api().delete(`/api/alert-endpoints/${endpoint.id}`).set(h.auth).expect(204);
    const actions = await h.ds.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [endpoint.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'alert_endpoint.created',
      'alert_endpoint.secret_rotated',
      'alert_endpoint.changed',
      'alert_endpoint.deleted',
    ]);
    expect(await h.ds.query(`SELECT name FROM secrets WHERE name LIKE $1`, [`%${endpoint.id}`])).toEqual([]);
  });
});
