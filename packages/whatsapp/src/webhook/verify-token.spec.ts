import { verifyTokenMatches } from './verify-token.util';

const TOKEN = 'a-verify-token-for-tests';

describe('verifyTokenMatches', () => {
  it('accepts the configured token (also with non-ASCII characters)', () => {
    expect(verifyTokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(verifyTokenMatches('tôken-ção-👟', 'tôken-ção-👟')).toBe(true);
  });

  it.each([
    ['a wrong token of the same length', 'b-verify-token-for-tests'],
    ['a prefix of the token', TOKEN.slice(0, -1)],
    ['the token with a suffix', `${TOKEN}x`],
    ['a much longer token', TOKEN.repeat(50)],
    ['another case', TOKEN.toUpperCase()],
    ['an empty token', ''],
    ['no token', undefined],
  ])('refuses %s', (_name, given) => {
    expect(verifyTokenMatches(given, TOKEN)).toBe(false);
  });

  it('never matches when no token is configured', () => {
    expect(verifyTokenMatches('', '')).toBe(false);
  });
});
