import { call, startTestBed, TEST_TOKEN, TestBed } from '../__fixtures__/harness';
import { DEMO_CONTACTS, DEMO_PHONE_NUMBER_ID } from '../seed/demo-seed';

const CONTROL = 'a-control-token-for-tests';
const { maria } = DEMO_CONTACTS;

describe('/_sim control token (SIMULATOR_CONTROL_TOKEN)', () => {
  describe('when set (production)', () => {
    let bed: TestBed;
    beforeAll(async () => {
      bed = await startTestBed({ controlToken: CONTROL });
    });
    afterAll(() => bed.close());

    const inject = (token: string | null) =>
      call(
        bed.sim,
        'POST',
        '/_sim/customers/messages',
        { phoneNumberId: DEMO_PHONE_NUMBER_ID, waId: maria.waId, message: { type: 'text', text: 'hi' } },
        token,
      );

    it.each([
      ['no token', null],
      ['the Graph access token', TEST_TOKEN],
      ['a wrong token of the same length', 'x'.repeat(CONTROL.length)],
      ['the token with a suffix', `${CONTROL}x`],
    ])('refuses %s with 401, injecting no customer message', async (_name, token) => {
      const res = await inject(token);
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).toContain('SIMULATOR_CONTROL_TOKEN');
      for (const path of ['/_sim/numbers', '/_sim/config', '/_sim/docs', '/_sim'])
        expect((await call(bed.sim, 'GET', path, undefined, token)).status).toBe(401);
      await bed.sim.whenIdle();
      expect(bed.receiver.received).toHaveLength(0);
    });

    it('accepts the control token', async () => {
      expect((await call(bed.sim, 'GET', '/_sim/numbers', undefined, CONTROL)).status).toBe(200);
      expect((await inject(CONTROL)).status).toBe(200);
      await bed.sim.whenIdle();
      expect(bed.receiver.received).toHaveLength(1);
    });

    it('leaves the Graph API to its own access token', async () => {
      expect((await call(bed.sim, 'GET', `/v23.0/${DEMO_PHONE_NUMBER_ID}`)).status).toBe(200);
      expect((await call(bed.sim, 'GET', `/v23.0/${DEMO_PHONE_NUMBER_ID}`, undefined, CONTROL)).status).toBe(401);
    });
  });

  it('is not needed when unset (development)', async () => {
    const bed = await startTestBed();
    try {
      expect((await call(bed.sim, 'GET', '/_sim/numbers', undefined, null)).status).toBe(200);
    } finally {
      await bed.close();
    }
  });
});
