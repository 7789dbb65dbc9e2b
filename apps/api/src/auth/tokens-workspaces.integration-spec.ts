import request from 'supertest';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { latestAudit } from './__fixtures__/audit';
import { createMemberWithPassword } from './__fixtures__/principals';
import { asSession, signIn } from './__fixtures__/sign-in';
import { createTwoWorkspaces, type TestWorkspace } from './__fixtures__/two-workspaces';

jest.setTimeout(60_000);

describe('API tokens, the workspace header, workspaces and the bootstrap token', () => {
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;

  beforeAll(async () => {
    h = await startEngineApi('auth_tokens', { SIGN_IN_PER_MINUTE: '1000', TANDEM_ADMIN_TOKEN: 'bootstrap-secret-1' });
    ({ a, b } = await createTwoWorkspaces(h.ds));
  });
  afterAll(() => h.close());

  const withToken = (token: string, path = '/api/auth/me') =>
    request(h.app.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`);
  const admin = () => asSession(h.app, a.members.admin.cookie);

  it('creates a token shown once, lists it without the secret, and refuses it at once when revoked (audited both ways)', async () => {
    const created = (await admin().post('/api/api-tokens', { name: 'crm sync', role: 'marketer', expiresInDays: 30 }).expect(201)).body;
    expect(created.token).toMatch(/^tdt_/);
    const me = (await withToken(created.token).expect(200)).body;
    expect(me).toMatchObject({ user: null, token: { id: created.id, name: 'crm sync' }, workspace: { id: a.id, role: 'marketer' } });
    const listed = (await admin().get('/api/api-tokens').expect(200)).body.items.find((t: { id: string }) => t.id === created.id);
    expect(listed).toMatchObject({
      name: 'crm sync',
      role: 'marketer',
      prefix: created.token.slice(0, 10),
      createdBy: a.members.admin.email,
    });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(await latestAudit(h.ds, a.id, 'token.created')).toMatchObject({
      actor_label: a.members.admin.email,
      target_id: created.id,
      target_label: 'crm sync',
      after: { role: 'marketer', expiresInDays: 30 },
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
    await admin().delete(`/api/api-tokens/${created.id}`).expect(200);
    await withToken(created.token).expect(401);
    expect(await latestAudit(h.ds, a.id, 'token.revoked')).toMatchObject({ target_id: created.id, before: { role: 'marketer' } });
    // Workspace B's admin cannot see or revoke A's tokens.
    await asSession(h.app, b.members.admin.cookie).delete(`/api/api-tokens/${created.id}`).expect(404);
  });

  it('refuses an expired token', async () => {
    const created = (await admin().post('/api/api-tokens', { name: 'short', role: 'viewer', expiresInDays: 1 }).expect(201)).body;
    await withToken(created.token).expect(200);
    await h.ds.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.id]);
    await withToken(created.token).expect(401);
  });

  it('answers 404 to a token of B naming workspace A, and to a session naming a workspace its person is not in', async () => {
    await withToken(b.adminToken.slice(7)).set('X-Tandem-Workspace', a.id).expect(404);
    await withToken(b.adminToken.slice(7)).set('X-Tandem-Workspace', b.id.toUpperCase()).expect(200);
    await asSession(h.app, b.members.viewer.cookie).get('/api/auth/me').set('X-Tandem-Workspace', a.id).expect(404);
    await asSession(h.app, b.members.viewer.cookie).get('/api/auth/me').set('X-Tandem-Workspace', 'not-a-uuid').expect(404);
    await asSession(h.app, b.members.viewer.cookie).get('/api/auth/me').set('X-Tandem-Workspace', b.id).expect(200);
  });

  it('creates a workspace whose creator is its admin, and lets its admin rename it (audited)', async () => {
    const person = await createMemberWithPassword(h.ds, a.id, 'viewer');
    const { cookie } = await signIn(h.app, person.email, person.password);
    const ws = (await asSession(h.app, cookie!).post('/api/workspaces', { name: 'Side project' }).expect(201)).body;
    expect(ws).toEqual({ id: expect.any(String), name: 'Side project', role: 'admin' });
    expect(await latestAudit(h.ds, ws.id, 'workspace.created')).toMatchObject({
      actor_label: person.email,
      after: { name: 'Side project' },
    });
    const inWs = (path: string, body: object) => asSession(h.app, cookie!).patch(path, body).set('X-Tandem-Workspace', ws.id);
    const renamed = (await inWs('/api/workspace', { name: 'Main project', timezone: 'Europe/Lisbon' }).expect(200)).body;
    expect(renamed).toEqual({ id: ws.id, name: 'Main project', timezone: 'Europe/Lisbon' });
    expect(await latestAudit(h.ds, ws.id, 'workspace.changed')).toMatchObject({
      before: { name: 'Side project', timezone: expect.any(String) },
      after: { name: 'Main project', timezone: 'Europe/Lisbon' },
    });
    // In A the same person is a viewer: no settings there, and nothing audited.
    await asSession(h.app, cookie!).patch('/api/workspace', { name: 'Hijacked' }).expect(403);
    expect(await latestAudit(h.ds, a.id, 'workspace.changed')).toBeUndefined();
    // A token has no person to make admin.
    await request(h.app.getHttpServer()).post('/api/workspaces').set('Authorization', a.adminToken).send({ name: 'By token' }).expect(400);
  });

  it('bootstraps the first admin with the environment token only while no user exists', async () => {
    const bootstrap = (adminToken: string, email: string) =>
      request(h.app.getHttpServer()).post('/api/auth/bootstrap').send({ adminToken, email, password: 'first admin passphrase' });
    await bootstrap('bootstrap-secret-1', 'first@test.tandem').expect(409);
    // An installation without users (the harness's own admin and trigger go too).
    await h.ds.query('DROP TRIGGER harness_admin_joins ON workspaces');
    await h.ds.query('DELETE FROM users');
    await bootstrap('wrong-secret', 'first@test.tandem').expect(401);
    await bootstrap('bootstrap-secret-1', 'first@test.tandem').expect(204);
    await bootstrap('bootstrap-secret-1', 'second@test.tandem').expect(409);
    const { cookie } = await signIn(h.app, 'first@test.tandem', 'first admin passphrase');
    const me = (await asSession(h.app, cookie!).get('/api/auth/me').expect(200)).body;
    const [oldest] = await h.ds.query('SELECT id FROM workspaces ORDER BY created_at, id LIMIT 1');
    expect(me.workspace).toMatchObject({ id: oldest.id, role: 'admin' });
  });
});
