import type { GuardedHttpClient } from '@tandem/node-sdk';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { outboundHttpFromEnv } from './outbound-http';

let server: Server;
let url = '';
const clients: GuardedHttpClient[] = [];
const fromEnv = (env: Record<string, string>) => {
  const client = outboundHttpFromEnv(env);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = createServer((_req, res) => res.end('y'.repeat(2000)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await new Promise((r) => server.close(r));
});

describe('the worker’s outbound HTTP settings', () => {
  it('refuses private addresses when HTTP_ALLOW_HOSTS is empty', async () => {
    await expect(fromEnv({}).request({ method: 'GET', url })).rejects.toThrow('the address 127.0.0.1 is private and not allowed');
  });

  it('opens what HTTP_ALLOW_HOSTS lists', async () => {
    const response = await fromEnv({ HTTP_ALLOW_HOSTS: 'crm.internal, 127.0.0.1' }).request({ method: 'GET', url });
    expect(response.status).toBe(200);
  });

  it('stops at HTTP_MAX_RESPONSE_BYTES', async () => {
    const client = fromEnv({ HTTP_ALLOW_HOSTS: '127.0.0.1', HTTP_MAX_RESPONSE_BYTES: '1024' });
    await expect(client.request({ method: 'GET', url })).rejects.toThrow('the answer from 127.0.0.1 is larger than 1 KB');
  });

  it('refuses to start on an entry that is not a host, an address or a network, naming it', () => {
    expect(() => outboundHttpFromEnv({ HTTP_ALLOW_HOSTS: '10.0.0.0/8,http://crm' })).toThrow('HTTP_ALLOW_HOSTS: "http://crm"');
  });
});
