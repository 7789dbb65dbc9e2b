import { apiTokenState, expiresInDays } from './api-token.util';

describe('apiTokenState', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  it.each([
    [{ revokedAt: null, expiresAt: null }, 'active'],
    [{ revokedAt: null, expiresAt: '2026-12-05T00:00:00Z' }, 'active'],
    [{ revokedAt: null, expiresAt: '2026-12-04T12:00:00Z' }, 'expired'],
    [{ revokedAt: '2026-12-01T00:00:00Z', expiresAt: '2026-11-01T00:00:00Z' }, 'revoked'],
  ])('%j is %s', (token, state) => {
    expect(apiTokenState(token, now)).toBe(state);
  });
});

describe('expiresInDays', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['30', 30],
    ['3650', 3650],
    ['0', null],
    ['3651', null],
    ['1.5', null],
    ['soon', null],
  ])('%j → %s', (value, days) => {
    expect(expiresInDays(value)).toBe(days);
  });
});
