import request from 'supertest';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { createMemberWithPassword } from './__fixtures__/principals';
import { asSession, signIn } from './__fixtures__/sign-in';
import { createTwoWorkspaces, type TestWorkspace } from './__fixtures__/two-workspaces';

jest.setTimeout(60_000);

describe('sessions: idle and absolute expiry, sign-out, ending sessions, password change and reset', () => {
  let h: EngineApiHarness;
  let a: TestWorkspace;

  beforeAll(async () => {
    h = await startEngineApi('auth_sessions', { SIGN_IN_PER_MINUTE: '1000' });
    ({ a } = await createTwoWorkspaces(h.ds));
  });
  afterAll(() => h.close());

  /** A member of A signed in `n` times (n browsers). */
  async function signedIn(n: number) {
    const person = await createMemberWithPassword(h.ds, a.id, 'viewer');
    const cookies: string[] = [];
    for (let i = 0; i < n; i++) cookies.push((await signIn(h.app, person.email, person.password)).cookie!);
    return { ...person, cookies };
  }
  const status = async (cookie: string) => (await asSession(h.app, cookie).get('/api/auth/me')).status;
  const sessionId = async (cookie: string) => (await asSession(h.app, cookie).get('/api/auth/me').expect(200)).body.session.id as string;

  it('ends a session left idle past its idle deadline', async () => {
    const { cookies } = await signedIn(1);
    const id = await sessionId(cookies[0]);
    await h.ds.query(`UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await status(cookies[0])).toBe(401);
  });

  it('ends a session past its absolute deadline, however recently used', async () => {
    const { cookies } = await signedIn(1);
    const id = await sessionId(cookies[0]);
    await h.ds.query(`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE id = $1`, [id]);
    expect(await status(cookies[0])).toBe(401);
  });

  it('signs out: the cookie is cleared and the session refused at once', async () => {
    const { cookies } = await signedIn(1);
    const res = await asSession(h.app, cookies[0]).post('/api/auth/sign-out').expect(204);
    expect(String(res.headers['set-cookie'])).toMatch(/tandem_session=;/);
    expect(await status(cookies[0])).toBe(401);
  });

  it("ends another of my sessions from this one, and refuses to end someone else's (404)", async () => {
    const { cookies } = await signedIn(2);
    const [mine, other] = cookies;
    const list = (await asSession(h.app, mine).get('/api/auth/sessions').expect(200)).body.items;
    expect(list).toHaveLength(2);
    const otherId = list.find((s: { current: boolean }) => !s.current).id;
    const stranger = await signedIn(1);
    await asSession(h.app, stranger.cookies[0]).delete(`/api/auth/sessions/${otherId}`).expect(404);
    expect(await status(other)).toBe(200);
    await asSession(h.app, mine).delete(`/api/auth/sessions/${otherId}`).expect(204);
    expect([await status(mine), await status(other)]).toEqual([200, 401]);
  });

  it('changing my password ends my other sessions, keeps this one, and needs the current password', async () => {
    const person = await signedIn(2);
    const [mine, other] = person.cookies;
    const change = (currentPassword: string) =>
      asSession(h.app, mine).post('/api/auth/password', { currentPassword, newPassword: 'a brand new passphrase' });
    await change('not the password').expect(400);
    expect(await status(other)).toBe(200);
    await change(person.password).expect(204);
    expect([await status(mine), await status(other)]).toEqual([200, 401]);
    expect((await signIn(h.app, person.email, 'a brand new passphrase')).res.status).toBe(200);
  });

  it('setting a password with a one-time link ends every session of the person', async () => {
    const person = await signedIn(2);
    const link = (
      await request(h.app.getHttpServer()).post(`/api/members/${person.userId}/password-link`).set('Cookie', a.members.admin.cookie)
    ).body;
    const reset = () =>
      request(h.app.getHttpServer()).post('/api/auth/password-reset').send({ token: link.token, newPassword: 'reset passphrase 1' });
    await reset().expect(204);
    expect([await status(person.cookies[0]), await status(person.cookies[1])]).toEqual([401, 401]);
    await reset().expect(400);
    expect((await signIn(h.app, person.email, 'reset passphrase 1')).res.status).toBe(200);
  });
});
