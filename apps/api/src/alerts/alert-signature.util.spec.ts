import { createHmac } from 'node:crypto';
import { signAlertBody, verifyAlertSignature } from './alert-signature.util';

describe('alert signatures', () => {
  const body = '{"event":"alert.raised"}';
  const now = 1_790_000_000;
  const headers = (ts: number, secret = 'whsec_a') => ({ timestamp: String(ts), signature: signAlertBody(secret, ts, body) });

  test.each([
    ['a fresh, matching signature', headers(now), body, true],
    ['a changed body', headers(now), body.replace('raised', 'resolved'), false],
    ['another secret', headers(now, 'whsec_b'), body, false],
    ['a replay older than five minutes', headers(now - 301), body, false],
    ['a timestamp header moved forward', { ...headers(now - 400), timestamp: String(now) }, body, false],
    ['no signature', { timestamp: String(now), signature: undefined }, body, false],
  ])('%s → %s', (_name, h, raw, ok) => {
    expect(verifyAlertSignature('whsec_a', h, raw, now)).toBe(ok);
  });

  test('the signature is HMAC-SHA256 over "<timestamp>.<body>"', () => {
    expect(signAlertBody('k', 1, 'x')).toBe(`v1=${createHmac('sha256', 'k').update('1.x').digest('hex')}`);
  });
});
