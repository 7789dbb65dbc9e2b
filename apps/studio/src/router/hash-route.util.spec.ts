import { buildHash, matchRoute, parseHash } from './hash-route.util';

const routes = [
  { name: 'journeys', pattern: '/journeys' },
  { name: 'journey', pattern: '/journeys/:id' },
  { name: 'run', pattern: '/runs/:id' },
] as const;

describe('hash routes', () => {
  it('parses path and query, ignoring stray slashes', () => {
    expect(parseHash('#/runs/?status=failed&contactId=c1')).toEqual({ path: '/runs', query: { status: 'failed', contactId: 'c1' } });
    expect(parseHash('')).toEqual({ path: '/', query: {} });
  });

  it('matches patterns with params and decodes them', () => {
    expect(matchRoute(routes, '/journeys/a%20b')).toEqual({ name: 'journey', params: { id: 'a b' } });
    expect(matchRoute(routes, '/journeys')).toEqual({ name: 'journeys', params: {} });
    expect(matchRoute(routes, '/journeys/a/b')).toBeNull();
  });

  it('builds hashes without empty query values and round-trips through parseHash', () => {
    const hash = buildHash('/runs', { status: 'failed', wamid: '', version: 2, contactId: undefined });
    expect(hash).toBe('#/runs?status=failed&version=2');
    expect(parseHash(hash)).toEqual({ path: '/runs', query: { status: 'failed', version: '2' } });
  });
});
