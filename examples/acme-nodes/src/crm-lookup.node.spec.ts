import { createGuardedHttpClient, RetryableNodeError } from '@tandem/node-sdk';
import { runNode, type HttpResponseStub } from '@tandem/node-sdk/testing';
import { crmLookup } from './crm-lookup.node';

const credentials = { 'acme-crm': { baseUrl: 'https://crm.acme.test/v2', apiKey: 'k-123' } };
const ana = { contact: { id: 'crm-77', plan: 'enterprise', company: 'Padaria Ana', score: 0.8 } };

describe('acme.crm-lookup@1', () => {
  it('finds the contact by phone and saves the mapped fields', async () => {
    const result = await runNode(crmLookup, { config: {}, credentials, httpResponses: [{ status: 200, body: ana }] });

    expect(result.port).toBe('found');
    expect(result.httpCalls).toEqual([
      { method: 'GET', url: 'https://crm.acme.test/v2/contacts?phone=351910000001', headers: { Authorization: 'Bearer k-123' } },
    ]);
    expect(result.contactChanges).toEqual([
      { op: 'setAttribute', key: 'plan', value: 'enterprise' },
      { op: 'setAttribute', key: 'company', value: 'Padaria Ana' },
    ]);
    expect(result.output).toEqual({ crmId: 'crm-77', saved: { plan: 'enterprise', company: 'Padaria Ana' } });
  });

  test.each<[string, HttpResponseStub | Error, string]>([
    ['unknown to the CRM', { status: 404 }, 'not_found'],
    ['CRM error', { status: 500, body: 'oops' }, 'error'],
    ['CRM answer in an unexpected shape', { status: 200, body: { results: [] } }, 'error'],
    ['CRM unreachable', new Error('ECONNREFUSED'), 'error'],
  ])('%s → %s', async (_name, response, port) => {
    const result = await runNode(crmLookup, { config: {}, credentials, httpResponses: [response] });
    expect(result.port).toBe(port);
    expect(result.contactChanges).toEqual([]);
  });

  it('looks up by e-mail with a custom field mapping', async () => {
    const result = await runNode(crmLookup, {
      config: { lookupBy: 'email', fields: { score: 'crm_score' } },
      contact: { attributes: { email: 'ana+shop@example.com' } },
      credentials,
      httpResponses: [{ status: 200, body: ana }],
    });
    expect(result.httpCalls[0].url).toBe('https://crm.acme.test/v2/contacts?email=ana%2Bshop%40example.com');
    expect(result.contactChanges).toEqual([{ op: 'setAttribute', key: 'crm_score', value: 0.8 }]);
  });

  it('goes to not_found without calling the CRM when the contact has no e-mail', async () => {
    const result = await runNode(crmLookup, { config: { lookupBy: 'email' }, credentials });
    expect(result.port).toBe('not_found');
    expect(result.httpCalls).toEqual([]);
  });

  it('asks the engine to retry when rate limited', async () => {
    const error = await runNode(crmLookup, {
      config: {},
      credentials,
      httpResponses: [{ status: 429, headers: { 'retry-after': '12' } }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableNodeError);
    expect(error).toMatchObject({ retryAfterMs: 12_000 });
  });

  it('explains a credential without an API key', async () => {
    await expect(runNode(crmLookup, { config: {}, credentials: { 'acme-crm': { baseUrl: 'https://x' } } })).rejects.toThrow(
      'credential "acme-crm" needs baseUrl and apiKey',
    );
  });

  it('shows the outbound guard’s reason, and nothing of the error text of a failure', async () => {
    const http = createGuardedHttpClient();
    const internal = { 'acme-crm': { baseUrl: 'http://10.0.0.9/v2', apiKey: 'k-123' } };
    const refused = await runNode(crmLookup, { config: {}, credentials: internal, http });
    await http.close();
    expect([refused.port, refused.output]).toEqual(['error', { error: 'the address 10.0.0.9 is private and not allowed' }]);
    const failed = await runNode(crmLookup, { config: {}, credentials, httpResponses: [new Error('connect ECONNREFUSED 10.1.1.1:443')] });
    expect(failed.output).toEqual({ error: 'the CRM could not be reached' });
  });
});
