import { GraphStub, graphError } from '../__fixtures__/graph-stub.util';
import { GraphApiError } from './graph-api-error';
import type { OutboundMessage } from './message.types';
import { InvalidOutboundMessageError, WhatsAppClient } from './whatsapp.client';

const stub = new GraphStub();
let client: WhatsAppClient;

beforeAll(() => stub.start());
afterAll(() => stub.stop());
beforeEach(() => {
  stub.requests.length = 0;
  client = new WhatsAppClient({ baseUrl: stub.baseUrl, graphVersion: 'v23.0', accessToken: 'tok-123', timeoutMs: 500 });
});

const text: OutboundMessage = { type: 'text', text: { body: 'Hola 👋' }, biz_opaque_callback_data: 'run=1;step=2' };

async function failure(promise: Promise<unknown>): Promise<GraphApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphApiError);
  return error as GraphApiError;
}

describe('WhatsAppClient.sendMessage', () => {
  test('posts the message with token and version and returns wamid and wa_id', async () => {
    stub.handler = () => ({
      json: {
        messaging_product: 'whatsapp',
        contacts: [{ input: '+15551234567', wa_id: '15551234567' }],
        messages: [{ id: 'wamid.OUT1', message_status: 'accepted' }],
      },
    });
    const result = await client.sendMessage('108932450377265', '+15551234567', text);
    expect(result).toEqual({ wamid: 'wamid.OUT1', waId: '15551234567', messageStatus: 'accepted' });
    const [req] = stub.requests;
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/v23.0/108932450377265/messages');
    expect(req.headers.authorization).toBe('Bearer tok-123');
    expect(req.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+15551234567',
      type: 'text',
      text: { body: 'Hola 👋' },
      biz_opaque_callback_data: 'run=1;step=2',
    });
  });

  test('to a BSUID: Meta answers wa_id "" and the user id is returned instead', async () => {
    stub.handler = () => ({
      json: { contacts: [{ input: 'US.134912', wa_id: '', user_id: 'US.134912' }], messages: [{ id: 'wamid.OUT2' }] },
    });
    await expect(client.sendMessage('1', 'US.134912', text)).resolves.toEqual({ wamid: 'wamid.OUT2', userId: 'US.134912' });
    expect(stub.requests[0].body).toMatchObject({ to: 'US.134912' });
  });

  test('an invalid message is refused before any request', async () => {
    const tooMany = {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pick' },
        action: { buttons: ['a', 'b', 'c', 'd'].map((id) => ({ type: 'reply', reply: { id, title: id } })) },
      },
    } as unknown as OutboundMessage;
    await expect(client.sendMessage('1', '15551234567', tooMany)).rejects.toBeInstanceOf(InvalidOutboundMessageError);
    expect(stub.requests).toHaveLength(0);
  });

  test.each<[number, number, number | undefined, string]>([
    [400, 131047, undefined, 'window_closed'],
    [400, 130429, undefined, 'rate_limited'],
    [429, 80007, undefined, 'rate_limited'],
    [400, 132001, 2494073, 'template_problem'],
    [401, 190, 463, 'auth'],
    [403, 10, undefined, 'auth'],
    [403, 200, undefined, 'auth'],
    [400, 131026, 2494010, 'permanent'],
    [400, 100, undefined, 'permanent'],
    [403, 368, undefined, 'permanent'],
    [500, 131000, undefined, 'retry_later'],
    [503, 2, undefined, 'retry_later'],
    [500, 999999, undefined, 'retry_later'],
    [400, 999999, undefined, 'permanent'],
  ])('HTTP %i with code %i/%s is classified %s', async (status, code, subcode, classification) => {
    stub.handler = () => ({ status, json: graphError(code, subcode) });
    const error = await failure(client.sendMessage('1', '15551234567', text));
    expect(error).toMatchObject({
      code,
      subcode,
      httpStatus: status,
      classification,
      details: 'details from Meta',
      fbtraceId: 'AbCdEfTrace',
    });
    expect(error.message).not.toContain('15551234567');
    expect(JSON.stringify(error)).not.toContain('15551234567');
  });

  test('the back-off of a pair-rate error grows as 4^attempt seconds', async () => {
    stub.handler = () => ({ status: 400, json: graphError(131056) });
    const third = await failure(client.sendMessage('1', '15551234567', text, 2));
    expect(third).toMatchObject({ classification: 'rate_limited', retryAfterMs: 16_000 });
  });

  test('an HTML error page from a proxy is retry_later on 502', async () => {
    stub.handler = () => ({ status: 502, text: '<html>Bad gateway</html>' });
    expect(await failure(client.sendMessage('1', '15551234567', text))).toMatchObject({ classification: 'retry_later', httpStatus: 502 });
  });

  test('a timeout is a network failure, retry_later', async () => {
    stub.handler = () => ({ delayMs: 1500, json: {} });
    expect(await failure(client.sendMessage('1', '15551234567', text))).toMatchObject({ code: -1, classification: 'retry_later' });
  });

  test('a refused connection is a network failure, retry_later', async () => {
    const offline = new WhatsAppClient({ baseUrl: 'http://127.0.0.1:9', graphVersion: 'v23.0', accessToken: 't' });
    expect(await failure(offline.sendMessage('1', '15551234567', text))).toMatchObject({ code: -1, classification: 'retry_later' });
  });
});

