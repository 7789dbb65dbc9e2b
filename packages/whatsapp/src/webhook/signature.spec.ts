import { fixture, metaBytes } from '../__fixtures__/load-fixture.util';
import { parseWebhook } from './parse-webhook.util';
import { signPayload, verifySignature } from './signature.util';

const SECRET = 'app-secret-for-tests';

describe('verifySignature', () => {
  // Hebrew, Portuguese and an emoji: Meta sends them escaped as \uXXXX.
  const names = ['batched.two_entries.json', 'smb_message_echoes.image.json', 'history.chunk.json'];

  test.each(names)('%s: the exact bytes Meta sends verify and still parse', (name) => {
    const raw = metaBytes(name);
    expect(raw.toString('ascii')).toMatch(/\\u[0-9a-f]{4}/);
    expect(verifySignature(raw, signPayload(raw, SECRET), SECRET)).toEqual({ ok: true });
    expect(parseWebhook(raw)).toEqual(parseWebhook(fixture(name)));
  });

  test.each(names)('%s: re-serialized JSON of the same payload does not verify', (name) => {
    const raw = metaBytes(name);
    const header = signPayload(raw, SECRET);
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
    expect(reserialized.equals(raw)).toBe(false);
    expect(verifySignature(reserialized, header, SECRET)).toEqual({ ok: false, reason: 'mismatch' });
  });

  test.each<[string, string | undefined, string]>([
    ['no header', undefined, 'missing'],
    ['empty header', '', 'missing'],
    ['sha1 header', 'sha1=0123456789abcdef0123456789abcdef01234567', 'malformed'],
    ['not hex', `sha256=${'z'.repeat(64)}`, 'malformed'],
    ['too short', 'sha256=abcd', 'malformed'],
  ])('%s is rejected as %s', (_label, header, reason) => {
    expect(verifySignature(metaBytes('messages.text.json'), header, SECRET)).toEqual({ ok: false, reason });
  });

  test('a signature made with another secret (e.g. the verify token) is a mismatch', () => {
    const raw = metaBytes('messages.text.json');
    expect(verifySignature(raw, signPayload(raw, 'verify-token'), SECRET)).toEqual({ ok: false, reason: 'mismatch' });
  });

  test('one changed byte is a mismatch', () => {
    const raw = metaBytes('messages.text.json');
    const header = signPayload(raw, SECRET);
    const tampered = Buffer.from(raw);
    tampered[tampered.length - 3] ^= 1;
    expect(verifySignature(tampered, header, SECRET)).toEqual({ ok: false, reason: 'mismatch' });
  });

  test('upper-case hex from other signers is accepted', () => {
    const raw = metaBytes('messages.text.json');
    const header = `sha256=${signPayload(raw, SECRET).slice('sha256='.length).toUpperCase()}`;
    expect(verifySignature(raw, header, SECRET)).toEqual({ ok: true });
  });
});
