import type { LookupAddress } from 'node:dns';
import { startLocalServer, type LocalServer } from './__fixtures__/local-server';
import { createGuardedHttpClient, type GuardedHttpClient, type GuardedHttpOptions } from './guarded-http-client';
import type { HostResolver } from './guarded-lookup';
import { OutboundHttpError } from './outbound-http-error';

// The SSRF suite, part 1: every address class and spelling, and names resolved through a
// local resolver hook. Real servers on 127.0.0.1; the allowlist is the only way in.

let server: LocalServer;
const clients: GuardedHttpClient[] = [];
const client = (options: GuardedHttpOptions = {}) => {
  const c = createGuardedHttpClient(options);
  clients.push(c);
  return c;
};

/** A resolver that knows only the given names (and counts its calls). */
function fakeDns(names: Record<string, string[]>): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const found = names[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

async function refusal(promise: Promise<unknown>): Promise<OutboundHttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundHttpError);
  return error as OutboundHttpError;
}

beforeAll(async () => {
  server = await startLocalServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ secret: 'internal' }));
  });
});
afterEach(() => server.hits.splice(0));
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
});

describe('addresses written in the URL', () => {
  const port = () => server.port;
  test.each([
    ['loopback', () => `http://127.0.0.1:${port()}/`, '127.0.0.1', 'private'],
    ['decimal IPv4', () => `http://2130706433:${port()}/`, '127.0.0.1', 'private'],
    ['octal IPv4', () => `http://0177.0.0.1:${port()}/`, '127.0.0.1', 'private'],
    ['hex IPv4', () => `http://0x7f.1:${port()}/`, '127.0.0.1', 'private'],
    ['short IPv4', () => `http://127.1:${port()}/`, '127.0.0.1', 'private'],
    ['octal dword IPv4', () => `http://017700000001:${port()}/`, '127.0.0.1', 'private'],
    ['hex dword IPv4', () => `http://0x7f000001:${port()}/`, '127.0.0.1', 'private'],
    ['IPv4 with a trailing dot', () => `http://127.0.0.1.:${port()}/`, '127.0.0.1', 'private'],
    ['long-form IPv4-mapped IPv6', () => `http://[0:0:0:0:0:ffff:7f00:1]:${port()}/`, '127.0.0.1', 'private'],
    ['IPv4-mapped IPv6', () => `http://[::ffff:127.0.0.1]:${port()}/`, '127.0.0.1', 'private'],
    ['IPv6 loopback', () => `http://[::1]:${port()}/`, '::1', 'private'],
    ['link-local (cloud metadata)', () => 'http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'private'],
    ['IPv6 link-local', () => 'http://[fe80::1]/', 'fe80::1', 'private'],
    ['private 10/8', () => 'http://10.0.0.1/', '10.0.0.1', 'private'],
    ['private 172.16/12', () => 'http://172.16.5.4/', '172.16.5.4', 'private'],
    ['private 192.168/16', () => 'https://192.168.1.1/', '192.168.1.1', 'private'],
    ['CGNAT 100.64/10', () => 'http://100.64.0.1/', '100.64.0.1', 'private'],
    ['unique-local fc00::/7', () => 'http://[fd00::1]/', 'fd00::1', 'private'],
    ['multicast', () => 'http://224.0.0.1/', '224.0.0.1', 'reserved'],
    ['unspecified', () => `http://0.0.0.0:${port()}/`, '0.0.0.0', 'reserved'],
    ['unspecified as 0', () => `http://0:${port()}/`, '0.0.0.0', 'reserved'],
    ['IPv6 unspecified', () => `http://[::]:${port()}/`, '::', 'reserved'],
    ['broadcast', () => 'http://255.255.255.255/', '255.255.255.255', 'reserved'],
    ['reserved 240/4', () => 'http://240.0.0.1/', '240.0.0.1', 'reserved'],
  ])('refuses %s by default, before connecting', async (_name, url, address, kind) => {
    const error = await refusal(client().request({ method: 'GET', url: url() }));
    expect(error.code).toBe('blocked_address');
    expect(error.message).toBe(`the address ${address} is ${kind} and not allowed`);
    expect(error.kind).toBe('non_retryable');
    expect(server.hits).toEqual([]);
  });

  test.each(['127.0.0.1', '2130706433', '0177.0.0.1', '0x7f.1', '127.1', '[::ffff:127.0.0.1]'])(
    'reaches %s when 127.0.0.1 is on the allowlist',
    async (host) => {
      const response = await client({ allow: '127.0.0.1' }).request({ method: 'GET', url: `http://${host}:${server.port}/ok` });
      expect(response).toMatchObject({ status: 200, body: { secret: 'internal' } });
      expect(server.hits).toEqual(['/ok']);
    },
  );

  it('refuses other schemes', async () => {
    const error = await refusal(client().request({ method: 'GET', url: 'file:///etc/passwd' }));
    expect([error.code, error.message]).toEqual(['blocked_scheme', 'only http and https addresses can be called, not file']);
  });
});

describe('names, checked on the address the socket connects to', () => {
  it('refuses a name that resolves to 127.0.0.1, and says which name', async () => {
    const dns = fakeDns({ 'evil.test': ['127.0.0.1'] });
    const error = await refusal(client({ resolve: dns }).request({ method: 'GET', url: `http://evil.test:${server.port}/` }));
    expect([error.code, error.message]).toEqual(['blocked_address', 'the address 127.0.0.1 of evil.test is private and not allowed']);
    expect(dns.calls).toEqual(['evil.test']);
    expect(server.hits).toEqual([]);
  });

  it('connects to exactly the address it checked (the name exists only in the hook)', async () => {
    const dns = fakeDns({ 'evil.test': ['127.0.0.1'] });
    const response = await client({ resolve: dns, allow: '127.0.0.1' }).request({
      method: 'GET',
      url: `http://evil.test:${server.port}/x`,
    });
    expect(response.status).toBe(200);
    expect(server.hits).toEqual(['/x']);
  });

  it('resolves once per connection: a rebinding answer on a second lookup is never used', async () => {
    // First answer allowed (127.0.0.1 is on the list), any later one not: a guard that
    // checked one lookup and connected with another would end up on 127.0.0.2.
    const calls: string[] = [];
    const rebinding = async (hostname: string): Promise<LookupAddress[]> => {
      calls.push(hostname);
      return [{ address: calls.length === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    };
    const response = await client({ resolve: rebinding, allow: '127.0.0.1' }).request({
      method: 'GET',
      url: `http://rebind.test:${server.port}/once`,
    });
    expect(response.status).toBe(200);
    expect(calls).toEqual(['rebind.test']);
    expect(server.hits).toEqual(['/once']);
  });

  it('refuses a name when any of its addresses is blocked', async () => {
    const dns = fakeDns({ 'mixed.test': ['93.184.215.14', '::ffff:169.254.169.254'] });
    const error = await refusal(client({ resolve: dns }).request({ method: 'GET', url: 'http://mixed.test/' }));
    expect(error.message).toBe('the address 169.254.169.254 of mixed.test is private and not allowed');
  });

  it('refuses localhost through the system resolver', async () => {
    const error = await refusal(client().request({ method: 'GET', url: `http://localhost:${server.port}/` }));
    expect(error.code).toBe('blocked_address');
    expect(error.message).toMatch(/^the address (127\.0\.0\.1|::1) of localhost is private and not allowed$/);
    expect(server.hits).toEqual([]);
  });

  it('opens a name put on the allowlist, whatever its address', async () => {
    const dns = fakeDns({ 'crm.internal': ['127.0.0.1'] });
    const response = await client({ resolve: dns, allow: 'crm.internal' }).request({
      method: 'GET',
      url: `http://crm.internal:${server.port}/`,
    });
    expect(response.status).toBe(200);
  });

  it('reports a name that does not resolve without the system error text', async () => {
    const error = await refusal(client({ resolve: fakeDns({}) }).request({ method: 'GET', url: 'http://nowhere.test/' }));
    expect([error.code, error.message, error.kind]).toEqual(['unreachable', 'nowhere.test could not be found', 'retryable']);
  });
});
