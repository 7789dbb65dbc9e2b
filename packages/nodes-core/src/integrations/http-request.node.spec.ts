import type { HttpRequest } from '@tandem/node-sdk';
import { runNode } from '@tandem/node-sdk/testing';
import { contacts } from '../__fixtures__/contacts';
import { httpRequestNode } from './http-request.node';
import { MAX_KEPT_BODY } from './json-template.util';

const credentials = { shop: { baseUrl: 'https://shop.test/api', token: 's3cret' } };

describe('core.http-request@1', () => {
  test.each<[string, Record<string, unknown>, HttpRequest]>([
    [
      'a GET with placeholders encoded in the URL',
      { url: 'https://shop.test/orders?customer={{contact.profileName}}&q={{vars.q}}' },
      { method: 'GET', url: 'https://shop.test/orders?customer=Ana&q=a%26b%20c', headers: {}, timeoutMs: 10_000 },
    ],
    [
      'credential fields inserted as is, in URL and headers',
      {
        url: '{{credential.baseUrl}}/orders/{{vars.order}}',
        credential: 'shop',
        headers: [{ name: 'Authorization', value: 'Bearer {{credential.token}}' }],
      },
      { method: 'GET', url: 'https://shop.test/api/orders/A-17', headers: { Authorization: 'Bearer s3cret' }, timeoutMs: 10_000 },
    ],
    [
      'a JSON body whose values keep their types',
      {
        method: 'POST',
        url: 'https://crm.test/events',
        bodyType: 'json',
        body: '{"name":"{{contact.profileName}}","order":"{{vars.order}}","total":"{{vars.total}}","note":"Said \\"{{vars.q}}\\""}',
        timeoutMs: 5000,
      },
      {
        method: 'POST',
        url: 'https://crm.test/events',
        headers: { 'Content-Type': 'application/json' },
        timeoutMs: 5000,
        body: { name: 'Ana', order: 'A-17', total: 99.5, note: 'Said "a&b c"' },
      },
    ],
    [
      'a text body',
      { method: 'PUT', url: 'https://crm.test/notes', bodyType: 'text', body: 'Customer {{contact.profileName}}' },
      { method: 'PUT', url: 'https://crm.test/notes', headers: {}, timeoutMs: 10_000, body: 'Customer Ana' },
    ],
  ])('sends %s', async (_name, config, request) => {
    const result = await runNode(httpRequestNode, {
      config,
      credentials,
      contact: contacts.windowOpen,
      variables: { order: 'A-17', total: 99.5, q: 'a&b c' },
      httpResponses: [{ status: 200, body: { ok: true } }],
    });
    expect(result.httpCalls).toEqual([request]);
    expect(result.port).toBe('main');
  });

  test.each<[string, Parameters<typeof runNode>[1]['httpResponses'], string, unknown]>([
    ['2xx → main', [{ status: 201, body: { id: 9 } }], 'main', { status: 201, body: { id: 9 } }],
    ['404 → error', [{ status: 404, body: { message: 'no such order' } }], 'error', { status: 404, body: { message: 'no such order' } }],
    ['500 → error', [{ status: 500, body: 'Internal error' }], 'error', { status: 500, body: 'Internal error' }],
    [
      'network failure → error, without the system text',
      [new Error('connect ECONNREFUSED')],
      'error',
      { error: 'the request to shop.test failed' },
    ],
  ])('%s', async (_name, httpResponses, port, output) => {
    const result = await runNode(httpRequestNode, { config: { url: 'https://shop.test/x' }, httpResponses });
    expect(result.port).toBe(port);
    expect(result.output).toEqual(output);
  });

  it('saves the response to a variable', async () => {
    const result = await runNode(httpRequestNode, {
      config: { url: 'https://shop.test/x', saveAs: 'order' },
      httpResponses: [{ status: 200, body: { state: 'shipped' } }],
    });
    expect(result.variables).toEqual({ order: { status: 200, body: { state: 'shipped' } } });
  });

  it('keeps only the start of a huge body', async () => {
    const result = await runNode(httpRequestNode, {
      config: { url: 'https://shop.test/x', saveAs: 'page' },
      httpResponses: [{ status: 200, body: 'x'.repeat(MAX_KEPT_BODY + 10) }],
    });
    expect(result.output).toEqual({ status: 200, body: 'x'.repeat(MAX_KEPT_BODY), truncated: true });
  });

  it('does not call a URL that is not http(s) once filled in', async () => {
    const result = await runNode(httpRequestNode, { config: { url: '{{vars.target}}' }, variables: { target: 'file:///etc/passwd' } });
    expect(result.port).toBe('error');
    expect(result.output).toEqual({ error: 'only http and https addresses can be called' });
    expect(result.httpCalls).toEqual([]);
  });

  test.each([
    [{ url: 'https://x.test', bodyType: 'json' }, 'give a body'],
    [{ url: 'https://x.test', method: 'POST', bodyType: 'json', body: '{oops' }, 'not valid JSON'],
    [{ url: 'https://x.test', bodyType: 'text', body: 'x' }, 'a GET request has no body'],
    [{ url: 'https://x.test', timeoutMs: 60_000 }, 'timeoutMs'],
    [{ url: 'https://x.test', headers: [{ name: 'Bad Header', value: 'x' }] }, 'a header name'],
  ])('rejects config %j', async (config, message) => {
    await expect(runNode(httpRequestNode, { config })).rejects.toThrow(message);
  });

  it('fails the step when the credential is not set up', async () => {
    await expect(runNode(httpRequestNode, { config: { url: 'https://x.test', credential: 'missing' } })).rejects.toThrow(
      'credential "missing" is not set up',
    );
  });
});
