import { GraphStub, graphError } from '../__fixtures__/graph-stub.util';
import { GraphApiError } from './graph-api-error';
import { MISSING_TOKEN_CODE } from './error-codes';
import type { GraphScope } from './graph-http.util';
import { WhatsAppClient } from './whatsapp.client';

const stub = new GraphStub();
beforeAll(() => stub.start());
afterAll(() => stub.stop());
beforeEach(() => {
  stub.requests.length = 0;
});

/** Tokens per WABA, as the secrets store would hold them; numbers map to their WABA. */
const TOKENS: Record<string, string> = { 'waba-a': 'tok-a', 'waba-b': 'tok-b' };
const NUMBER_WABA: Record<string, string> = { '111': 'waba-a', '222': 'waba-b' };
const source = (scope: GraphScope) => {
  const waba = scope.wabaId ?? NUMBER_WABA[scope.phoneNumberId ?? ''];
  const token = TOKENS[waba ?? ''];
  if (!token) throw new Error(`no Meta token is stored for phone number ${scope.phoneNumberId}`);
  return token;
};
const client = () => new WhatsAppClient({ baseUrl: stub.baseUrl, graphVersion: 'v23.0', accessToken: source, timeoutMs: 500 });

describe('WhatsAppClient with a token per WABA', () => {
  test.each([
    ['a send', (c: WhatsAppClient) => c.sendMessage('222', '15550001', { type: 'text', text: { body: 'hi' } }), 'tok-b'],
    ['a template listing', (c: WhatsAppClient) => c.listTemplates('waba-a'), 'tok-a'],
    ['a phone number read', (c: WhatsAppClient) => c.getPhoneNumber('111', ['throughput']), 'tok-a'],
    ['a media read for the receiving number', (c: WhatsAppClient) => c.getMedia('m1', { phoneNumberId: '222' }), 'tok-b'],
    ['a sync request', (c: WhatsAppClient) => c.requestSync('111', 'history'), 'tok-a'],
    ['a subscription', (c: WhatsAppClient) => c.subscribeApp('waba-b'), 'tok-b'],
  ])('%s carries the token of its WABA', async (_label, call, token) => {
    stub.handler = () => ({
      json: { data: [], messages: [{ id: 'wamid.X' }], success: true, request_id: 'r1', id: 'm1', url: `${stub.baseUrl}/m` },
    });
    await call(client());
    expect(stub.requests[0].headers.authorization).toBe(`Bearer ${token}`);
  });

  test('a number without a token fails classified as auth, before any request, naming no token', async () => {
    const error = await client()
      .sendMessage('999', '15550001', { type: 'text', text: { body: 'hi' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: MISSING_TOKEN_CODE, classification: 'auth' });
    expect(stub.requests).toHaveLength(0);
  });

  test('the code exchange sends the app credentials in the query and no bearer token', async () => {
    stub.handler = () => ({ json: { access_token: 'EAAnew', token_type: 'bearer' } });
    await expect(client().exchangeCode({ appId: 'app', appSecret: 'sec', code: 'c0de' })).resolves.toEqual({ accessToken: 'EAAnew' });
    const [req] = stub.requests;
    expect(req.url.pathname).toBe('/v23.0/oauth/access_token');
    expect(Object.fromEntries(req.url.searchParams)).toEqual({ client_id: 'app', client_secret: 'sec', code: 'c0de' });
    expect(req.headers.authorization).toBeUndefined();
  });

  test('a refused code is a classified Graph error carrying Meta’s code and subcode', async () => {
    stub.handler = () => ({ status: 400, json: graphError(100, 36007) });
    const error = await client()
      .exchangeCode({ appId: 'app', appSecret: 'sec', code: 'bad' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 100, subcode: 36007 });
  });

  test('withToken calls with the given token whatever the source says', async () => {
    stub.handler = () => ({ json: { success: true } });
    await client().withToken('tok-new').subscribeApp('waba-a');
    expect(stub.requests[0].headers.authorization).toBe('Bearer tok-new');
  });
});
