import { parseSignupMessage, signupDialogUrl, timeLeft } from './embedded-signup.util';

describe('parseSignupMessage', () => {
  test.each([
    [
      'the session info of a business app onboarding',
      {
        type: 'WA_EMBEDDED_SIGNUP',
        event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING',
        data: { phone_number_id: '111', waba_id: '222', business_id: '3' },
      },
      { kind: 'session', wabaId: '222', phoneNumberId: '111' },
    ],
    [
      'the same as a JSON string',
      JSON.stringify({ type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', data: { phone_number_id: '1', waba_id: '2' } }),
      { kind: 'session', wabaId: '2', phoneNumberId: '1' },
    ],
    ['the login response with the code', { type: 'FB_LOGIN_RESPONSE', authResponse: { code: 'AQx' } }, { kind: 'code', code: 'AQx' }],
    [
      'a cancel',
      { type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' } },
      { kind: 'cancel', step: 'PHONE_NUMBER_SETUP' },
    ],
    [
      'an error',
      { type: 'WA_EMBEDDED_SIGNUP', event: 'ERROR', data: { error_message: 'Number not eligible' } },
      { kind: 'error', message: 'Number not eligible' },
    ],
    ['a finish without ids', { type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', data: {} }, null],
    ['another window’s message', { source: 'react-devtools' }, null],
    ['garbage text', 'not json', null],
  ])('%s', (_label, data, expected) => {
    expect(parseSignupMessage(data)).toEqual(expected);
  });
});

test('signupDialogUrl asks for a code and the business app onboarding flow', () => {
  const url = new URL(
    signupDialogUrl({ appId: 'app', configId: 'cfg', dialogUrl: 'http://sim.test/v23.0/dialog/oauth', graphVersion: 'v23.0' }),
  );
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: 'app', config_id: 'cfg', response_type: 'code' });
  expect(JSON.parse(url.searchParams.get('extras') ?? '{}')).toMatchObject({ featureType: 'whatsapp_business_app_onboarding' });
});

test.each([
  ['2026-12-02T10:00:00Z', '2026-12-01T10:55:00Z', '23 h 5 min'],
  ['2026-12-01T11:00:00Z', '2026-12-01T10:55:00Z', '5 min'],
  ['2026-12-01T10:00:00Z', '2026-12-01T10:55:00Z', null],
])('timeLeft(%s) at %s', (deadline, now, expected) => {
  expect(timeLeft(deadline, Date.parse(now))).toBe(expected);
});
