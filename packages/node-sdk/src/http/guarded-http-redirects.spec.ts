import type { LookupAddress } from 'node:dns';
import { startLocalServer, type LocalServer } from './__fixtures__/local-server';
import { createGuardedHttpClient, type GuardedHttpClient, type GuardedHttpOptions } from './guarded-http-client';
import { OutboundHttpError } from './outbound-http-error';

// The SSRF suite, part 2: redirects, body size and time. `api.test` is an allowed server
// (allowlisted by name; the resolver hook points it at the local server on 127.0.0.1),
// so a redirect to 127.0.0.1 by address is outside the allowlist.

let server: LocalServer;
let api = '';
const clients: GuardedHttpClient[] = [];
const resolve = async (hostname: string): Promise<LookupAddress[]> => {
  if (hostname === 'api.test' || hostname === 'evil.test') return [{ address: '127.0.0.1', family: 4 }];
  throw new Error(`ENOTFOUND ${hostname}`);
};
const client = (options: GuardedHttpOptions = {}) => {
  const c = createGuardedHttpClient({ resolve, allow: 'api.test', ...options });
  clients.push(c);
  return c;
};

async function refusal(promise: Promise<unknown>): Promise<OutboundHttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundHttpError);
  return error as OutboundHttpError;
}

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const to = url.searchParams.get('to');
    if (url.pathname === '/redirect' && to) {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to.replace('PORT', String(server.port)) }).end();
    } else if (url.pathname === '/hops') {
      const left = Number(url.searchParams.get('n'));
      if (left === 0) res.writeHead(200, { 'content-type': 'text/plain' }).end('arrived');
      else res.writeHead(301, { location: `/hops?n=${left - 1}` }).end();
    } else if (url.pathname === '/big') {
      const size = Number(url.searchParams.get('bytes'));
      res.writeHead(200, url.searchParams.has('declared') ? { 'content-length': size } : {});
      for (let sent = 0; sent < size; sent += 64 * 1024) res.write('x'.repeat(Math.min(64 * 1024, size - sent)));
      res.end();
    } else if (url.pathname === '/endless') {
      // Writes until the client hangs up: only a reader that stops at the limit ends this.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    } else if (url.pathname === '/silent') {
      // never answers
    } else if (url.pathname === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first bytes, then nothing');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, path: req.url, authorization: req.headers.authorization ?? null }));
    }
  });
  api = `http://api.test:${server.port}`;
});
afterEach(() => server.hits.splice(0));
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
});

describe('redirects', () => {
  test.each([
    ['127.0.0.1', 'http://127.0.0.1:PORT/internal', 'the address 127.0.0.1 is private and not allowed'],
    ['169.254.169.254', 'http://169.254.169.254/latest/meta-data/', 'the address 169.254.169.254 is private and not allowed'],
    ['a name resolving to 127.0.0.1', 'http://evil.test:PORT/internal', 'the address 127.0.0.1 of evil.test is private and not allowed'],
  ])('re-checks the target: a redirect to %s is refused', async (_name, to, message) => {
    const error = await refusal(client().request({ method: 'GET', url: `${api}/redirect?to=${encodeURIComponent(to)}` }));
    expect([error.code, error.message]).toEqual(['blocked_address', message]);
    expect(server.hits).toHaveLength(1);
  });

  it('follows a redirect into an allowlisted address', async () => {
    const to = encodeURIComponent('http://127.0.0.1:PORT/internal');
    const response = await client({ allow: 'api.test,127.0.0.1' }).request({ method: 'GET', url: `${api}/redirect?to=${to}` });
    expect(response.body).toMatchObject({ path: '/internal' });
  });

  it('refuses a redirect to another scheme', async () => {
    const error = await refusal(client().request({ method: 'GET', url: `${api}/redirect?to=${encodeURIComponent('file:///etc/passwd')}` }));
    expect(error.code).toBe('blocked_scheme');
  });

  it('follows up to 5 redirects and refuses the 6th', async () => {
    expect((await client().request({ method: 'GET', url: `${api}/hops?n=5` })).body).toBe('arrived');
    const error = await refusal(client().request({ method: 'GET', url: `${api}/hops?n=6` }));
    expect([error.code, error.message]).toEqual(['too_many_redirects', 'api.test redirected more than 5 times']);
    expect(server.hits).toHaveLength(6 + 6);
  });

  it('drops the author’s headers when a redirect leaves the origin', async () => {
    const to = encodeURIComponent('http://127.0.0.1:PORT/elsewhere');
    const headers = { authorization: 'Bearer s3cret' };
    const open = client({ allow: 'api.test,127.0.0.1' });
    const sameOrigin = await open.request({ method: 'GET', url: `${api}/redirect?to=%2Fhere`, headers });
    const otherOrigin = await open.request({ method: 'GET', url: `${api}/redirect?to=${to}`, headers });
    expect(sameOrigin.body).toMatchObject({ path: '/here', authorization: 'Bearer s3cret' });
    expect(otherOrigin.body).toMatchObject({ path: '/elsewhere', authorization: null });
  });

  test.each([
    [303, 'POST', 'GET'],
    [302, 'POST', 'GET'],
    [307, 'POST', 'POST'],
    [308, 'PUT', 'PUT'],
  ] as const)('after %i, a %s becomes a %s', async (status, method, expected) => {
    const response = await client().request({ method, url: `${api}/redirect?status=${status}&to=%2Fnext`, body: { a: 1 } });
    expect(response.body).toMatchObject({ method: expected, path: '/next' });
  });
});

describe('body size', () => {
  test.each([
    ['an endless body', '/endless'],
    ['a body declared larger', `/big?bytes=${3 * 1024 * 1024}&declared`],
  ])('stops reading %s at 1 MB', async (_name, path) => {
    const error = await refusal(client().request({ method: 'GET', url: `${api}${path}` }));
    expect([error.code, error.message, error.kind]).toEqual(['too_large', 'the answer from api.test is larger than 1 MB', 'non_retryable']);
  });

  it('reads a body of exactly the limit', async () => {
    const small = client({ maxResponseBytes: 1000 });
    expect((await small.request({ method: 'GET', url: `${api}/big?bytes=1000` })).body).toBe('x'.repeat(1000));
    expect((await refusal(small.request({ method: 'GET', url: `${api}/big?bytes=1001` }))).message).toBe(
      'the answer from api.test is larger than 1000 bytes',
    );
  });
});

describe('time', () => {
  test.each([
    ['sends nothing', '/silent'],
    ['stops in the middle of the body', '/trickle'],
  ])('gives up on a server that %s', async (_name, path) => {
    const started = Date.now();
    const error = await refusal(client().request({ method: 'GET', url: `${api}${path}`, timeoutMs: 300 }));
    expect([error.code, error.message, error.kind]).toEqual(['timeout', 'api.test did not answer within 0.3 s', 'retryable']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a refused connection without the system error text', async () => {
    const closed = await startLocalServer(() => undefined);
    await closed.close();
    const error = await refusal(client({ allow: '127.0.0.1' }).request({ method: 'GET', url: `http://127.0.0.1:${closed.port}/` }));
    expect([error.code, error.message]).toEqual(['unreachable', '127.0.0.1 could not be reached']);
  });
});
