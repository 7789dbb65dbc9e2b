import { call, errorOf, resetBed, startTestBed, TEST_SECRET, TestBed } from '../__fixtures__/harness';
import { DEMO_DISPLAY_PHONE_NUMBER, DEMO_PHONE_NUMBER_ID, DEMO_WABA_ID } from '../seed/demo-seed';

const APP_ID = 'sim-app-id';
const exchangePath = (code: string, secret = TEST_SECRET, clientId = APP_ID) =>
  `/v23.0/oauth/access_token?client_id=${clientId}&client_secret=${secret}&code=${encodeURIComponent(code)}`;

async function finishDialog(bed: TestBed, display: string, shareHistory = true): Promise<Record<string, string>> {
  const finished = await call<Record<string, string>>(
    bed.sim,
    'POST',
    '/v23.0/dialog/oauth/finish',
    { client_id: APP_ID, display_phone_number: display, verified_name: 'Acme Bakery', share_history: shareHistory },
    null,
  );
  expect(finished.status).toBe(200);
  return finished.body;
}

describe('Embedded Signup (WhatsApp Business app onboarding)', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());
  beforeEach(() => resetBed(bed));

  it('serves the dialog page that posts the session info and the code to its opener', async () => {
    const response = await fetch(`${bed.sim.url}/v23.0/dialog/oauth?client_id=${APP_ID}`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING');
    expect(html).toContain(`value="${APP_ID}"`);
  });

  it('onboards a new app number, exchanges the code once for a token that opens only its WABA', async () => {
    const session = await finishDialog(bed, '15550009999');
    const number = bed.sim.state.numbers.get(session.phone_number_id);
    expect(number).toMatchObject({ wabaId: session.waba_id, mode: 'coexistence', connected: true, historyShared: true });

    const exchanged = await call(bed.sim, 'GET', exchangePath(session.code), undefined, null);
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer' });
    const token = String(exchanged.body.access_token);

    const again = await call(bed.sim, 'GET', exchangePath(session.code), undefined, null);
    expect(errorOf(again)).toMatchObject({ code: 100, error_subcode: 36009, type: 'OAuthException' });

    const read = await call(bed.sim, 'GET', `/v23.0/${session.phone_number_id}?fields=is_on_biz_app`, undefined, token);
    expect(read.body).toMatchObject({ is_on_biz_app: true });
    const other = await call(bed.sim, 'GET', `/v23.0/${DEMO_PHONE_NUMBER_ID}`, undefined, token);
    expect(errorOf(other)).toMatchObject({ code: 100, error_subcode: 33 });

    const subscribed = await call(bed.sim, 'POST', `/v23.0/${session.waba_id}/subscribed_apps`, {}, token);
    expect(subscribed.body).toEqual({ success: true });
    const listed = await call(bed.sim, 'GET', `/v23.0/${session.waba_id}/subscribed_apps`, undefined, token);
    expect(listed.body).toEqual({ data: [{ whatsapp_business_api_data: { id: APP_ID, name: 'Tandem' } }] });
    const foreign = await call(bed.sim, 'POST', `/v23.0/${DEMO_WABA_ID}/subscribed_apps`, {}, token);
    expect(errorOf(foreign).code).toBe(100);

    const sync = await call(
      bed.sim,
      'POST',
      `/v23.0/${session.phone_number_id}/smb_app_data`,
      { messaging_product: 'whatsapp', sync_type: 'history' },
      token,
    );
    expect(sync.status).toBe(200);
  });

  it.each([
    ['an unknown code', (code: string) => exchangePath(`${code}x`), { code: 100, error_subcode: 36007 }],
    ['a wrong client secret', (code: string) => exchangePath(code, 'wrong'), { code: 1 }],
    ['another app', (code: string) => exchangePath(code, TEST_SECRET, 'other-app'), { code: 101 }],
  ])('refuses %s in Meta’s OAuthException shape', async (_label, path, expected) => {
    const session = await finishDialog(bed, '15550009998');
    const refused = await call(bed.sim, 'GET', path(session.code), undefined, null);
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatchObject({ type: 'OAuthException', ...expected });
  });

  it('re-onboards an existing app number: fresh sync window, link restored, same ids', async () => {
    const before = bed.sim.state.numbers.get(DEMO_PHONE_NUMBER_ID);
    if (before) Object.assign(before, { connected: false, onboardedAt: Date.now() - 3 * 86_400_000, historySyncRequestedAt: 1 });
    const session = await finishDialog(bed, DEMO_DISPLAY_PHONE_NUMBER, false);
    expect(session).toMatchObject({ phone_number_id: DEMO_PHONE_NUMBER_ID, waba_id: DEMO_WABA_ID });
    const after = bed.sim.state.numbers.get(DEMO_PHONE_NUMBER_ID);
    expect(after).toMatchObject({ connected: true, historyShared: false, historySyncRequestedAt: undefined });
    expect(Date.now() - (after?.onboardedAt ?? 0)).toBeLessThan(60_000);
  });

  it('refuses a dialog submission for another app or with a malformed number', async () => {
    const wrongApp = await call(
      bed.sim,
      'POST',
      '/v23.0/dialog/oauth/finish',
      { client_id: 'x', display_phone_number: '15550001111' },
      null,
    );
    expect(errorOf(wrongApp).code).toBe(101);
    const malformed = await call(
      bed.sim,
      'POST',
      '/v23.0/dialog/oauth/finish',
      { client_id: APP_ID, display_phone_number: '+1 555' },
      null,
    );
    expect(malformed.status).toBe(400);
    expect(bed.sim.state.numbers.size).toBeGreaterThan(0);
  });
});

describe('Embedded Signup from the control API', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());

  it('issues the chosen business token, and revoking it makes Graph answer 190', async () => {
    const token = 'canary-business-token-0123456789';
    const session = await call<Record<string, string>>(bed.sim, 'POST', '/_sim/meta/embedded-signup', {
      displayPhoneNumber: '15550007777',
      businessToken: token,
    });
    expect(session.status).toBe(200);
    const exchanged = await call(bed.sim, 'GET', exchangePath(session.body.code), undefined, null);
    expect(exchanged.body.access_token).toBe(token);
    expect((await call(bed.sim, 'GET', `/v23.0/${session.body.phone_number_id}`, undefined, token)).status).toBe(200);

    const revoked = await call(bed.sim, 'POST', '/_sim/meta/business-tokens/revoke', { wabaId: session.body.waba_id });
    expect(revoked.body).toEqual({ revoked: 1 });
    expect(errorOf(await call(bed.sim, 'GET', `/v23.0/${session.body.phone_number_id}`, undefined, token)).code).toBe(190);
  });
});
