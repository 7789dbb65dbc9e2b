import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { signIn } from './__fixtures__/sign-in';

jest.setTimeout(60_000);

const PER_MINUTE = 3;

describe('sign-in throttling per client address', () => {
  let h: EngineApiHarness;

  beforeAll(async () => {
    h = await startEngineApi('auth_throttle', { SIGN_IN_PER_MINUTE: String(PER_MINUTE) });
    await h.insert('workspaces', { name: 'Acme' });
  });
  afterAll(() => h.close());

  it(`answers 429 after ${PER_MINUTE} attempts in a minute, whatever the email`, async () => {
    for (let i = 0; i < PER_MINUTE; i++) expect((await signIn(h.app, `someone-${i}@test.tandem`, 'a password')).res.status).toBe(401);
    const throttled = await signIn(h.app, 'someone-else@test.tandem', 'a password');
    expect(throttled.res.status).toBe(429);
    expect(throttled.setCookie).toBeNull();
    // Routes that do not opt in are not limited.
    await h.get('/api/auth/me').expect(200);
  });
});