describe('WhatsAppClient — other calls', () => {
  test('markAsRead with typing indicator', async () => {
    stub.handler = () => ({ json: { success: true } });
    await client.markAsRead('1', 'wamid.IN1', { typing: true });
    expect(stub.requests[0].body).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.IN1',
      typing_indicator: { type: 'text' },
    });
  });

  test('listTemplates follows paging.next until the last page', async () => {
    const template = (id: string) => ({
      id,
      name: `t${id}`,
      language: 'en_US',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: 'Hi {{1}}' }],
    });
    stub.handler = (req) =>
      req.url.searchParams.get('after') === 'c2'
        ? { json: { data: [template('3')], paging: { cursors: { before: 'c2' } } } }
        : {
            json: {
              data: [template('1'), template('2')],
              paging: { next: `${stub.baseUrl}/v23.0/waba1/message_templates?limit=100&after=c2` },
            },
          };
    const templates = await client.listTemplates('waba1');
    expect(templates.map((t) => t.id)).toEqual(['1', '2', '3']);
    expect(stub.requests).toHaveLength(2);
    expect(stub.requests[0].url.searchParams.get('fields')).toContain('components');
    expect(stub.requests.every((r) => r.headers.authorization === 'Bearer tok-123')).toBe(true);
  });

  test('listTemplates refuses to send the token to another origin', async () => {
    stub.handler = () => ({ json: { data: [], paging: { next: 'https://evil.example/next' } } });
    await expect(client.listTemplates('waba1')).rejects.toBeInstanceOf(GraphApiError);
    expect(stub.requests).toHaveLength(1);
  });

  test('getMedia then downloadMedia with the token', async () => {
    stub.handler = (req) =>
      req.url.pathname === '/v23.0/media-9'
        ? { json: { id: 'media-9', url: `${stub.baseUrl}/download/media-9`, mime_type: 'image/jpeg', file_size: 3 } }
        : { bytes: Buffer.from([1, 2, 3]), contentType: 'image/jpeg' };
    const info = await client.getMedia('media-9');
    expect(info).toMatchObject({ id: 'media-9', mimeType: 'image/jpeg', fileSize: 3 });
    const media = await client.downloadMedia(info.url);
    expect([...media.data]).toEqual([1, 2, 3]);
    expect(media.contentType).toBe('image/jpeg');
    expect(stub.requests[1].headers.authorization).toBe('Bearer tok-123');
  });

  test('an expired media URL (404) is a classified error', async () => {
    stub.handler = () => ({ status: 404, text: 'gone' });
    expect(await failure(client.downloadMedia(`${stub.baseUrl}/download/x`))).toMatchObject({
      httpStatus: 404,
      classification: 'permanent',
    });
  });

  test('uploadMedia posts the file as multipart and returns the media id', async () => {
    stub.handler = () => ({ json: { id: '990011' } });
    const result = await client.uploadMedia('108932450377265', {
      data: Buffer.from('%PDF-1.4'),
      mimeType: 'application/pdf',
      filename: 'menu.pdf',
    });
    expect(result).toEqual({ id: '990011' });
    const [req] = stub.requests;
    expect(req.url.pathname).toBe('/v23.0/108932450377265/media');
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.body).toEqual(expect.stringContaining('filename="menu.pdf"'));
    expect(req.body).toEqual(expect.stringContaining('%PDF-1.4'));
  });

  test('getPhoneNumber asks for the given fields', async () => {
    stub.handler = () => ({ json: { id: '1', is_on_biz_app: true, platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' } } });
    const info = await client.getPhoneNumber('1', ['is_on_biz_app', 'platform_type', 'throughput']);
    expect(info).toMatchObject({ id: '1', is_on_biz_app: true });
    expect(stub.requests[0].url.searchParams.get('fields')).toBe('is_on_biz_app,platform_type,throughput');
  });
});
