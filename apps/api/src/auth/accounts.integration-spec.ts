import { ROLE_PERMISSIONS } from '@tandem/api-contract';
import request from 'supertest';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { createMemberWithPassword } from './__fixtures__/principals';
import { signIn } from './__fixtures__/sign-in';
import { createTwoWorkspaces, type TestWorkspace } from './__fixtures__/two-workspaces';

jest.setTimeout(60_000);

const MAX_FAILURES = 3;

describe('accounts: sign-in, who am I, refusals that reveal nothing, lock-out', () => {
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;

  beforeAll(async () => {
    h = await startEngineApi('auth_accounts', { SIGN_IN_MAX_FAILURES: String(MAX_FAILURES), SIGN_IN_PER_MINUTE: '1000' });
    ({ a, b } = await createTwoWorkspaces(h.ds));
  });
  afterAll(() => h.close());

  const me = (cookie: string, workspace?: string) => {
    const req = request(h.app.getHttpServer()).get('/api/auth/me').set('Cookie', cookie);
    return workspace ? req.set('X-Tandem-Workspace', workspace) : req;
  };

  it('signs in with an http-only SameSite=Strict cookie; /me answers the role, the workspaces and the permissions', async () => {
    const person = await createMemberWithPassword(h.ds, a.id, 'marketer');
    await h.ds.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'viewer')`, [b.id, person.userId]);
    const { res, setCookie, cookie } = await signIn(h.app, person.email.toUpperCase(), person.password);
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    const body = (await me(cookie!).expect(200)).body;
    expect(body.user).toEqual({ id: person.userId, email: person.email, name: person.email });
    expect(body.workspace).toEqual({ id: a.id, name: 'Acme', role: 'marketer' });
    expect(body.workspaces).toEqual([
      { id: a.id, name: 'Acme', role: 'marketer' },
      { id: b.id, name: 'Globex', role: 'viewer' },
    ]);
    expect(body.permissions).toEqual([...ROLE_PERMISSIONS.marketer]);
    expect(body.session.expiresAt).toEqual(expect.any(String));
    // The same session in the other workspace carries the role held there.
    const inB = (await me(cookie!, b.id).expect(200)).body;
    expect(inB.workspace).toEqual({ id: b.id, name: 'Globex', role: 'viewer' });
    expect(inB.permissions).toEqual([...ROLE_PERMISSIONS.viewer]);
  });

  it('answers a wrong password and an unknown email with the same 401 body, and sets no cookie', async () => {
    const person = await createMemberWithPassword(h.ds, a.id, 'viewer');
    const wrong = await signIn(h.app, person.email, 'not the password');
    const unknown = await signIn(h.app, 'nobody@test.tandem', person.password);
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.body).toEqual(unknown.res.body);
    expect([wrong.setCookie, unknown.setCookie]).toEqual([null, null]);
  });

  it(`locks an account after ${MAX_FAILURES} failures, even for the right password, until the lock has passed`, async () => {
    const person = await createMemberWithPassword(h.ds, a.id, 'viewer');
    const refusal = (await signIn(h.app, person.email, 'wrong 1')).res.body;
    for (let i = 2; i <= MAX_FAILURES; i++) expect((await signIn(h.app, person.email, `wrong ${i}`)).res.status).toBe(401);
    const locked = await signIn(h.app, person.email, person.password);
    expect(locked.res.status).toBe(401);
    expect(locked.res.body).toEqual(refusal);
    // Logical time: the lock has passed.
    await h.ds.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [person.userId]);
    expect((await signIn(h.app, person.email, person.password)).res.status).toBe(200);
  });

  it('starts counting again after a lock has passed: one more wrong password does not lock at once', async () => {
    const person = await createMemberWithPassword(h.ds, a.id, 'viewer');
    for (let i = 1; i <= MAX_FAILURES; i++) await signIn(h.app, person.email, `wrong ${i}`);
    await h.ds.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [person.userId]);
    expect((await signIn(h.app, person.email, 'wrong again')).res.status).toBe(401);
    expect((await signIn(h.app, person.email, person.password)).res.status).toBe(200);
  });

  it('takes about as long for an unknown email as for a wrong password (both verify an argon2id hash)', async () => {
    const person = await createMemberWithPassword(h.ds, a.id, 'viewer');
    // Failures would lock the account: allow plenty for this test.
    await h.ds.query('UPDATE users SET failed_sign_ins = -1000 WHERE id = $1', [person.userId]);
    const time = async (email: string) => {
      const t0 = process.hrtime.bigint();
      expect((await signIn(h.app, email, 'not the password')).res.status).toBe(401);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    await time('warm-up@test.tandem');
    // Interleaved, so that load from elsewhere on the machine slows both kinds alike.
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      knownTimes.push(await time(person.email));
      unknownTimes.push(await time(`nobody-${i}@test.tandem`));
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const [known, unknown] = [median(knownTimes), median(unknownTimes)];
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });
});
