import { defineNode, findOutboundHttpError, NodeConfigError, RetryableNodeError } from '@tandem/node-sdk';
import { z } from 'zod';

/** What the CRM answers for a found contact; checked, never trusted. */
const crmAnswer = z.object({ contact: z.record(z.string(), z.unknown()) });

/**
 * `acme.crm-lookup@1`: finds the contact in the ACME CRM by phone or e-mail and copies
 * CRM fields onto the contact's attributes.
 * Ports: `found`, `not_found`, `error`. A rate-limited CRM (429) is retried.
 */
export const crmLookup = defineNode({
  type: 'acme.crm-lookup',
  version: 1,
  label: 'Look up in ACME CRM',
  category: 'Integrations',
  icon: 'database',
  description: 'Finds the contact in ACME CRM and saves their plan, company… on the contact.',
  config: z.object({
    /** Credential with `baseUrl` and `apiKey`. */
    credential: z.string().min(1).default('acme-crm'),
    lookupBy: z.enum(['phone', 'email']).default('phone'),
    /** CRM field → contact attribute. */
    fields: z.record(z.string(), z.string().regex(/^\w+$/)).default({ plan: 'plan', company: 'company' }),
  }),
  ports: ['found', 'not_found', 'error'],

  async run(ctx, config) {
    const { baseUrl, apiKey } = await ctx.credentials.get(config.credential);
    if (!baseUrl || !apiKey) throw new NodeConfigError(`credential "${config.credential}" needs baseUrl and apiKey`);

    const key = config.lookupBy === 'phone' ? ctx.contact.waId : ctx.contact.attributes.email;
    if (typeof key !== 'string' || key === '') return { port: 'not_found', output: { reason: `contact has no ${config.lookupBy}` } };

    let response;
    try {
      response = await ctx.http.request({
        method: 'GET',
        url: `${baseUrl}/contacts?${config.lookupBy}=${encodeURIComponent(key)}`,
        headers: { Authorization: `Bearer ${apiKey}` },
      });
    } catch (error) {
      // The outbound guard's message is written for the journey's author; any other error
      // text describes the worker's inside and stays there.
      return { port: 'error', output: { error: findOutboundHttpError(error)?.message ?? 'the CRM could not be reached' } };
    }

    if (response.status === 429) {
      throw new RetryableNodeError('ACME CRM rate limit', { retryAfterMs: Number(response.headers['retry-after'] ?? 30) * 1000 });
    }
    if (response.status === 404) return { port: 'not_found' };
    if (response.status !== 200) return { port: 'error', output: { status: response.status } };

    const answer = crmAnswer.safeParse(response.body);
    if (!answer.success) return { port: 'error', output: { error: 'unexpected CRM answer' } };
    const record = answer.data.contact;
    const saved: Record<string, unknown> = {};
    for (const [field, attribute] of Object.entries(config.fields)) {
      const value = record[field];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        await ctx.contacts.setAttribute(attribute, value);
        saved[attribute] = value;
      }
    }
    return { port: 'found', output: { crmId: record.id, saved } };
  },
});
