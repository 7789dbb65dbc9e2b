import { openSecret, sealSecret, SecretOpenError } from './secret-box';
import { parseSecretKeys } from './secret-keys';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const ring = parseSecretKeys(`new:${key(2)},old:${key(1)}`);
const oldOnly = parseSecretKeys(`old:${key(1)}`);
const WS = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

describe('secret box (AES-256-GCM)', () => {
  it('round-trips a value under the current key and never stores it in clear', () => {
    const sealed = sealSecret(ring, WS, 'crm', '{"apiKey":"canary-8f2b"}');
    expect(sealed.keyId).toBe('new');
    expect(sealed.nonce).toHaveLength(12);
    expect(sealed.ciphertext.toString('utf8')).not.toContain('canary-8f2b');
    expect(openSecret(ring, WS, 'crm', sealed)).toBe('{"apiKey":"canary-8f2b"}');
  });

  it('uses a fresh nonce for every write', () => {
    const a = sealSecret(ring, WS, 'crm', 'same');
    const b = sealSecret(ring, WS, 'crm', 'same');
    expect(a.nonce.equals(b.nonce)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it('refuses tampered ciphertext, tag or nonce', () => {
    const sealed = sealSecret(ring, WS, 'crm', 'value');
    const flip = (b: Buffer) => Buffer.from(b.map((x, i) => (i === 0 ? x ^ 1 : x)));
    for (const tampered of [
      { ...sealed, ciphertext: flip(sealed.ciphertext) },
      { ...sealed, authTag: flip(sealed.authTag) },
      { ...sealed, nonce: flip(sealed.nonce) },
      { ...sealed, authTag: sealed.authTag.subarray(0, 4) },
    ]) {
      expect(() => openSecret(ring, WS, 'crm', tampered)).toThrow(SecretOpenError);
    }
  });

  it('refuses a row moved to another workspace or renamed', () => {
    const sealed = sealSecret(ring, WS, 'crm', 'value');
    expect(() => openSecret(ring, OTHER, 'crm', sealed)).toThrow(SecretOpenError);
    expect(() => openSecret(ring, WS, 'crm2', sealed)).toThrow(SecretOpenError);
  });

  it('opens values of an older key and refuses a key it does not hold', () => {
    const sealedOld = sealSecret(oldOnly, WS, 'crm', 'from-before');
    expect(sealedOld.keyId).toBe('old');
    expect(openSecret(ring, WS, 'crm', sealedOld)).toBe('from-before');
    const sealedNew = sealSecret(ring, WS, 'crm', 'after');
    expect(() => openSecret(oldOnly, WS, 'crm', sealedNew)).toThrow(/key "new" is not in TANDEM_SECRETS_KEYS/);
  });

  it('refuses a malformed key list', () => {
    expect(() => parseSecretKeys('k:c2hvcnQ=')).toThrow(/32-byte/);
    expect(() => parseSecretKeys(`a:${key(1)},a:${key(2)}`)).toThrow(/unique/);
  });
});
