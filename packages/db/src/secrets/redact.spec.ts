import { REDACTED, redactionNeedles, redactText, redactValue } from './redact';

describe('redaction of secret values', () => {
  const needles = redactionNeedles(['s3cr3t/value+1', 'abc']);

  it('replaces a value, its URL encoding and its JSON escaping; ignores values too short to be secrets', () => {
    expect(redactText('GET https://x.test/?k=s3cr3t%2Fvalue%2B1 failed', needles)).toBe(`GET https://x.test/?k=${REDACTED} failed`);
    expect(redactText('token s3cr3t/value+1 abc', needles)).toBe(`token ${REDACTED} abc`);
    expect(redactText(JSON.stringify({ a: 'x"s3cr3t/value+1' }), redactionNeedles(['x"s3cr3t/value+1']))).not.toContain('s3cr3t');
  });

  it('walks objects, arrays and keys, leaving other values alone', () => {
    const out = redactValue({ url: 'u?s3cr3t/value+1', list: ['s3cr3t/value+1', 3, null], ['s3cr3t/value+1']: true }, needles);
    expect(out).toEqual({ url: `u?${REDACTED}`, list: [REDACTED, 3, null], [REDACTED]: true });
    expect(redactValue({ a: 1 }, [])).toEqual({ a: 1 });
  });
});
