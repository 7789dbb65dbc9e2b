import request from 'supertest';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { auditCount, latestAudit } from './__fixtures__/audit';
import { createMember } from './__fixtures__/principals';
import { asSession, signIn } from './__fixtures__/sign-in';
import { createTwoWorkspaces, type TestWorkspace } from './__fixtures__/two-workspaces';

jest.setTimeout(60_000);

describe('members: add with a one-time password link, change role, remove, the last admin, audit', () => {
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;

  beforeAll(async () => {
    h = await startEngineApi('auth_members', { SIGN_IN_PER_MINUTE: '1000' });
    ({ a, b } = await createTwoWorkspaces(h.ds));
  });
  afterAll(() => h.close());

  const admin = () => asSession(h.app, a.members.admin.cookie);
  const reset = (token: string, newPassword: string) =>
    request(h.app.getHttpServer()).post('/api/auth/password-reset').send({ token, newPassword });

  it('adds a new person with a role and a password link that works once (audited)', async () => {
    const res = (await admin().post('/api/members', { email: 'New.Person@Test.Tandem', name: 'New Person', role: 'marketer' }).expect(201))
      .body;
    expect(res.member).toMatchObject({ email: 'new.person@test.tandem', name: 'New Person', role: 'marketer' });
    expect(res.passwordLink.url).toContain(`/#/reset-password?token=${encodeURIComponent(res.passwordLink.token)}`);
    expect(await latestAudit(h.ds, a.id, 'member.added')).toMatchObject({
      actor_type: 'user',
      actor_label: a.members.admin.email,
      target_type: 'member',
      target_id: res.member.userId,
      target_label: 'new.person@test.tandem',
      after: { role: 'marketer' },
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
    await reset(res.passwordLink.token, 'my own passphrase').expect(204);
    await reset(res.passwordLink.token, 'another passphrase').expect(400);
    const { cookie } = await signIn(h.app, 'new.person@test.tandem', 'my own passphrase');
    expect((await asSession(h.app, cookie!).get('/api/auth/me').expect(200)).body.workspace).toMatchObject({ id: a.id, role: 'marketer' });
  });

  it('adds a person who already has an account without a link; adding them twice is 409 and audits nothing', async () => {
    const res = (await admin().post('/api/members', { email: b.members.viewer.email, role: 'viewer' }).expect(201)).body;
    expect(res.passwordLink).toBeNull();
    const before = await auditCount(h.ds, a.id);
    await admin().post('/api/members', { email: b.members.viewer.email, role: 'admin' }).expect(409);
    expect(await auditCount(h.ds, a.id)).toBe(before);
  });

  it('changes a role and removes a member (audited with before and after); the removed person loses access to A', async () => {
    const person = await createMember(h.ds, a.id, 'viewer');
    const changed = (await admin().patch(`/api/members/${person.userId}`, { role: 'developer' }).expect(200)).body;
    expect(changed.role).toBe('developer');
    expect(await latestAudit(h.ds, a.id, 'member.role_changed')).toMatchObject({
      target_id: person.userId,
      target_label: person.email,
      before: { role: 'viewer' },
      after: { role: 'developer' },
    });
    await admin().delete(`/api/members/${person.userId}`).expect(204);
    expect(await latestAudit(h.ds, a.id, 'member.removed')).toMatchObject({ target_id: person.userId, before: { role: 'developer' } });
    await asSession(h.app, person.cookie).get('/api/auth/me').expect(404);
  });

  it('keeps the last admin: demoting or removing them is 409 and audits nothing', async () => {
    // A workspace whose only admin is its creator (the harness's admin joins every workspace; not this one).
    const ws = (await asSession(h.app, a.members.viewer.cookie).post('/api/workspaces', { name: 'Solo' }).expect(201)).body;
    await h.ds.query(`DELETE FROM workspace_members WHERE workspace_id = $1 AND user_id <> $2`, [ws.id, a.members.viewer.userId]);
    const solo = (path: string) => ({
      patch: (body: object) => asSession(h.app, a.members.viewer.cookie).patch(path, body).set('X-Tandem-Workspace', ws.id),
      delete: () => asSession(h.app, a.members.viewer.cookie).delete(path).set('X-Tandem-Workspace', ws.id),
    });
    const before = await auditCount(h.ds, ws.id);
    await solo(`/api/members/${a.members.viewer.userId}`).patch({ role: 'marketer' }).expect(409);
    await solo(`/api/members/${a.members.viewer.userId}`).delete().expect(409);
    expect(await auditCount(h.ds, ws.id)).toBe(before);
  });

  it('creates a password link for a member of A only (audited), and refuses one for a person also in a workspace the caller does not administer (403)', async () => {
    const onlyA = await createMember(h.ds, a.id, 'viewer');
    const link = (await admin().post(`/api/members/${onlyA.userId}/password-link`).expect(201)).body;
    expect(link.token).toMatch(/^tdr_/);
    expect(await latestAudit(h.ds, a.id, 'member.password_link_created')).toMatchObject({
      target_id: onlyA.userId,
      target_label: onlyA.email,
    });
    // B's agent joins A too; A's admin does not administer B.
    await admin().post('/api/members', { email: b.members.agent.email, role: 'viewer' }).expect(201);
    const before = await auditCount(h.ds, a.id);
    const refused = await admin().post(`/api/members/${b.members.agent.userId}/password-link`).expect(403);
    expect(refused.body.message).toMatch(/workspaces you do not administer/);
    expect(await auditCount(h.ds, a.id)).toBe(before);
  });

  it('answers 404 for a member of another workspace, and 403 to a role without members.manage', async () => {
    await admin().patch(`/api/members/${b.members.marketer.userId}`, { role: 'admin' }).expect(404);
    await admin().delete(`/api/members/${b.members.marketer.userId}`).expect(404);
    await asSession(h.app, a.members.developer.cookie).get('/api/members').expect(403);
  });
});
