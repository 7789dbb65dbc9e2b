import { createGuardedHttpClient, type GuardedHttpClient, type GuardedHttpOptions } from '@tandem/node-sdk';
import { runNode } from '@tandem/node-sdk/testing';
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpRequestNode } from './http-request.node';

// The HTTP node through the production outbound guard (no stubbed ctx.http): what a
// journey author sees on the `error` port when the guard refuses a call.

let server: Server;
let port = 0;
const hits: string[] = [];
const clients: GuardedHttpClient[] = [];
// `api.test` stands for an allowed external API; the resolver hook points it at the local server.
const resolve = async (hostname: string): Promise<LookupAddress[]> => {
  if (hostname === 'api.test' || hostname === 'evil.test') return [{ address: '127.0.0.1', family: 4 }];
  throw new Error(`ENOTFOUND ${hostname}`);
};
const guard = (options: GuardedHttpOptions = {}) => {
  const client = createGuardedHttpClient({ resolve, ...options });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/metadata') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam' }).end();
    if (req.url === '/huge') return void res.end('x'.repeat(2 * 1024 * 1024));
    if (req.url === '/slow') return; // never answers
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ state: 'shipped' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => hits.splice(0));
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('core.http-request@1 through the outbound guard', () => {
  test.each([
    ['a loopback address', () => `http://127.0.0.1:${port}/orders`, 'the address 127.0.0.1 is private and not allowed'],
    ['a decimal spelling of it', () => `http://2130706433:${port}/orders`, 'the address 127.0.0.1 is private and not allowed'],
    [
      'the cloud metadata address',
      () => 'http://169.254.169.254/latest/meta-data/',
      'the address 169.254.169.254 is private and not allowed',
    ],
    [
      'a name resolving to 127.0.0.1',
      () => `http://evil.test:${port}/orders`,
      'the address 127.0.0.1 of evil.test is private and not allowed',
    ],
    [
      'a redirect to the metadata address',
      () => `http://api.test:${port}/metadata`,
      'the address 169.254.169.254 is private and not allowed',
    ],
  ])('takes the error port for %s, with a reason and nothing else', async (_name, url, message) => {
    const result = await runNode(httpRequestNode, { config: { url: url(), saveAs: 'order' }, http: guard({ allow: 'api.test' }) });
    expect(result.port).toBe('error');
    expect(result.output).toEqual({ error: message, code: 'blocked_address' });
    expect(result.variables).toEqual({});
    expect(hits.filter((h) => h !== '/metadata')).toEqual([]);
  });

  it('never shows a credential placed in a refused URL', async () => {
    const result = await runNode(httpRequestNode, {
      config: { url: `http://10.0.0.7/orders?key={{credential.token}}`, credential: 'crm' },
      credentials: { crm: { token: 'canary-7f3a9' } },
      http: guard(),
    });
    expect(result.output).toEqual({ error: 'the address 10.0.0.7 is private and not allowed', code: 'blocked_address' });
    expect(JSON.stringify([result.output, result.variables, result.logs])).not.toContain('canary-7f3a9');
  });

  it('takes the error port for an answer over 1 MB', async () => {
    const result = await runNode(httpRequestNode, { config: { url: `http://api.test:${port}/huge` }, http: guard({ allow: 'api.test' }) });
    expect([result.port, result.output]).toEqual(['error', { error: 'the answer from api.test is larger than 1 MB', code: 'too_large' }]);
  });

  it('takes the error port when the server does not answer in time', async () => {
    const result = await runNode(httpRequestNode, {
      config: { url: `http://api.test:${port}/slow`, timeoutMs: 1_000 },
      http: guard({ allow: 'api.test' }),
    });
    expect([result.port, result.output]).toEqual(['error', { error: 'api.test did not answer within 1 s', code: 'timeout' }]);
  });

  it('reaches a private address only through the allowlist', async () => {
    const config = { url: `http://127.0.0.1:${port}/orders`, saveAs: 'order' };
    const result = await runNode(httpRequestNode, { config, http: guard({ allow: '127.0.0.1' }) });
    expect(result.port).toBe('main');
    expect(result.variables).toEqual({ order: { status: 200, body: { state: 'shipped' } } });
    expect(hits).toEqual(['/orders']);
  });
});
